package trace

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"

	"mqttviz/codec"
)

// Direction says which side started an in-flight exchange: the side that
// holds it sent the PUBLISH (Out) or received it (In).
type Direction uint8

// The two directions of an exchange.
const (
	// Out is a message this side sent and the other has not finished
	// acknowledging.
	Out Direction = iota
	// In is a message this side received and has not finished
	// acknowledging.
	In
)

// directionNames are each direction's name: English (its JSON form) and
// Chinese.
var directionNames = [...]codec.Text{
	Out: {EN: "out", ZH: "发"},
	In:  {EN: "in", ZH: "收"},
}

// Text is the direction's name in English and Chinese.
func (d Direction) Text() codec.Text {
	if int(d) < len(directionNames) {
		return directionNames[d]
	}
	return codec.Text{EN: "direction " + strconv.Itoa(int(d)), ZH: "方向 " + strconv.Itoa(int(d))}
}

// String is the direction's English name, its JSON form: "out" or "in".
func (d Direction) String() string { return d.Text().EN }

// MarshalText writes the direction as its English name, which JSON
// holds as a string. (As a json.Marshaler, whose output the encoder
// checks again, the names of stages and directions were two thirds of
// the time a watch stream message took to write.)
func (d Direction) MarshalText() ([]byte, error) {
	if int(d) >= len(directionNames) {
		return nil, errors.New("trace: no such direction " + strconv.Itoa(int(d)))
	}
	return []byte(directionNames[d].EN), nil
}

// UnmarshalJSON reads a direction's English name; any other string is an
// error.
func (d *Direction) UnmarshalJSON(b []byte) error {
	i, err := lookUp(b, directionNames[:], "direction")
	*d = Direction(i)
	return err
}

// Stage is where an in-flight QoS 1 or 2 exchange stands: what its holder
// last did and what it waits for.
type Stage uint8

// The stages of an exchange. A sender goes StageUnsent (a client's message
// kept while it has no connection), StagePublishSent and, at QoS 2,
// StagePubrelSent; a QoS 2 receiver holds StagePubrecSent, or
// StagePubrecHeld when it forwards the message only on PUBREL.
const (
	// StageUnsent: kept to send once connected.
	StageUnsent Stage = iota
	// StagePublishSent: PUBLISH sent, waiting for PUBACK (QoS 1) or
	// PUBREC (QoS 2).
	StagePublishSent
	// StagePubrelSent: PUBREL sent, waiting for PUBCOMP.
	StagePubrelSent
	// StagePubrecSent: PUBREC sent, waiting for PUBREL.
	StagePubrecSent
	// StagePubrecHeld: PUBREC sent, the message held until PUBREL.
	StagePubrecHeld
)

// stageNames are each stage's name: English (its JSON form) and Chinese.
var stageNames = [...]codec.Text{
	StageUnsent:      {EN: "not sent yet", ZH: "尚未发送，等连接建立后发送"},
	StagePublishSent: {EN: "PUBLISH sent", ZH: "已发送 PUBLISH，等待确认"},
	StagePubrelSent:  {EN: "PUBREL sent", ZH: "已发送 PUBREL，等待 PUBCOMP"},
	StagePubrecSent:  {EN: "PUBREC sent", ZH: "已发送 PUBREC，等待 PUBREL"},
	StagePubrecHeld:  {EN: "PUBREC sent, message held until PUBREL", ZH: "已发送 PUBREC，消息暂存到收到 PUBREL 为止"},
}

// Text is the stage's name in English and Chinese.
func (s Stage) Text() codec.Text {
	if int(s) < len(stageNames) {
		return stageNames[s]
	}
	return codec.Text{EN: "stage " + strconv.Itoa(int(s)), ZH: "阶段 " + strconv.Itoa(int(s))}
}

// String is the stage's English name, its JSON form: "PUBLISH sent".
func (s Stage) String() string { return s.Text().EN }

// MarshalText writes the stage as its English name, which JSON holds as
// a string (see Direction.MarshalText).
func (s Stage) MarshalText() ([]byte, error) {
	if int(s) >= len(stageNames) {
		return nil, errors.New("trace: no such in-flight stage " + strconv.Itoa(int(s)))
	}
	return []byte(stageNames[s].EN), nil
}

// UnmarshalJSON reads a stage's English name; any other string is an
// error.
func (s *Stage) UnmarshalJSON(b []byte) error {
	i, err := lookUp(b, stageNames[:], "in-flight stage")
	*s = Stage(i)
	return err
}

// lookUp is the index of the JSON string b among the English names, or an
// error naming what was looked for.
func lookUp(b []byte, names []codec.Text, what string) (int, error) {
	if n := len(b); n >= 2 && b[0] == '"' && b[n-1] == '"' && bytes.IndexByte(b[1:n-1], '\\') < 0 {
		// A string without escapes, as the names are written: itself.
		for i, name := range names {
			if name.EN == string(b[1:n-1]) {
				return i, nil
			}
		}
	}
	var en string
	if err := json.Unmarshal(b, &en); err != nil {
		return 0, errors.New("trace: a " + what + " is a string, not " + string(b))
	}
	for i, n := range names {
		if n.EN == en {
			return i, nil
		}
	}
	return 0, errors.New("trace: unknown " + what + " " + strconv.Quote(en))
}

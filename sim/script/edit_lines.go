package script

import (
	"strconv"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// The lines an instructor's change adds, written from typed values: no
// one types the scenario language. Every string is quoted with Go escapes,
// as the language reads them; a line is checked by parsing the changed
// scenario, whose errors name it.

// PacketRef is one packet of a trace as a rule names it: the client whose
// link carries it, the direction, the type and the packet id (0 for a
// type without one).
type PacketRef struct {
	Client string
	Dir    sim.Direction
	Type   codec.PacketType
	ID     uint16
}

// PacketOf returns the packet a step carries; ok is false for a step that
// is not a packet between a client and the broker.
func PacketOf(s trace.Step) (ref PacketRef, ok bool) {
	if s.Kind != trace.KindPacket || s.Packet == 0 {
		return ref, false
	}
	switch trace.BrokerName {
	case s.To:
		ref = PacketRef{Client: s.From, Dir: sim.Up}
	case s.From:
		ref = PacketRef{Client: s.To, Dir: sim.Down}
	default:
		return ref, false
	}
	ref.Type = s.Packet
	if p, err := codec.Decode(s.Bytes); err == nil {
		ref.ID = sim.PacketID(p)
	}
	return ref, true
}

// rule is "TYPE to|from CLIENT [id=N]", the packet a rule picks.
func (r PacketRef) rule() string {
	dir := "to"
	if r.Dir == sim.Up {
		dir = "from"
	}
	s := r.Type.String() + " " + dir + " " + r.Client
	if r.ID != 0 {
		s += " id=" + strconv.Itoa(int(r.ID))
	}
	return s
}

// Sender is the name of the packet's sender: the client, or the broker.
func (r PacketRef) Sender() string {
	if r.Dir == sim.Up {
		return r.Client
	}
	return trace.BrokerName
}

// IsAck reports whether the packet is one its sender may hold back: a
// client's PUBACK, PUBREC, PUBREL or PUBCOMP; the broker's, or its SUBACK
// or UNSUBACK.
func (r PacketRef) IsAck() bool {
	types := ackTypes
	if r.Dir == sim.Down {
		types = brokerAckTypes
	}
	_, ok := types[r.Type.String()]
	return ok
}

// LoseLine drops exactly that packet: the next one of its type, direction
// and id on its client's link, from the statement that sent it on.
func LoseLine(r PacketRef) string { return "drop next " + r.rule() }

// DuplicateLine has the network carry that packet twice, the same bytes.
func DuplicateLine(r PacketRef) string { return "duplicate next " + r.rule() }

// ResendLine has the packet's sender send it again at once, as its resend
// timer would (DUP 1 on a PUBLISH).
func ResendLine(r PacketRef) string { return "resend next " + r.rule() }

// ResendNowLine has client send every unanswered PUBLISH and PUBREL again
// now.
func ResendNowLine(client string) string { return "resend " + client }

// ReconnectLines break the client's connection and connect it again:
// with clean session 0 it then resends what has no answer.
func ReconnectLines(client string) []string { return []string{"cut " + client, "connect " + client} }

// HoldLines hold back the client's acknowledgements of type t: before is
// the hold line, to go before the statement that sent the packet; after,
// when ms > 0, lets ms pass and releases them, to go after it. With ms 0
// they stay held until a release (ReleaseLine).
func HoldLines(client string, t codec.PacketType, ms int64) (before, after []string) {
	before = []string{"hold " + client + " " + t.String()}
	if ms > 0 {
		after = []string{waitLine(ms), ReleaseLine(client, t)}
	}
	return before, after
}

// ReleaseLine has the client send the acknowledgements it held.
func ReleaseLine(client string, t codec.PacketType) string {
	return "release " + client + " " + t.String()
}

// BrokerHoldLines are HoldLines for the broker's acknowledgements of type
// t to client: `hold broker CLIENT TYPE` before, and with ms > 0 `wait`
// and `release broker CLIENT TYPE` after.
func BrokerHoldLines(client string, t codec.PacketType, ms int64) (before, after []string) {
	before = []string{"hold " + trace.BrokerName + " " + client + " " + t.String()}
	if ms > 0 {
		after = []string{waitLine(ms), "release " + trace.BrokerName + " " + client + " " + t.String()}
	}
	return before, after
}

// waitLine lets ms milliseconds pass.
func waitLine(ms int64) string { return "wait " + strconv.FormatInt(ms, 10) + "ms" }

// ActionKind is an action an instructor adds at the cursor.
type ActionKind string

// The actions at the cursor.
const (
	ActConnect     ActionKind = "connect"
	ActDisconnect  ActionKind = "disconnect"
	ActCut         ActionKind = "cut"
	ActSilence     ActionKind = "silence"
	ActRestore     ActionKind = "restore"
	ActSubscribe   ActionKind = "subscribe"
	ActUnsubscribe ActionKind = "unsubscribe"
	ActPublish     ActionKind = "publish"
	ActRelease     ActionKind = "release"
	// ActBrokerRelease has the broker send what it holds for the client.
	ActBrokerRelease ActionKind = "release-broker"
	ActWait          ActionKind = "wait"
	ActAddClient     ActionKind = "client"
)

// ActionKinds lists the actions in the order a form offers them.
var ActionKinds = []ActionKind{ActConnect, ActDisconnect, ActCut, ActSilence, ActRestore, ActSubscribe, ActUnsubscribe, ActPublish, ActRelease, ActBrokerRelease, ActWait, ActAddClient}

// Action is one action at the cursor, with what its form asked. Fields
// that an action does not use are ignored.
type Action struct {
	Kind   ActionKind
	Client string
	// Topic is a PUBLISH's topic or a filter to (un)subscribe.
	Topic   string
	Payload string
	QoS     codec.QoS
	Retain  bool
	// WaitMS is how long time passes.
	WaitMS int64
	// NewClient describes the client ActAddClient adds.
	NewClient NewClient
}

// NewClient is a client an instructor adds, with its CONNECT's options.
type NewClient struct {
	Name, ClientID string
	Clean          bool
	KeepAlive      uint16
	User, Password string
	// WillTopic, when not empty, gives the client a will.
	WillTopic, WillPayload string
	WillQoS                codec.QoS
	WillRetain             bool
}

// Lines are the scenario lines of the action.
func (a Action) Lines() []string {
	q := strconv.Quote
	switch a.Kind {
	case ActSubscribe:
		return []string{"subscribe " + a.Client + " " + q(a.Topic) + " qos=" + qos(a.QoS)}
	case ActUnsubscribe:
		return []string{"unsubscribe " + a.Client + " " + q(a.Topic)}
	case ActPublish:
		return []string{"publish " + a.Client + " " + q(a.Topic) + " " + q(a.Payload) + " qos=" + qos(a.QoS) + " retain=" + flag(a.Retain)}
	case ActRelease:
		return []string{"release " + a.Client + " PUBACK PUBREC PUBREL PUBCOMP"}
	case ActBrokerRelease:
		return []string{"release " + trace.BrokerName + " " + a.Client + " PUBACK PUBREC PUBREL PUBCOMP SUBACK UNSUBACK"}
	case ActWait:
		return []string{waitLine(max(a.WaitMS, 1))}
	case ActAddClient:
		return a.NewClient.lines()
	}
	return []string{string(a.Kind) + " " + a.Client}
}

// lines are the client line, and its will line when it has a will.
func (c NewClient) lines() []string {
	q := strconv.Quote
	var b strings.Builder
	b.WriteString("client " + c.Name)
	if c.ClientID != "" {
		b.WriteString(" id=" + q(c.ClientID))
	}
	b.WriteString(" clean=" + flag(c.Clean) + " keepalive=" + strconv.Itoa(int(c.KeepAlive)))
	if c.User != "" {
		b.WriteString(" user=" + q(c.User))
	}
	if c.Password != "" {
		b.WriteString(" pass=" + q(c.Password))
	}
	out := []string{b.String()}
	if c.WillTopic != "" {
		out = append(out, "will "+c.Name+" "+q(c.WillTopic)+" "+q(c.WillPayload)+" qos="+qos(c.WillQoS)+" retain="+flag(c.WillRetain))
	}
	return out
}

func qos(q codec.QoS) string { return strconv.Itoa(int(q)) }

func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

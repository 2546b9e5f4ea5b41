// Package predict builds the questions of the player's predict mode from
// a trace alone: before each packet step, the packet that comes (who
// sends it to whom, its type and its flags) among distractors made from
// the same trace and the protocol — the same packet from the other side,
// the other acknowledgement (PUBACK for PUBREC), a wrong QoS, DUP or
// retain flag, the packet that comes later, no packet at all. Every
// lesson, and every lesson an instructor changes, has its quiz without a
// quiz file. Pure: it imports sim/trace and codec only, and the same
// trace always gives the same questions.
package predict

import (
	"hash/fnv"
	"mqttviz/codec"
	"mqttviz/sim/trace"
	"strconv"
)

// Choices is how many choices a question offers when the trace gives as
// many distinct ones (it always gives at least three).
const Choices = 4

// Guess is one answer: a packet from one node to another with its type
// and flags, or no packet at all.
type Guess struct {
	// None is "no packet comes next"; the other fields are then zero.
	None bool
	// From sends the packet to To.
	From, To string
	Packet   codec.PacketType
	// QoS, Dup and Retain are the PUBLISH flags of the fixed header (zero
	// for the other packet types).
	QoS         codec.QoS
	Dup, Retain bool
}

// Question is what the student answers before one packet step.
type Question struct {
	// Step is the index in the trace of the packet step asked about.
	Step int
	// Choices are the distinct guesses offered, in the order shown.
	Choices []Guess
	// Answer is the index in Choices of the packet that comes.
	Answer int
}

// Asks reports whether the step gets a question: a packet step with
// bytes, at least its first byte.
func Asks(s trace.Step) bool { return s.Kind == trace.KindPacket && len(s.Bytes) > 0 }

// Of returns the guess that is right for a packet step: its sender,
// receiver, type and, for a PUBLISH, the flags of its first byte (read
// from the bytes, so that a malformed packet's flags are what was sent).
func Of(s trace.Step) Guess {
	g := Guess{From: s.From, To: s.To, Packet: s.Packet}
	if len(s.Bytes) > 0 {
		g.Packet = codec.PacketType(s.Bytes[0] >> 4)
	}
	if g.Packet == codec.PUBLISH {
		b := s.Bytes[0]
		g.Dup, g.QoS, g.Retain = b&0x08 != 0, codec.QoS(b>>1&0x03), b&0x01 != 0
	}
	return g
}

// Ask returns the question before step i of t, and false when that step
// gets none (Asks) or there is no step i.
func Ask(t *trace.Trace, i int) (Question, bool) {
	if t == nil || i < 0 || i >= len(t.Steps) || !Asks(t.Steps[i]) {
		return Question{}, false
	}
	right := Of(t.Steps[i])
	choices := []Guess{right}
	for _, g := range distractors(t, i, right) {
		if len(choices) == Choices {
			break
		}
		if !contains(choices, g) {
			choices = append(choices, g)
		}
	}
	// The right answer's place is drawn from the step, not always first.
	at := place(t, i, len(choices))
	choices[0], choices[at] = choices[at], choices[0]
	return Question{Step: i, Choices: choices, Answer: at}, true
}

// Questions returns the question before every packet step of t after
// the first step (the page opens on step 1: nothing comes before it).
func Questions(t *trace.Trace) []Question {
	var out []Question
	for i := 1; t != nil && i < len(t.Steps); i++ {
		if q, ok := Ask(t, i); ok {
			out = append(out, q)
		}
	}
	return out
}

// distractors are the wrong guesses for step i, most telling first: the
// protocol's near miss for this packet, the same packet the other way,
// the packet that comes after it, the other near misses, no packet. An
// answer that is no PUBLISH, often an acknowledgement, puts "no packet"
// before the packet that comes after it: the student who thinks nothing
// answers picks it.
func distractors(t *trace.Trace, i int, right Guess) []Guess {
	near := nearMisses(right)
	var out []Guess
	if len(near) > 0 {
		out = append(out, near[0])
	}
	if right.To != "" {
		other := right
		other.From, other.To = right.To, right.From
		out = append(out, other)
	}
	if right.Packet != codec.PUBLISH {
		out = append(out, Guess{None: true})
	}
	if later, ok := laterPacket(t, i, right); ok {
		out = append(out, later)
	}
	if len(near) > 1 {
		out = append(out, near[1:]...)
	}
	return append(out, Guess{None: true})
}

// nearMisses are the packets a student who half knows the protocol
// expects instead of right: for a PUBLISH another QoS, the DUP flag
// flipped (a resend or not), the retain flag flipped; for an
// acknowledgement the one of the other QoS exchange or step.
func nearMisses(right Guess) []Guess {
	if right.Packet == codec.PUBLISH {
		var out []Guess
		q := right
		q.QoS = (right.QoS + 1) % 3
		if q.QoS == 0 {
			q.Dup = false
		}
		out = append(out, q)
		if right.QoS > 0 || right.Dup {
			d := right
			d.Dup = !right.Dup
			out = append(out, d)
		}
		r := right
		r.Retain = !right.Retain
		out = append(out, r)
		q2 := right
		q2.QoS = (right.QoS + 2) % 3
		if q2.QoS == 0 {
			q2.Dup = false
		}
		return append(out, q2)
	}
	var out []Guess
	for _, p := range confusedWith[right.Packet] {
		g := right
		g.Packet = p
		out = append(out, g)
	}
	return out
}

// confusedWith are, for each packet type but PUBLISH, the types a
// student mistakes it for: the acknowledgement of the other QoS, the
// next or previous step of the QoS 2 exchange, the other request and
// answer pairs.
var confusedWith = map[codec.PacketType][]codec.PacketType{
	codec.CONNECT:     {codec.CONNACK, codec.SUBSCRIBE},
	codec.CONNACK:     {codec.SUBACK, codec.CONNECT},
	codec.PUBACK:      {codec.PUBREC, codec.PUBCOMP},
	codec.PUBREC:      {codec.PUBACK, codec.PUBCOMP},
	codec.PUBREL:      {codec.PUBCOMP, codec.PUBACK},
	codec.PUBCOMP:     {codec.PUBREL, codec.PUBACK},
	codec.SUBSCRIBE:   {codec.UNSUBSCRIBE, codec.PUBLISH},
	codec.SUBACK:      {codec.PUBACK, codec.CONNACK},
	codec.UNSUBSCRIBE: {codec.SUBSCRIBE, codec.DISCONNECT},
	codec.UNSUBACK:    {codec.SUBACK, codec.PUBACK},
	codec.PINGREQ:     {codec.PINGRESP, codec.DISCONNECT},
	codec.PINGRESP:    {codec.PINGREQ, codec.PUBACK},
	codec.DISCONNECT:  {codec.PINGREQ, codec.UNSUBSCRIBE},
}

// laterPacket is the first packet after step i that differs from right:
// the student who skips a step picks it.
func laterPacket(t *trace.Trace, i int, right Guess) (Guess, bool) {
	for _, s := range t.Steps[i+1:] {
		if !Asks(s) {
			continue
		}
		if g := Of(s); g != right {
			return g, true
		}
	}
	return Guess{}, false
}

// place is where the right answer goes among n choices for step i of t:
// from a hash of the trace's name and the step, the same every time.
func place(t *trace.Trace, i, n int) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(t.Scenario + "#" + strconv.Itoa(i)))
	return int(h.Sum32() % uint32(n))
}

func contains(gs []Guess, g Guess) bool {
	for _, x := range gs {
		if x == g {
			return true
		}
	}
	return false
}

package script

import (
	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// PacketChangeKind is what an instructor does to one packet of a run.
type PacketChangeKind string

// The changes to a packet on its arrow.
const (
	// LosePacket drops it on the link.
	LosePacket PacketChangeKind = "lose"
	// HoldAck has its sender, a client, hold it back.
	HoldAck PacketChangeKind = "hold"
	// DuplicatePacket has the network carry it twice, the same bytes.
	DuplicatePacket PacketChangeKind = "duplicate"
	// ResendPacket has its sender send it again, as its resend timer
	// would: DUP 1 and the same id on a PUBLISH.
	ResendPacket PacketChangeKind = "resend"
)

// PacketChange is a change to the packet of one step, with what its form
// asked.
type PacketChange struct {
	Kind PacketChangeKind
	// ThenResend, for LosePacket, has the client left waiting for an
	// answer send again after the statement (resend CLIENT).
	ThenResend bool
	// HoldMS, for HoldAck, is how long the acknowledgement stays held;
	// 0 holds it until a release.
	HoldMS int64
}

// Waiting returns the client that waits for an answer when packet r is
// lost, "" when none does or the broker does: a client's own PUBLISH or
// PUBREL, or an answer to one of its QoS 1 and 2 exchanges.
func Waiting(r PacketRef) string {
	switch {
	case r.Dir == sim.Up && (r.Type == codec.PUBLISH && r.ID != 0 || r.Type == codec.PUBREL):
		return r.Client
	case r.Dir == sim.Down && (r.Type == codec.PUBACK || r.Type == codec.PUBREC || r.Type == codec.PUBCOMP):
		return r.Client
	}
	return ""
}

// Allowed reports whether the change applies to packet r: a client holds
// back only its own acknowledgements; a resend is of a PUBLISH with a
// packet id or a PUBREL; ThenResend needs a waiting client.
func (c PacketChange) Allowed(r PacketRef) bool {
	switch c.Kind {
	case LosePacket:
		return !c.ThenResend || Waiting(r) != ""
	case HoldAck:
		return r.Dir == sim.Up && r.IsAck()
	case DuplicatePacket:
		return true
	case ResendPacket:
		return r.Type == codec.PUBLISH && r.ID != 0 || r.Type == codec.PUBREL
	}
	return false
}

// Apply returns source changed at step s (step number i of a run whose
// index is x): the rule goes just before the statement that sent the
// packet, the lines that follow it (a resend, a timed release) just after
// it.
func (c PacketChange) Apply(source string, x *StepIndex, i int, s trace.Step) (string, error) {
	r, ok := PacketOf(s)
	if !ok || !c.Allowed(r) {
		return "", &ParseError{Line: x.Line(i), Col: 1, Text: messages[msgChangeRefused]}
	}
	var before, after []string
	switch c.Kind {
	case LosePacket:
		before = []string{LoseLine(r)}
		if c.ThenResend {
			after = []string{ResendNowLine(Waiting(r))}
		}
	case HoldAck:
		before, after = HoldLines(r.Client, r.Type, c.HoldMS)
	case DuplicatePacket:
		before = []string{DuplicateLine(r)}
	case ResendPacket:
		before = []string{ResendLine(r)}
	}
	// After first: inserting it does not move the place before.
	if len(after) > 0 {
		source = Insert(source, x.After(i), after...)
	}
	return Insert(source, x.Before(i), before...), nil
}

// ActionAt returns source with action a added at step i of a run whose
// index is x: after the statement that produced the step and the expect
// lines that check it (ActionPlace); and the line of its last line, after
// which a next action at the same step goes (ActionAfter), so that
// actions added one after another run in that order.
func ActionAt(source string, x *StepIndex, i int, a Action) (string, int) {
	return InsertAt(source, ActionPlace(source, x.Line(i)), a.Lines()...)
}

// ActionAfter returns source with action a added after line, and the line
// of its last line.
func ActionAfter(source string, line int, a Action) (string, int) {
	return InsertAt(source, Place{Line: line, After: true}, a.Lines()...)
}

// Rerun parses and runs a changed scenario, with its step index.
func Rerun(name, source string, seed int64) (*trace.Trace, *StepIndex, error) {
	sc, err := Parse(name, source)
	if err != nil {
		return nil, nil, err
	}
	return sc.RunIndexed(seed)
}

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
	// HoldAck has its sender, a client or the broker, hold it back.
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
	// Then, for LosePacket, is what the client left waiting for an answer
	// does after the statement; the zero value, it waits.
	Then Recovery
	// HoldMS, for HoldAck, is how long the acknowledgement stays held;
	// 0 holds it until a release.
	HoldMS int64
}

// Recovery is what a client left waiting by a lost packet does next, in
// one of the ways MQTT 3.1.1 allows. The specification requires a resend
// in one case only: when the client reconnects with clean session 0, it
// sends every unacknowledged PUBLISH and PUBREL again, DUP 1 and the same
// packet ids [MQTT-4.4.0-1]. On a connection still open it may resend
// (its non-normative comment: some older TCP networks needed it), but need
// not; with clean session 1 a reconnect discards the session and the
// message with it [MQTT-3.1.2-6].
type Recovery string

// The ways a waiting client recovers.
const (
	// KeepWaiting: the client keeps waiting for the answer, as 3.1.1 allows.
	KeepWaiting Recovery = ""
	// ResendOnOpen: the client sends again what has no answer on the
	// same connection, as a library with a retry timer may (resend
	// CLIENT).
	ResendOnOpen Recovery = "resend"
	// Reconnect: the connection breaks, the client reconnects with its
	// session (clean session 0) and must resend (cut CLIENT, connect
	// CLIENT).
	Reconnect Recovery = "reconnect"
)

// Persistent reports whether client's latest CONNECT at or before step i
// of t asked for clean session 0: its session outlives the connection,
// and a reconnect resends what has no answer [MQTT-4.4.0-1].
func Persistent(t *trace.Trace, i int, client string) bool {
	for j := min(i, len(t.Steps)-1); j >= 0; j-- {
		s := t.Steps[j]
		if s.Packet != codec.CONNECT || s.From != client {
			continue
		}
		p, err := codec.Decode(s.Bytes)
		if c, ok := p.(*codec.Connect); ok && err == nil {
			return !c.CleanSession
		}
		return false
	}
	return false
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

// BrokerWaits reports whether the broker is left waiting for an answer
// when packet r is lost: its own QoS 1 or 2 PUBLISH or its PUBREL to the
// client, or the client's answer to one of them.
func BrokerWaits(r PacketRef) bool {
	switch {
	case r.Dir == sim.Down && (r.Type == codec.PUBLISH && r.ID != 0 || r.Type == codec.PUBREL):
		return true
	case r.Dir == sim.Up && (r.Type == codec.PUBACK || r.Type == codec.PUBREC || r.Type == codec.PUBCOMP):
		return true
	}
	return false
}

// Allowed reports whether the change applies to packet r: a client holds
// back only its own acknowledgements, the broker its acknowledgements and
// its PUBREL (IsAck); a resend is of a PUBLISH with a
// packet id or a PUBREL; Then needs a waiting client.
func (c PacketChange) Allowed(r PacketRef) bool {
	switch c.Kind {
	case LosePacket:
		return c.Then == KeepWaiting || Waiting(r) != ""
	case HoldAck:
		return r.IsAck()
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
		switch c.Then {
		case ResendOnOpen:
			after = []string{ResendNowLine(Waiting(r))}
		case Reconnect:
			after = ReconnectLines(Waiting(r))
		}
	case HoldAck:
		before, after = HoldLines(r.Client, r.Type, c.HoldMS)
		if r.Dir == sim.Down {
			before, after = BrokerHoldLines(r.Client, r.Type, c.HoldMS)
		}
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

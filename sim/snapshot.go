package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"mqttviz/sim/trace"
)

// snapshot returns the State now. A snapshot is rebuilt only for what
// changed since the last one: unchanged sessions, retained messages and
// clients are the very same values, shared between steps, and an unchanged
// world gives the last State itself.
func (e *engine) snapshot() *trace.State {
	bs := e.broker.snapshot()
	same := e.lastState != nil && e.lastState.Broker == bs && len(e.lastState.Clients) == len(e.clients)
	for i := 0; same && i < len(e.clients); i++ {
		same = e.clients[i].snapshot() == e.lastState.Clients[i]
	}
	if same {
		return e.lastState
	}
	st := &trace.State{Broker: bs, Clients: make([]*trace.ClientState, len(e.clients))}
	for i, c := range e.clients {
		st.Clients[i] = c.snapshot()
	}
	e.lastState = st
	return st
}

// snapshot returns the broker's state, rebuilt only after a change.
func (b *broker) snapshot() *trace.BrokerState {
	if !b.dirty && b.snap != nil {
		return b.snap
	}
	if b.retainedDirty || b.retainedSnap == nil {
		b.retainedSnap = make([]trace.Message, 0, len(b.topics))
		for _, t := range b.topics {
			b.retainedSnap = append(b.retainedSnap, b.retained[t].asMessage())
		}
		b.retainedDirty = false
	}
	st := &trace.BrokerState{Sessions: b.sessionSnapshots(), Retained: b.retainedSnap}
	b.snap, b.dirty = st, false
	for _, s := range b.came {
		s.reported = b.sessions[s.id] == s
	}
	clear(b.changed)
	clear(b.came)
	clear(b.gone)
	b.changed, b.idsChanged, b.reported = b.changed[:0], false, 0
	b.came, b.reportedCame, b.gone = b.came[:0], 0, b.gone[:0]
	return st
}

// change is what changed in the broker's state since the last snapshot
// or change, as trace.Diff finds it between the two states, without
// building the whole state: the sessions new or changed and those ended,
// in client id order. ok is false when only a snapshot can say: before
// the first snapshot, after a retained message changed, or when
// sessions changed or came many times since the last snapshot.
func (b *broker) change() (c *trace.StateChange, ok bool) {
	if b.snap == nil || b.retainedDirty || len(b.changed)+len(b.came) > 4*len(b.ids)+64 {
		return nil, false
	}
	out := b.changeOut[:0]
	for _, s := range b.changed[b.reported:] {
		// One removed is in gone; one listed twice is unchanged the
		// second time.
		if b.sessions[s.id] != s {
			continue
		}
		prev := s.snap
		if cur := s.snapshot(); !trace.SameSession(prev, cur) {
			out = append(out, cur)
		}
	}
	b.reported = len(b.changed)
	var ended []string
	for _, g := range b.gone {
		if b.sessions[g.ClientID] == nil {
			ended = append(ended, g.ClientID)
		}
	}
	for _, s := range b.came[b.reportedCame:] {
		if b.sessions[s.id] != s {
			continue // it came and went
		}
		// A session that replaced one of the same client id is a
		// change of that one, none when it reads the same.
		var prev *trace.SessionState
		for _, g := range b.gone {
			if g.ClientID == s.id {
				prev = g
			}
		}
		if cur := s.snapshot(); !trace.SameSession(prev, cur) {
			out = append(out, cur)
		}
		s.reported = true
	}
	b.reportedCame = len(b.came)
	clear(b.gone)
	b.gone = b.gone[:0]
	c = newChange(out, ended)
	clear(out)
	b.changeOut = out[:0]
	return c, true
}

// newChange is the change of the sessions in out (the broker's buffer,
// copied) and those ended, nil for none. The change of one session, as
// at every delivery, is allocated with its list.
func newChange(out []*trace.SessionState, ended []string) *trace.StateChange {
	var c *trace.StateChange
	switch {
	case len(out) == 0 && len(ended) == 0:
		return nil
	case len(out) == 1:
		one := &oneSessionChange{list: [1]*trace.SessionState{out[0]}}
		one.c.Sessions = one.list[:]
		c = &one.c
	default:
		c = &trace.StateChange{}
	}
	if len(out) > 1 {
		slices.SortFunc(out, func(x, y *trace.SessionState) int { return strings.Compare(x.ClientID, y.ClientID) })
		c.Sessions = slices.Clone(out)
	}
	if len(ended) > 0 {
		slices.Sort(ended)
		c.Ended = slices.Compact(ended)
	}
	return c
}

// oneSessionChange is a change of one session allocated with its list,
// one allocation for both.
type oneSessionChange struct {
	c    trace.StateChange
	list [1]*trace.SessionState
}

// sessionSnapshots are the sessions' states in client id order: the last
// snapshot's list with the sessions changed since replaced (a fan-out to
// 100 subscribers changes one session per step), rebuilt whole when a
// session came or went.
func (b *broker) sessionSnapshots() []*trace.SessionState {
	if b.snap != nil && !b.idsChanged && len(b.snap.Sessions) == len(b.ids) {
		out := slices.Clone(b.snap.Sessions)
		for _, s := range b.changed {
			if i, ok := slices.BinarySearch(b.ids, s.id); ok && b.sessions[s.id] == s {
				out[i] = s.snapshot()
			}
		}
		return out
	}
	out := make([]*trace.SessionState, 0, len(b.ids))
	for _, id := range b.ids {
		out = append(out, b.sessions[id].snapshot())
	}
	return out
}

// sessionSnapshot is the session for a client id, nil when there is none.
func (b *broker) sessionSnapshot(id string) *trace.SessionState {
	s := b.sessions[id]
	if s == nil {
		return nil
	}
	return s.snapshot()
}

// retainedMessage is the retained message of topic, nil when there is
// none.
func (b *broker) retainedMessage(topic string) *trace.Message {
	m := b.retained[topic]
	if m == nil {
		return nil
	}
	r := m.asMessage()
	return &r
}

// sprintf formats a note.
func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// seconds writes virtual milliseconds as a number of seconds: "90", "1.5".
func seconds(ms int64) string {
	return strconv.FormatFloat(float64(ms)/1000, 'f', -1, 64)
}

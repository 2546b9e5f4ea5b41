package sim

import (
	"fmt"
	"mqttviz/sim/trace"
	"strconv"
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
	st := &trace.BrokerState{Sessions: make([]*trace.SessionState, 0, len(b.ids)), Retained: b.retainedSnap}
	for _, id := range b.ids {
		st.Sessions = append(st.Sessions, b.sessions[id].snapshot())
	}
	b.snap, b.dirty = st, false
	return st
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

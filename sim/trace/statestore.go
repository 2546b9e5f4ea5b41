package trace

import (
	"reflect"
	"slices"
	"strings"
)

// SnapshotEvery is the most steps a trace records from one full state
// snapshot to the next (RecordChange: more for a broker of many
// sessions); the steps between carry only what they changed. StateAt
// applies at most SnapshotEvery-1 changes to a snapshot.
const SnapshotEvery = 32

// StateChange is what one step changed in the state: the sessions,
// retained messages and clients named are their new values, everything
// else is as after the step before. Sessions are sorted by client id and
// retained messages by topic, as in a State.
type StateChange struct {
	// Sessions are the broker's sessions that are new or changed.
	Sessions []*SessionState `json:"sessions,omitempty"`
	// Ended are the client ids of sessions the broker no longer holds.
	Ended []string `json:"ended,omitempty"`
	// Retained are the retained messages set or replaced.
	Retained []Message `json:"retained,omitempty"`
	// Cleared are the topics whose retained message was removed.
	Cleared []string `json:"cleared,omitempty"`
	// Clients are the clients whose state changed, new ones last.
	Clients []*ClientState `json:"clients,omitempty"`
}

// Record appends s to the trace as step len(t.Steps), with st the full
// state after it (nil when the source keeps no state). The trace keeps a
// full snapshot on the first step with a state, on every SnapshotEvery-th
// step after it and on gap steps; on the other steps only the change from
// the state before. st is kept, not copied: it and its parts must not be
// modified afterwards (share unchanged parts between states instead).
func (t *Trace) Record(s Step, st *State) {
	s.Index = len(t.Steps)
	s.Snapshot, s.Change = nil, nil
	if st != nil {
		if t.last == nil || t.sinceSnapshot >= SnapshotEvery-1 || s.Kind == KindGap {
			s.Snapshot, t.sinceSnapshot = st, 0
		} else {
			if t.stale {
				t.last = t.StateAt(len(t.Steps) - 1)
			}
			s.Change = Diff(t.last, st)
			t.sinceSnapshot++
		}
		t.last, t.stale = st, false
	}
	t.Steps = append(t.Steps, s)
}

// RecordChange appends s as Record does, for a source that knows what
// its step changed: c is the change from the state after the step
// before (nil when nothing changed), as Diff would find it, and full
// returns the whole state after s, which the trace asks for only when s
// takes a full snapshot. The step before must have a state (Record or
// RecordChange); otherwise s takes a snapshot. A source whose state has
// thousands of parts need not build it whole on every step; its
// snapshots come every SnapshotEvery steps, or every sessions÷64 steps
// when the broker holds more sessions than 64 × SnapshotEvery, so that
// the snapshots a trace keeps cost about what its changes do (10,000
// idle devices' recording held 21 MB of session lists).
func (t *Trace) RecordChange(s Step, c *StateChange, full func() *State) {
	every := SnapshotEvery
	if t.last != nil && t.last.Broker != nil {
		every = max(every, len(t.last.Broker.Sessions)/64)
	}
	if t.last == nil || t.sinceSnapshot >= every-1 || s.Kind == KindGap {
		t.Record(s, full())
		return
	}
	s.Index = len(t.Steps)
	s.Snapshot, s.Change = nil, c
	t.sinceSnapshot++
	t.stale = true
	t.Steps = append(t.Steps, s)
}

// StateAt returns the state after step i: the nearest snapshot at or
// before i with the changes of the steps after it applied. It is nil when
// i is out of range or no step up to i has a snapshot. The result shares
// its parts with the trace: do not modify it.
func (t *Trace) StateAt(i int) *State {
	if i < 0 || i >= len(t.Steps) {
		return nil
	}
	j := i
	for j >= 0 && t.Steps[j].Snapshot == nil {
		j--
	}
	if j < 0 {
		return nil
	}
	base := t.Steps[j].Snapshot
	var w *stateEdit
	for k := j + 1; k <= i; k++ {
		if c := t.Steps[k].Change; c != nil {
			if w == nil {
				w = editState(base)
			}
			w.apply(c)
		}
	}
	if w == nil {
		return base
	}
	return w.state()
}

// Diff returns what changed from a to b, nil when nothing did. Parts that
// are the same pointer are unchanged without looking inside them.
func Diff(a, b *State) *StateChange {
	c := &StateChange{}
	if a.Broker != b.Broker {
		var as, bs []*SessionState
		var ar, br []Message
		if a.Broker != nil {
			as, ar = a.Broker.Sessions, a.Broker.Retained
		}
		if b.Broker != nil {
			bs, br = b.Broker.Sessions, b.Broker.Retained
		}
		c.Sessions, c.Ended = diffSessions(as, bs)
		if !sameBacking(ar, br) {
			c.Retained, c.Cleared = diffSorted(ar, br, messageTopic, func(x, y Message) bool { return x == y })
		}
	}
	for i, cl := range b.Clients {
		if i >= len(a.Clients) || !sameClient(a.Clients[i], cl) {
			c.Clients = append(c.Clients, cl)
		}
	}
	if c.Sessions == nil && c.Ended == nil && c.Retained == nil && c.Cleared == nil && c.Clients == nil {
		return nil
	}
	return c
}

// diffSessions is diffSorted of two session lists, at a pointer
// comparison per session when both hold the same client ids in the same
// places and most sessions are the very same values (a snapshot shares
// the sessions that did not change).
func diffSessions(a, b []*SessionState) (changed []*SessionState, gone []string) {
	if len(a) != len(b) {
		return diffSorted(a, b, sessionID, sameSession)
	}
	for i, s := range b {
		if s == a[i] {
			continue
		}
		if s.ClientID != a[i].ClientID {
			return diffSorted(a, b, sessionID, sameSession)
		}
		if !sameSession(a[i], s) {
			changed = append(changed, s)
		}
	}
	return changed, nil
}

// diffSorted compares two lists sorted by key: the elements of b that are
// new or not the same as in a, and the keys of a that b lacks.
func diffSorted[E any](a, b []E, key func(E) string, same func(E, E) bool) (changed []E, gone []string) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && key(a[i]) < key(b[j]):
			gone = append(gone, key(a[i]))
			i++
		case i == len(a) || key(b[j]) < key(a[i]):
			changed = append(changed, b[j])
			j++
		default:
			if !same(a[i], b[j]) {
				changed = append(changed, b[j])
			}
			i, j = i+1, j+1
		}
	}
	return changed, gone
}

func sessionID(s *SessionState) string { return s.ClientID }
func messageTopic(m Message) string    { return m.Topic }

// SameSession reports whether a and b are the same session state, as
// Diff compares them: a source that builds a StateChange itself
// (RecordChange) leaves out the sessions that are the same.
func SameSession(a, b *SessionState) bool { return sameSession(a, b) }

// sameSession is reflect.DeepEqual of two sessions, field by field: a
// session in flight with 100 messages changes on every step of a
// fan-out, and reflection took a tenth of the broker's time comparing it.
// TestSameSessionIsDeepEqual keeps the two the same.
func sameSession(a, b *SessionState) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil {
		return false
	}
	return a.ClientID == b.ClientID && a.Connected == b.Connected && a.CleanSession == b.CleanSession && a.KeepAlive == b.KeepAlive &&
		sameList(a.Subscriptions, b.Subscriptions) && sameList(a.Inflight, b.Inflight) && sameList(a.Queued, b.Queued) &&
		(a.Will == b.Will || a.Will != nil && b.Will != nil && *a.Will == *b.Will)
}

// sameList is reflect.DeepEqual of two slices of comparable elements: a
// nil slice differs from an empty one.
func sameList[E comparable](a, b []E) bool { return (a == nil) == (b == nil) && slices.Equal(a, b) }

func sameClient(a, b *ClientState) bool { return a == b || reflect.DeepEqual(a, b) }

// sameBacking reports whether a and b are the very same slice.
func sameBacking(a, b []Message) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// stateEdit is a state being rebuilt from a snapshot by applying changes:
// its own lists, holding the snapshot's unchanged parts.
type stateEdit struct {
	sessions []*SessionState
	retained []Message
	clients  []*ClientState
}

// Apply returns st with the changes cs applied in order, as StateAt
// applies the changes of the steps after a snapshot (st itself for
// none; nil changes change nothing); the result shares st's unchanged
// parts: modify neither. A nil st is the empty state.
func Apply(st *State, cs ...*StateChange) *State {
	var w *stateEdit
	for _, c := range cs {
		if c == nil {
			continue
		}
		if w == nil {
			if st == nil {
				st = &State{}
			}
			w = editState(st)
		}
		w.apply(c)
	}
	if w == nil {
		return st
	}
	return w.state()
}

func editState(s *State) *stateEdit {
	w := &stateEdit{clients: slices.Clone(s.Clients)}
	if s.Broker != nil {
		w.sessions, w.retained = slices.Clone(s.Broker.Sessions), slices.Clone(s.Broker.Retained)
	}
	if w.sessions == nil {
		w.sessions = []*SessionState{}
	}
	if w.retained == nil {
		w.retained = []Message{}
	}
	if w.clients == nil {
		w.clients = []*ClientState{}
	}
	return w
}

// apply makes the change on w.
func (w *stateEdit) apply(c *StateChange) {
	for _, s := range c.Sessions {
		w.sessions = upsert(w.sessions, s, sessionID)
	}
	for _, id := range c.Ended {
		w.sessions = remove(w.sessions, id, sessionID)
	}
	for _, m := range c.Retained {
		w.retained = upsert(w.retained, m, messageTopic)
	}
	for _, topic := range c.Cleared {
		w.retained = remove(w.retained, topic, messageTopic)
	}
	for _, cl := range c.Clients {
		i := slices.IndexFunc(w.clients, func(x *ClientState) bool { return x.Name == cl.Name })
		if i < 0 {
			w.clients = append(w.clients, cl)
		} else {
			w.clients[i] = cl
		}
	}
}

func (w *stateEdit) state() *State {
	return &State{Broker: &BrokerState{Sessions: w.sessions, Retained: w.retained}, Clients: w.clients}
}

// upsert puts e into the list sorted by key, replacing the element with
// its key.
func upsert[E any](list []E, e E, key func(E) string) []E {
	i, found := slices.BinarySearchFunc(list, key(e), func(x E, k string) int { return strings.Compare(key(x), k) })
	if found {
		list[i] = e
		return list
	}
	return slices.Insert(list, i, e)
}

// remove takes the element with key k out of the list sorted by key.
func remove[E any](list []E, k string, key func(E) string) []E {
	i, found := slices.BinarySearchFunc(list, k, func(x E, k string) int { return strings.Compare(key(x), k) })
	if !found {
		return list
	}
	return slices.Delete(list, i, i+1)
}

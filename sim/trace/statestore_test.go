package trace_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"mqttviz/sim/trace"
)

// stateWorld builds states the way a source does: each a new State that
// shares the parts that did not change with the one before.
type stateWorld struct {
	cur *trace.State
}

func newStateWorld() *stateWorld {
	return &stateWorld{cur: &trace.State{Broker: &trace.BrokerState{Sessions: []*trace.SessionState{}, Retained: []trace.Message{}}, Clients: []*trace.ClientState{}}}
}

// edit returns the next state: f changes a copy of the lists.
func (w *stateWorld) edit(f func(sessions *[]*trace.SessionState, retained *[]trace.Message, clients *[]*trace.ClientState)) *trace.State {
	ss, rs, cs := slices.Clone(w.cur.Broker.Sessions), slices.Clone(w.cur.Broker.Retained), slices.Clone(w.cur.Clients)
	f(&ss, &rs, &cs)
	slices.SortFunc(ss, func(a, b *trace.SessionState) int { return strings.Compare(a.ClientID, b.ClientID) })
	slices.SortFunc(rs, func(a, b trace.Message) int { return strings.Compare(a.Topic, b.Topic) })
	w.cur = &trace.State{Broker: &trace.BrokerState{Sessions: ss, Retained: rs}, Clients: cs}
	return w.cur
}

func session(id string, subs ...string) *trace.SessionState {
	s := &trace.SessionState{ClientID: id, Connected: true, Subscriptions: []trace.Subscription{}, Inflight: []trace.Inflight{}, Queued: []trace.Message{}}
	for _, f := range subs {
		s.Subscriptions = append(s.Subscriptions, trace.Subscription{Filter: f, QoS: 1})
	}
	return s
}

func without[E any](list []E, drop func(E) bool) []E { return slices.DeleteFunc(list, drop) }

// TestStateAt records a run of states, each kind of change in it, across
// several snapshots, and reads the state after every step back, from the
// trace and from its JSON.
func TestStateAt(t *testing.T) {
	w := newStateWorld()
	type rec struct {
		name  string
		step  trace.Step
		state *trace.State
	}
	var recs []rec
	add := func(name string, kind trace.StepKind, st *trace.State) {
		recs = append(recs, rec{name, trace.Step{Kind: kind}, st})
	}
	add("no state yet", trace.KindNote, nil)
	add("first state", trace.KindConnect, w.cur)
	add("a session", trace.KindPacket, w.edit(func(s *[]*trace.SessionState, _ *[]trace.Message, _ *[]*trace.ClientState) {
		*s = append(*s, session("m"))
	}))
	add("a client", trace.KindConnect, w.edit(func(_ *[]*trace.SessionState, _ *[]trace.Message, c *[]*trace.ClientState) {
		*c = append(*c, &trace.ClientState{Name: "a", ClientID: "a", Connected: true, Inflight: []trace.Inflight{}})
	}))
	add("nothing changes", trace.KindTimer, w.cur)
	add("a session before the first", trace.KindPacket, w.edit(func(s *[]*trace.SessionState, _ *[]trace.Message, _ *[]*trace.ClientState) {
		*s = append(*s, session("b"), session("z"))
	}))
	add("retained set", trace.KindPacket, w.edit(func(_ *[]*trace.SessionState, r *[]trace.Message, _ *[]*trace.ClientState) {
		*r = append(*r, trace.Message{Topic: "t/2", Payload: "x", Retain: true}, trace.Message{Topic: "t/1", Payload: "y", Retain: true})
	}))
	add("session changed, retained replaced", trace.KindPacket, w.edit(func(s *[]*trace.SessionState, r *[]trace.Message, _ *[]*trace.ClientState) {
		(*s)[1] = session("m", "a/#")
		(*r)[0] = trace.Message{Topic: "t/1", Payload: "new", Retain: true}
	}))
	add("a rebuilt but equal session is no change", trace.KindNote, w.edit(func(s *[]*trace.SessionState, _ *[]trace.Message, _ *[]*trace.ClientState) {
		(*s)[1] = session("m", "a/#")
	}))
	add("session ended, retained cleared, client changed", trace.KindClose, w.edit(func(s *[]*trace.SessionState, r *[]trace.Message, c *[]*trace.ClientState) {
		*s = without(*s, func(x *trace.SessionState) bool { return x.ClientID == "b" })
		*r = without(*r, func(m trace.Message) bool { return m.Topic == "t/2" })
		(*c)[0] = &trace.ClientState{Name: "a", ClientID: "a", Inflight: []trace.Inflight{}}
	}))
	for i := 0; i < 2*trace.SnapshotEvery+5; i++ {
		add(fmt.Sprint("session churn ", i), trace.KindPacket, w.edit(func(s *[]*trace.SessionState, _ *[]trace.Message, _ *[]*trace.ClientState) {
			id := fmt.Sprintf("c%02d", i%7)
			*s = without(*s, func(x *trace.SessionState) bool { return x.ClientID == id })
			if i%3 != 0 {
				*s = append(*s, session(id, fmt.Sprint("f/", i)))
			}
		}))
	}
	add("a gap", trace.KindGap, w.edit(func(s *[]*trace.SessionState, _ *[]trace.Message, _ *[]*trace.ClientState) {
		*s = (*s)[:1]
	}))
	add("after the gap", trace.KindPacket, w.edit(func(_ *[]*trace.SessionState, r *[]trace.Message, _ *[]*trace.ClientState) {
		*r = (*r)[:0]
	}))

	tr := &trace.Trace{Version: trace.Version, Steps: []trace.Step{}, Expectations: []trace.Expectation{}}
	for _, r := range recs {
		tr.Record(r.step, r.state)
	}
	b, err := json.Marshal(tr)
	if err != nil {
		t.Fatal(err)
	}
	var back trace.Trace
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for i, r := range recs {
		for _, got := range []struct {
			from string
			tr   *trace.Trace
		}{{"trace", tr}, {"JSON", &back}} {
			want, _ := json.Marshal(r.state)
			have, _ := json.Marshal(got.tr.StateAt(i))
			if string(want) != string(have) {
				t.Errorf("step %d (%s), from the %s:\n got %s\nwant %s", i, r.name, got.from, have, want)
			}
		}
	}
	if tr.StateAt(-1) != nil || tr.StateAt(len(recs)) != nil {
		t.Error("StateAt out of range is not nil")
	}
	checkStorage(t, tr, recs[len(recs)-2].step.Kind)
	if c := tr.Steps[8].Change; c != nil {
		t.Errorf("an equal rebuilt session recorded the change %+v", c)
	}
	if !reflect.DeepEqual(tr.StateAt(4), tr.StateAt(3)) || tr.StateAt(4) == nil {
		t.Error("a step that changes nothing has another state")
	}
}

// checkStorage: snapshots on the first step with a state, at most every
// SnapshotEvery steps, and on the gap; changes elsewhere.
func checkStorage(t *testing.T, tr *trace.Trace, gap trace.StepKind) {
	t.Helper()
	since := -1
	for i, s := range tr.Steps {
		if s.Snapshot != nil && s.Change != nil {
			t.Errorf("step %d has both a snapshot and a change", i)
		}
		if s.Kind == trace.KindGap && s.Snapshot == nil {
			t.Errorf("gap step %d has no snapshot", i)
		}
		switch {
		case s.Snapshot != nil:
			since = 0
		case since >= 0:
			since++
		}
		if since >= trace.SnapshotEvery {
			t.Errorf("step %d is %d steps after the last snapshot", i, since)
		}
	}
	if tr.Steps[0].Snapshot != nil || tr.Steps[1].Snapshot == nil {
		t.Error("the first snapshot is not on the first step with a state")
	}
}

// benchTrace records n steps of a broker with 200 sessions and 50
// retained messages, each step changing one session or one retained
// message, as a source does at 1,000 steps per second.
func benchTrace(b *testing.B, n int) (*trace.Trace, []*trace.State) {
	w := newStateWorld()
	w.edit(func(s *[]*trace.SessionState, r *[]trace.Message, c *[]*trace.ClientState) {
		for i := range 200 {
			*s = append(*s, session(fmt.Sprintf("c%03d", i), "a/#"))
		}
		for i := range 50 {
			*r = append(*r, trace.Message{Topic: fmt.Sprintf("t/%02d", i), Payload: "x", Retain: true})
		}
		*c = append(*c, &trace.ClientState{Name: "a"})
	})
	rng := rand.New(rand.NewPCG(1, 2))
	states := make([]*trace.State, n)
	for i := range states {
		k := rng.IntN(250)
		states[i] = w.edit(func(s *[]*trace.SessionState, r *[]trace.Message, _ *[]*trace.ClientState) {
			if k < 200 {
				(*s)[k] = session((*s)[k].ClientID, fmt.Sprint("f/", i))
			} else {
				(*r)[k-200] = trace.Message{Topic: (*r)[k-200].Topic, Payload: fmt.Sprint(i), Retain: true}
			}
		})
	}
	tr := &trace.Trace{}
	for _, st := range states {
		tr.Record(trace.Step{Kind: trace.KindPacket}, st)
	}
	return tr, states
}

// BenchmarkStateAt reads the state after random steps of a 20,000-step
// trace.
func BenchmarkStateAt(b *testing.B) {
	tr, _ := benchTrace(b, 20000)
	rng := rand.New(rand.NewPCG(3, 4))
	b.ResetTimer()
	for range b.N {
		if tr.StateAt(rng.IntN(len(tr.Steps))) == nil {
			b.Fatal("no state")
		}
	}
}

// BenchmarkRecord appends steps with their states to a trace: the cost a
// live source pays per step (the states themselves are built beforehand).
func BenchmarkRecord(b *testing.B) {
	_, states := benchTrace(b, 20000)
	b.ResetTimer()
	tr := &trace.Trace{}
	for i := range b.N {
		tr.Record(trace.Step{Kind: trace.KindPacket}, states[i%len(states)])
	}
}

package trace

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
)

// TestRecordChangeManySessions records a broker of 4,096 sessions whose
// steps each change one: a snapshot comes every 4096÷64 steps, not
// every SnapshotEvery, and StateAt gives every step the state it had.
func TestRecordChangeManySessions(t *testing.T) {
	const n, steps = 4096, 300
	sessions := make([]*SessionState, n)
	for i := range sessions {
		sessions[i] = &SessionState{ClientID: fmt.Sprintf("c%05d", i), Connected: true}
	}
	state := func() *State { return &State{Broker: &BrokerState{Sessions: slices.Clone(sessions)}} }
	var tr Trace
	var want []*State
	tr.Record(Step{Kind: KindNote}, state())
	want = append(want, state())
	for i := range steps {
		s := &SessionState{ClientID: sessions[i*7%n].ClientID, KeepAlive: uint16(i)}
		sessions[i*7%n] = s
		tr.RecordChange(Step{Kind: KindNote}, &StateChange{Sessions: []*SessionState{s}}, state)
		want = append(want, state())
	}
	var at []int
	for i, s := range tr.Steps {
		if s.Snapshot != nil {
			at = append(at, i)
		}
	}
	if every := n / 64; !slices.Equal(at, []int{0, every, 2 * every, 3 * every, 4 * every}) {
		t.Errorf("snapshots at %v, want every %d steps", at, every)
	}
	for i := range tr.Steps {
		if got := tr.StateAt(i); !reflect.DeepEqual(got.Broker.Sessions, want[i].Broker.Sessions) {
			t.Fatalf("step %d: the state differs", i)
		}
	}
}

// TestApply: Apply of a state and the changes of the steps after it is
// the state StateAt gives after them; no change gives the state itself.
func TestApply(t *testing.T) {
	a := &SessionState{ClientID: "a", Connected: true}
	b := &SessionState{ClientID: "b"}
	st := &State{Broker: &BrokerState{Sessions: []*SessionState{a}}}
	changes := []*StateChange{
		{Sessions: []*SessionState{b}},
		nil,
		{Sessions: []*SessionState{{ClientID: "a"}}, Retained: []Message{{Topic: "t", Payload: "1"}}},
		{Ended: []string{"b"}},
	}
	var tr Trace
	tr.Record(Step{Kind: KindNote}, st)
	for _, c := range changes {
		tr.RecordChange(Step{Kind: KindNote}, c, func() *State { t.Fatal("no snapshot expected"); return nil })
	}
	if got, want := Apply(st, changes...), tr.StateAt(len(changes)); !reflect.DeepEqual(got, want) {
		t.Errorf("Apply: %+v, want %+v", got.Broker, want.Broker)
	}
	if Apply(st) != st || Apply(st, nil) != st {
		t.Error("Apply of no change is not the state itself")
	}
}

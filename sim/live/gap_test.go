package live

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestKeepNewest records many steps into a small recorder: the trace
// never holds more than Keep of them beside the gap step, which counts
// every step dropped and holds the state after the last of them.
func TestKeepNewest(t *testing.T) {
	const keep, total = 8, 100
	r := NewRecorder(Options{Source: trace.SourceLive, Keep: keep})
	r.Open(0, 1, "c1", "")
	states := make([]*trace.State, total)
	for i := range total {
		s := r.Write(int64(i), 1, []byte{0xc0, 0x00})[0]
		if i%3 == 0 {
			states[i] = &trace.State{Clients: []*trace.ClientState{{Name: "c1", ClientID: string(rune('a' + i%26))}}}
		}
		r.Record(s, states[i])
		steps := r.Trace().Steps
		if kept := len(steps) - r.gap.steps(); kept > keep {
			t.Fatalf("after %d steps the trace keeps %d", i+1, kept)
		}
		for j, s := range steps {
			if s.Index != j {
				t.Fatalf("after %d steps: step %d has index %d", i+1, j, s.Index)
			}
		}
		if last := steps[len(steps)-1]; last.Time != int64(i) {
			t.Fatalf("after %d steps the newest is at %d", i+1, last.Time)
		}
	}
	steps := r.Trace().Steps
	g := steps[0]
	kept := len(steps) - 1
	if g.Kind != trace.KindGap || g.Missed != total-kept || g.Conn != 0 || len(g.Notes) != 1 {
		t.Fatalf("gap step %+v with %d kept", g, kept)
	}
	lastDropped := total - kept - 1
	if g.Time != int64(lastDropped) {
		t.Fatalf("gap at %d, want the last dropped step's time %d", g.Time, lastDropped)
	}
	if got, want := clientID(g.Snapshot), clientID(states[lastDropped-lastDropped%3]); got != want {
		t.Fatalf("gap state of client %q, want %q: the state after step %d", got, want, lastDropped)
	}
	tr := r.Trace()
	for i := 1; i < len(steps); i++ {
		at := total - kept + i - 1
		if got, want := clientID(tr.StateAt(i)), clientID(states[at-at%3]); got != want {
			t.Fatalf("state after kept step %d (step %d recorded) of client %q, want %q", i, at, got, want)
		}
	}
	if steps[1].Time != int64(total-kept) {
		t.Fatalf("first kept step at %d, want %d", steps[1].Time, total-kept)
	}
	if c := cap(steps); c > 2*keep+2 {
		t.Fatalf("the steps' array has grown to %d", c)
	}
}

// clientID is the client id of the first client of st, "" when none.
func clientID(st *trace.State) string {
	if st == nil || len(st.Clients) == 0 {
		return ""
	}
	return st.Clients[0].ClientID
}

// TestDescribedWhenRead records packets read and written into a small
// recorder, reading its trace now and then (the recorder labels packets
// when the trace is read, and drops the oldest meanwhile): every packet
// step read has the label, type and sections codec.Describe gives its
// bytes, whatever was dropped between two reads.
func TestDescribedWhenRead(t *testing.T) {
	r := NewRecorder(Options{Source: trace.SourceBroker, Keep: 8})
	r.Record(r.Open(0, 1, "c1", ""), nil)
	pub := wireOf(t, &codec.Publish{QoS: 1, PacketID: 7, Topic: "a/b", Payload: []byte("21.5")})
	for i := range 60 {
		for _, a := range r.Read(int64(i), 1, pub) {
			r.Record(a.Step, nil)
		}
		for _, s := range r.Write(int64(i), 1, []byte{0x40, 0x02, 0x00, 0x07}) {
			r.Record(s, nil)
		}
		if i%7 != 3 {
			continue
		}
		for _, s := range r.Trace().Steps {
			if s.Kind != trace.KindPacket {
				continue
			}
			d := codec.Describe(s.Bytes)
			if s.Label != d.Summary || s.Packet != d.Type || s.Sections != d.Sections {
				t.Fatalf("after %d rounds step %d: %v %q %v, want %v %q %v", i+1, s.Index, s.Packet, s.Label.EN, s.Sections, d.Type, d.Summary.EN, d.Sections)
			}
		}
	}
}

// TestDropMovesNoStep records steps into a small recorder without reading
// its trace between them: a drop leaves the steps kept where they are
// (the trace is a window further up its array), the window goes back to
// the array's front now and then, and whenever the trace is read
// (Since, Trace) its steps are numbered by position and the newest in
// order, the steps dropped gone from the array.
func TestDropMovesNoStep(t *testing.T) {
	const keep, total = 8, 200
	r := NewRecorder(Options{Source: trace.SourceLive, Keep: keep})
	r.Open(0, 1, "c1", "")
	var moved, stayed int
	for i := range total {
		steps := r.trace.Steps
		var newest *trace.Step
		if len(steps) > 0 {
			newest = &steps[len(steps)-1]
		}
		r.Record(r.Write(int64(i), 1, []byte{0xc0, 0x00})[0], nil)
		steps = r.trace.Steps
		if newest != nil && newest.Time == int64(i-1) {
			if &steps[len(steps)-2] == newest {
				stayed++
			} else {
				moved++
			}
		}
		if i%5 == 0 && i > 1 {
			got, _ := r.Since(r.Recorded() - 2)
			for j, s := range got {
				if want := len(steps) - 2 + j; s.Index != want || s.Time != int64(i-1+j) {
					t.Fatalf("after %d steps Since gives step %d at %d with index %d, want index %d", i+1, j, s.Time, s.Index, want)
				}
			}
		}
	}
	// The window goes back to the front once per about Keep steps.
	if moved > total/keep+1 || stayed < total-2*total/keep {
		t.Errorf("the newest step stayed in place at %d steps and moved at %d", stayed, moved)
	}
	steps := r.Trace().Steps
	for j, s := range steps {
		if s.Index != j {
			t.Fatalf("step %d has index %d", j, s.Index)
		}
		if j > 0 && s.Time != int64(total-len(steps)+j) {
			t.Fatalf("step %d at %d, want %d", j, s.Time, total-len(steps)+j)
		}
	}
	whole := r.window[:cap(r.window)]
	for i := range whole {
		if s := &whole[i]; s.Kind != "" && (s.Time < int64(total-len(steps)) && s.Kind != trace.KindGap) {
			t.Fatalf("the array still holds dropped step %d at %d", s.Time, i)
		}
	}
}

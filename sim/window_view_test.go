package sim

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestWindowView: after any sequence of new exchanges, PUBACKs, PUBRECs
// and PUBCOMPs, in order or not, the window's shared view is its
// exchanges in their trace form, and no view a snapshot kept changed.
func TestWindowView(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var w window
	type kept struct{ view, copy []trace.Inflight }
	var views []kept
	msg := &message{topic: "a/b"}
	for step := range 5000 {
		switch n := w.len(); {
		case n == 0 || rng.IntN(3) == 0:
			q := codec.QoS(1 + rng.IntN(2))
			w.add(&flight{id: w.nextID(nil), msg: msg, qos: q, stage: trace.StagePublishSent})
		default:
			// Mostly the oldest, as acknowledgements come; now and then another.
			i := 0
			if rng.IntN(4) == 0 {
				i = rng.IntN(n)
			}
			f := w.flights[i]
			switch {
			case f.qos == codec.AtLeastOnce:
				w.puback(f.id)
			case f.stage == trace.StagePublishSent:
				w.pubrec(f.id, int64(step))
			default:
				w.pubcomp(f.id)
			}
		}
		v := w.view()
		if want := w.inflight([]trace.Inflight{}); !reflect.DeepEqual(v, want) {
			t.Fatalf("step %d: view %v, want %v", step, v, want)
		}
		views = append(views, kept{v, slices.Clone(v)})
	}
	for i, k := range views {
		if !reflect.DeepEqual(k.view, k.copy) {
			t.Fatalf("the view of step %d changed afterwards: %v, was %v", i, k.view, k.copy)
		}
	}
}

package sim

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestEventQueueOrder pushes and pops at random and checks that events
// come out by time and, within a time, in the order they were pushed.
func TestEventQueueOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	type item struct{ at, seq int64 }
	var q eventQueue
	var pending []item
	now, seq := int64(0), int64(0)
	for step := range 20_000 {
		if r.IntN(3) > 0 || q.len() == 0 {
			at := now + r.Int64N(5)
			seq++
			q.push(at, event{sentAt: seq})
			pending = append(pending, item{at, seq})
			continue
		}
		slices.SortStableFunc(pending, func(a, b item) int {
			if a.at != b.at {
				return int(a.at - b.at)
			}
			return int(a.seq - b.seq)
		})
		at, ev := q.pop()
		if want := pending[0]; at != want.at || ev.sentAt != want.seq {
			t.Fatalf("step %d: popped (%d, %d), want (%d, %d)", step, at, ev.sentAt, want.at, want.seq)
		}
		pending = pending[1:]
		now = at
		if q.len() != len(pending) {
			t.Fatalf("len %d, want %d", q.len(), len(pending))
		}
	}
}

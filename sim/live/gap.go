package live

import "mqttviz/sim/trace"

// gap counts the steps the recorder no longer keeps.
type gap struct {
	missed int // steps dropped so far
}

// steps is how many steps at the front of the trace are the gap: the gap
// step once anything was dropped, none before.
func (g gap) steps() int {
	if g.missed > 0 {
		return 1
	}
	return 0
}

// drop forgets the oldest n steps of the trace: one gap step at the front
// counts every step dropped so far and holds the full state after the
// last of them, on which the changes of the steps kept apply, and the
// steps kept are numbered again from 1. The trace's slice
// keeps its backing array, so recording goes on without allocating.
func (r *Recorder) drop(n int) {
	steps := r.trace.Steps
	first := r.gap.steps()
	n = min(n, len(steps)-first)
	if n <= 0 {
		return
	}
	r.gap.missed += n
	g := trace.GapStep(steps[first+n-1].Time, r.gap.missed)
	g.Notes = []trace.Note{gapNote(r.gap.missed, r.keep)}
	g.Snapshot = r.trace.StateAt(first + n - 1)
	steps[0] = g
	kept := copy(steps[1:], steps[first+n:])
	clear(steps[1+kept:])
	steps = steps[:1+kept]
	for i := range steps {
		steps[i].Index = i
	}
	r.trace.Steps = steps
	r.described = max(1, r.described-(first+n)+1)
}

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
// last of them, on which the changes of the steps kept apply. The steps
// kept do not move: the trace becomes a window further up an array of
// twice Keep steps, which the gap step enters in the place of the last
// step dropped, and which roomAtEnd moves back to the array's front
// when it reaches the end (about once per Keep steps recorded, where
// moving the steps kept at each drop moved three steps per step
// recorded). Their Index is written again when they are read (number).
func (r *Recorder) drop(n int) {
	steps := r.trace.Steps
	first := r.gap.steps()
	n = min(n, len(steps)-first)
	if n <= 0 {
		return
	}
	if r.window == nil {
		r.window = make([]trace.Step, len(steps), 2*r.keep+2)
		copy(r.window, steps)
		steps = r.window
	}
	r.gap.missed += n
	g := trace.GapStep(steps[first+n-1].Time, r.gap.missed)
	g.Notes = []trace.Note{gapNote(r.gap.missed, r.keep)}
	g.Snapshot = r.trace.StateAt(first + n - 1)
	clear(steps[:first+n])
	steps = steps[first+n-1:]
	steps[0] = g
	r.trace.Steps = steps
	r.numbered = false
	r.described = max(1, r.described-(first+n)+1)
}

// roomAtEnd moves the trace's window of steps back to the front of its
// array when the next step would not fit after it.
func (r *Recorder) roomAtEnd() {
	steps := r.trace.Steps
	if r.window == nil || len(steps) < cap(steps) {
		return
	}
	n := copy(r.window[:cap(r.window)], steps)
	// The window was the array's last n steps: those not written over
	// are cleared, so that they hold nothing dropped.
	clear(r.window[max(n, cap(r.window)-n):cap(r.window)])
	r.trace.Steps = r.window[:n]
}

// number writes the Index of steps, the trace's steps from position
// from: their position, which a drop changes.
func number(steps []trace.Step, from int) {
	for i := range steps {
		steps[i].Index = from + i
	}
}

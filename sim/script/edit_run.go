package script

import "mqttviz/sim/trace"

// StepIndex says which statement of a scenario produced each step of its
// trace, kept beside the trace by RunIndexed (the trace and its JSON do
// not change): an instructor's change goes in at the statement of the
// step it is made at.
type StepIndex struct {
	// ends[i] is how many steps the trace had after statement i ran.
	ends []int
	// lines[i] is statement i's line in the source.
	lines []int
}

// RunIndexed runs the scenario as Run does and returns, beside the same
// trace, which statement produced each step.
func (sc *Scenario) RunIndexed(seed int64) (*trace.Trace, *StepIndex, error) {
	r := sc.newRunner(seed)
	x := &StepIndex{ends: make([]int, 0, len(sc.stmts)), lines: sc.lines}
	for i, s := range sc.stmts {
		if err := s.run(r); err != nil {
			return nil, nil, sc.runError(i, err)
		}
		x.ends = append(x.ends, len(r.t.Trace().Steps))
	}
	return sc.finish(r, seed), x, nil
}

// Statement returns the index of the statement that produced step (the
// last statement for a step past the end, -1 when there is none).
func (x *StepIndex) Statement(step int) int {
	lo, hi := 0, len(x.ends)
	for lo < hi {
		m := (lo + hi) / 2
		if x.ends[m] > step {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo == len(x.ends) {
		return len(x.ends) - 1
	}
	return lo
}

// Line returns the source line of the statement that produced step, 0
// when no statement did.
func (x *StepIndex) Line(step int) int {
	i := x.Statement(step)
	if i < 0 {
		return 0
	}
	return x.lines[i]
}

// Before is the place just before the statement that produced step: where
// a rule about that step's packet goes. After is the place just after it:
// where an action at that step goes.
func (x *StepIndex) Before(step int) Place { return Place{Line: x.Line(step)} }

// After is the place just after the statement that produced step.
func (x *StepIndex) After(step int) Place { return Place{Line: x.Line(step), After: true} }

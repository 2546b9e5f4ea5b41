package sim

import "errors"

// ScenarioRun is a scenario being run a few statements at a time, so that
// a caller with one thread (the browser) can give control back between
// slices and show progress. Run the same scenario with the same seed and
// the trace is the one Scenario.Run gives.
type ScenarioRun struct {
	sc   *Scenario
	r    *runner
	seed int64
	next int
	err  error
}

// Start begins a run of the scenario in a new world seeded with seed; no
// statement has run yet.
func (sc *Scenario) Start(seed int64) *ScenarioRun {
	return &ScenarioRun{sc: sc, r: sc.newRunner(seed), seed: seed}
}

// Step runs up to n more statements (at least one) and reports whether
// the run is over: every statement ran, or one stopped it with an error
// (a *ParseError at its line, the one Scenario.Run returns).
func (s *ScenarioRun) Step(n int) (done bool, err error) {
	for k := 0; k < max(n, 1) && !s.Done(); k++ {
		i := s.next
		s.next++
		if err := s.sc.stmts[i].run(s.r); err != nil {
			s.err = s.sc.runError(i, err)
			break
		}
	}
	return s.Done(), s.err
}

// Done reports whether the run is over.
func (s *ScenarioRun) Done() bool { return s.err != nil || s.next >= len(s.sc.stmts) }

// Progress returns how many statements have run and how many there are,
// and how many steps the trace has so far.
func (s *ScenarioRun) Progress() (ran, total, steps int) {
	return s.next, len(s.sc.stmts), len(s.r.w.eng.trace.Steps)
}

// Trace returns the finished run's trace with the expectations' results,
// as Scenario.Run does; before the run is over, or when it stopped with an
// error, it returns the error.
func (s *ScenarioRun) Trace() (*Trace, error) {
	if s.err != nil {
		return nil, s.err
	}
	if !s.Done() {
		return nil, errNotDone
	}
	return s.sc.finish(s.r, s.seed), nil
}

// errNotDone is Trace's answer before the run is over.
var errNotDone = errors.New("sim: the scenario is still running")

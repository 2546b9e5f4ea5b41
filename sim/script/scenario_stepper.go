package script

import (
	"errors"
	"mqttviz/sim"
	"mqttviz/sim/trace"
	"strings"
)

// ScenarioParse is a script being parsed a few lines at a time, and
// ScenarioRun a scenario being run a few statements at a time, so that a
// caller with one thread (the browser) can give control back between
// slices and show progress. Parse and Scenario.Run are the same
// done in one go.

// ScenarioParse is a script being parsed a few lines at a time.
type ScenarioParse struct {
	sc    *Scenario
	lines []string
	next  int
	done  bool
	err   error
}

// StartParse begins parsing source; no line has been read yet. name is
// recorded in the trace.
func StartParse(name, source string) *ScenarioParse {
	return &ScenarioParse{
		sc:    &Scenario{Name: name, clients: map[string]*sim.ClientOptions{}},
		lines: strings.Split(source, "\n"),
	}
}

// Step parses up to n more lines (at least one) and reports whether the
// parse is over: every line read, or one gave an error (a *ParseError).
func (p *ScenarioParse) Step(n int) (done bool, err error) {
	for k := 0; k < max(n, 1) && !p.done; k++ {
		i := p.next
		p.next++
		p.err = p.sc.parseLine(strings.TrimSuffix(p.lines[i], "\r"), i+1)
		if p.err == nil && p.next == len(p.lines) {
			p.err = p.sc.endParse()
		}
		p.done = p.err != nil || p.next == len(p.lines)
	}
	return p.done, p.err
}

// Progress returns how many lines have been read and how many there are.
func (p *ScenarioParse) Progress() (read, total int) {
	return p.next, len(p.lines)
}

// Finish parses the rest and returns the scenario, or the error that
// stopped the parse.
func (p *ScenarioParse) Finish() (*Scenario, error) {
	for !p.done {
		p.Step(len(p.lines))
	}
	if p.err != nil {
		return nil, p.err
	}
	return p.sc, nil
}

// ScenarioRun is a scenario being run a few statements at a time. Run the
// same scenario with the same seed and the trace is the one Scenario.Run
// gives.
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
	return s.next, len(s.sc.stmts), len(s.r.t.Trace().Steps)
}

// Trace returns the finished run's trace with the expectations' results,
// as Scenario.Run does; before the run is over, or when it stopped with an
// error, it returns the error.
func (s *ScenarioRun) Trace() (*trace.Trace, error) {
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

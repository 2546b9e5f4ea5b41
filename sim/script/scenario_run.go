package script

import (
	"mqttviz/sim"
	"mqttviz/sim/trace"
	"strings"
)

// runner carries a scenario's run: the world it drives and what the
// expectations have looked at so far.
type runner struct {
	w *sim.World
	// seen counts, per client, the deliveries that receives and no
	// delivery expectations have already looked past.
	seen    map[string]int
	results []trace.Expectation
}

// Run runs the scenario in a new world seeded with seed, recording a state
// snapshot with every step, and returns its trace with the expectations'
// results. An action the world refuses stops the run with a *ParseError at
// its line.
func (sc *Scenario) Run(seed int64) (*trace.Trace, error) {
	r := sc.newRunner(seed)
	for i, s := range sc.stmts {
		if err := s.run(r); err != nil {
			return nil, sc.runError(i, err)
		}
	}
	return sc.finish(r, seed), nil
}

// newRunner starts a run of the scenario: a new world seeded with seed,
// recording a state snapshot with every step.
func (sc *Scenario) newRunner(seed int64) *runner {
	o := sc.options
	o.Seed, o.Snapshots = seed, true
	return &runner{w: sim.NewWorld(o), seen: map[string]int{}, results: []trace.Expectation{}}
}

// finish returns the trace of a finished run with the scenario's title,
// description and the expectations' results.
func (sc *Scenario) finish(r *runner, seed int64) *trace.Trace {
	t := r.w.Trace()
	t.Scenario, t.Title, t.Description, t.Seed, t.Expectations = sc.Name, sc.Title, sc.Description, seed, r.results
	return t
}

// runError places an error of statement i at its line, in both languages.
func (sc *Scenario) runError(i int, err error) error {
	t := errorText(err)
	t.EN = strings.TrimPrefix(t.EN, "sim: ")
	return &ParseError{Line: sc.lines[i], Col: 1, Text: t}
}

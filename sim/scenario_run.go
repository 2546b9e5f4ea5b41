package sim

import "strings"

// runner carries a scenario's run: the world it drives and what the
// expectations have looked at so far.
type runner struct {
	w *World
	// seen counts, per client, the deliveries that receives and no
	// delivery expectations have already looked past.
	seen    map[string]int
	results []Expectation
}

// Run runs the scenario in a new world seeded with seed, recording a state
// snapshot with every step, and returns its trace with the expectations'
// results. An action the world refuses stops the run with a *ParseError at
// its line.
func (sc *Scenario) Run(seed int64) (*Trace, error) {
	o := sc.options
	o.Seed, o.Snapshots = seed, true
	r := &runner{w: NewWorld(o), seen: map[string]int{}, results: []Expectation{}}
	for i, s := range sc.stmts {
		if err := s.run(r); err != nil {
			t := errorText(err)
			t.EN = strings.TrimPrefix(t.EN, "sim: ")
			return nil, &ParseError{Line: sc.lines[i], Col: 1, Text: t}
		}
	}
	t := r.w.Trace()
	t.Scenario, t.Title, t.Description, t.Seed, t.Expectations = sc.Name, sc.Title, sc.Description, seed, r.results
	return t, nil
}

// Failed returns the expectations of the trace that did not hold.
func (t *Trace) Failed() []Expectation {
	var failed []Expectation
	for _, e := range t.Expectations {
		if !e.OK {
			failed = append(failed, e)
		}
	}
	return failed
}

package script

import (
	"mqttviz/sim"
	"mqttviz/sim/trace"
	"strings"
)

// runner carries a scenario's run: the target it drives and what the
// expectations have looked at so far.
type runner struct {
	t Target
	// until is when a wait statement on a real target ends, and settling
	// says an action on it waits for the network to be quiet since
	// settleFrom; a Stepper waits for both before the next statement.
	until      int64
	settling   bool
	settleFrom int64
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
	return newRunner(sim.NewWorld(o))
}

// newRunner starts a run on target t.
func newRunner(t Target) *runner {
	return &runner{t: t, seen: map[string]int{}, results: []trace.Expectation{}}
}

// pass lets ms milliseconds pass: at once on the virtual clock, or by
// asking the Stepper to wait on a real one.
func (r *runner) pass(ms int64) {
	if v, ok := r.t.(VirtualTarget); ok {
		v.Advance(ms)
		return
	}
	r.until = r.t.Now() + ms
}

// settle lets the network become quiet after an action, so that each
// line's packets have arrived before the next line: at once on the
// virtual clock (at most settleLimit), or by asking the Stepper to wait.
func (r *runner) settle() {
	if v, ok := r.t.(VirtualTarget); ok {
		v.RunUntilQuiet(settleLimit)
		return
	}
	r.settling, r.settleFrom = true, r.t.Now()
}

// broker is the target as a broker target; the statements that call it
// never run on any other (a live run refuses them, or marks them not
// observable).
func (r *runner) broker() BrokerTarget {
	b, _ := r.t.(BrokerTarget)
	return b
}

// finish returns the trace of a finished run with the scenario's title,
// description and the expectations' results.
func (sc *Scenario) finish(r *runner, seed int64) *trace.Trace {
	t := r.t.Trace()
	t.Scenario, t.Title, t.Description, t.Seed, t.Expectations = sc.Name, sc.Title, sc.Description, seed, r.results
	return t
}

// runError places an error of statement i at its line, in both languages.
func (sc *Scenario) runError(i int, err error) error {
	t := errorText(err)
	t.EN = strings.TrimPrefix(t.EN, "sim: ")
	return &ParseError{Line: sc.lines[i], Col: 1, Text: t}
}

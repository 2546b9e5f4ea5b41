package script

import (
	"mqttviz/sim/trace"
)

// RealTarget is a target on a clock that runs by itself: the clients of a
// run against a real broker (sim/live's ScriptTarget). A wait line takes
// real time, and after an action the run waits for the network to be
// quiet.
type RealTarget interface {
	Target
	// Settled reports whether the network has been quiet since an action
	// at since for the next line to run; when not, next is when to ask
	// again.
	Settled(since int64) (done bool, next int64)
}

// LiveRun is a scenario run against a real broker one step at a time on
// the caller's loop (the browser's, the command's): Step runs lines until
// one must wait for the clock and says until when, so that the caller
// arms a timer, shows a countdown and calls Step again; the driver's
// reads and timers come on the same loop between steps.
//
// A live run refuses, before anything runs, the lines that need the
// simulated broker's insides (raw broker, restart broker, drop N%,
// latency), naming the first such line; it skips the broker line's
// options with a note in the trace. Expectations that read the broker's
// insides (expect broker …, expect retained …, expect no retained …) are
// recorded as not observable, never as held; expect rule holds when a
// client's note names the rule, and is not observable otherwise.
type LiveRun struct {
	sc   *Scenario
	r    *runner
	t    RealTarget
	next int
	err  error
}

// WaitFor is what a LiveRun waits for.
type WaitFor uint8

const (
	// WaitNothing: the run is over.
	WaitNothing WaitFor = iota
	// WaitLine: a wait line; Until is when it ends, for a countdown.
	WaitLine
	// WaitSettle: the packets of an action's line are still coming.
	WaitSettle
)

// Wait is what a LiveRun waits for before its next line: what, on which
// line, until when (the target's time: call Step again then).
type Wait struct {
	For   WaitFor
	Line  int
	Until int64
}

// StartLive begins a run of the scenario on t; no line has run yet. A
// line that cannot run against a real broker gives a *ParseError at it,
// saying why in both languages.
func (sc *Scenario) StartLive(t RealTarget) (*LiveRun, error) {
	for i, s := range sc.stmts {
		if a, ok := s.(*actionStmt); ok && a.inside != (trace.Text{}) {
			line := sc.lines[i]
			return nil, &ParseError{Line: line, Col: 1, Text: say(msgLiveRefused, line, a.inside)}
		}
	}
	for _, line := range sc.brokerLines {
		t.Note(say(msgLiveBrokerLine, line))
	}
	return &LiveRun{sc: sc, r: newRunner(t), t: t}, nil
}

// Step runs the lines whose time has come and returns what the run waits
// for next; done when every line ran or one stopped the run with an error
// (a *ParseError at its line, as Scenario.Run gives). Call it again at
// Wait.Until (earlier is harmless: it waits again).
func (lr *LiveRun) Step() (w Wait, done bool, err error) {
	r := lr.r
	for lr.err == nil {
		now := lr.t.Now()
		line := 0
		if lr.next > 0 {
			line = lr.sc.lines[lr.next-1]
		}
		if r.until > now {
			return Wait{For: WaitLine, Line: line, Until: r.until}, false, nil
		}
		if r.settling {
			ok, next := lr.t.Settled(r.settleFrom)
			if !ok {
				return Wait{For: WaitSettle, Line: line, Until: next}, false, nil
			}
			r.settling = false
		}
		if lr.next >= len(lr.sc.stmts) {
			return Wait{}, true, nil
		}
		i := lr.next
		lr.next++
		if err := lr.sc.stmts[i].run(r); err != nil {
			lr.err = lr.sc.runError(i, err)
		}
	}
	return Wait{}, true, lr.err
}

// Progress returns how many statements have run and how many there are.
func (lr *LiveRun) Progress() (ran, total int) { return lr.next, len(lr.sc.stmts) }

// Trace returns the trace so far with the scenario's title, description
// and the expectations checked so far; before the end it is the trace of
// a run still going (the error, if one stopped the run, comes from Step).
func (lr *LiveRun) Trace() *trace.Trace { return lr.sc.finish(lr.r, 0) }

package ui

import (
	"errors"
	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/lessons"
	"mqttviz/sim/live"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/jsb"
	"net/url"
	"strings"
)

// pastedLesson is the lesson choice that runs the scenario pasted in the
// text box instead of a built-in lesson.
const pastedLesson = ""

// lessonSourceID is the text box of a pasted scenario.
const lessonSourceID = "livelesson-source"

// liveLesson is a built-in lesson or a pasted scenario run against the
// live page's broker: its clients become live clients of the recording,
// its lines run in real time, and at the end its expectations are checked
// against what the real broker did and compared with the same scenario
// simulated.
type liveLesson struct {
	// choice is the built-in lesson picked, pastedLesson for the text box;
	// source is the text box.
	choice string
	source string

	// run is the run going on, nil before the first and after the end;
	// sess the recording it runs on.
	run  *script.LiveRun
	sess *liveSession
	// simulated is the same scenario on the simulator; clients the
	// scenario's clients.
	simulated *trace.Trace
	clients   []string
	// wait is what the run waits for; now the clock when last looked at,
	// for the countdown.
	wait script.Wait
	now  int64

	// The outcome: the expectations as the real broker met them and the
	// differences from the simulated run (done), or the line a real broker
	// cannot run (refused), or why the run could not start or stopped.
	done    bool
	exps    []trace.Expectation
	diffs   []script.Difference
	refused *script.ParseError
	problem *codec.Text
}

// lessonQuiet is how long, in milliseconds, the network must be quiet
// after an action, once no client awaits an answer, before the next line
// runs (live.ScriptTarget.Settled): longer than the command's
// (live.DefaultQuiet), as a busy page hands the socket's messages over
// later, and a message the broker forwards to a subscriber is awaited
// by no client.
const lessonQuiet = 1000

// countdownTick is how often, in milliseconds, a wait line's countdown
// is drawn again.
const countdownTick = 250

// running reports whether a lesson run is going on.
func (l *liveLesson) running() bool { return l.run != nil }

// scenario parses the lesson chosen, or the pasted scenario.
func (l *liveLesson) scenario() (*script.Scenario, error) {
	if l.choice == pastedLesson {
		src, err := sharedSource(l.source)
		if err != nil {
			return nil, err
		}
		return script.Parse("pasted", src)
	}
	src, ok := lessons.LessonSource(l.choice)
	if !ok {
		return nil, &sim.ActionError{Text: both("livelesson.unknown", l.choice)}
	}
	return script.Parse(l.choice, src)
}

// runLesson starts the chosen lesson against the broker in the address
// field, as a new recording: the page's own clients must be offline.
func (p *livePage) runLesson() {
	l := &p.lesson
	p.syncFields()
	if v, ok := jsb.FieldValue(lessonSourceID); ok {
		l.source = v
	}
	l.reset()
	if p.connected() || l.running() {
		l.problem = textPtr(both("livelesson.busy"))
		return
	}
	sc, err := l.scenario()
	if err != nil {
		l.fail(err)
		return
	}
	simulated, err := sc.Run(1)
	if err != nil {
		l.fail(err)
		return
	}
	p.newRecording()
	if !p.startRecording() {
		return
	}
	target := live.NewScriptTarget(p.sess.d)
	target.Quiet = lessonQuiet
	run, err := sc.StartLive(target)
	if err != nil {
		// Nothing connected: the recording goes with the refusal.
		p.newRecording()
		l.fail(err)
		return
	}
	l.run, l.sess, l.simulated, l.clients = run, p.sess, simulated, scenarioClients(simulated)
	p.beforeEvents()
	p.stepLesson()
	p.afterEvents()
	p.scrollAfterDraw(p.ctx)
}

// sharedSource is the scenario of a pasted text: the scenario a share
// link carries when the text is one (an address whose fragment is
// #v1.…), else the text itself.
func sharedSource(text string) (string, error) {
	t := strings.TrimSpace(text)
	i := strings.LastIndexByte(t, '#')
	if i < 0 || strings.ContainsAny(t, " \t\n") || !strings.HasPrefix(t[i+1:], "v") {
		return text, nil
	}
	src, err := decodeShare(t[i+1:])
	var se *shareError
	if errors.As(err, &se) {
		return "", &sim.ActionError{Text: codec.Text{EN: se.message(i18n.EN), ZH: se.message(i18n.ZH)}}
	}
	return src, err
}

// reset forgets the outcome of the last run.
func (l *liveLesson) reset() {
	l.done, l.exps, l.diffs, l.refused, l.problem = false, nil, nil, nil, nil
}

// fail says why the lesson could not run: the line a real broker cannot
// run or a line that does not parse, or another error.
func (l *liveLesson) fail(err error) {
	var pe *script.ParseError
	if errors.As(err, &pe) {
		l.refused = pe
		return
	}
	l.problem = textPtr(errorText(err))
}

// stepLesson runs the lesson's lines whose time has come and arms the
// clock for the next; on the page's loop, between beforeEvents and
// afterEvents.
func (p *livePage) stepLesson() {
	l := &p.lesson
	if l.run == nil || p.sess != l.sess {
		return
	}
	w, done, err := l.run.Step()
	if err != nil || done {
		p.finishLesson(err)
		return
	}
	l.wait, l.now = w, l.sess.clock.Now()
	run := l.run
	l.sess.clock.At(w.Until, func() {
		if l.run == run {
			p.stepLesson()
		}
	})
	if w.For == script.WaitLine {
		p.tickCountdown(run)
	}
}

// tickCountdown draws the wait line's countdown again every
// countdownTick while run waits on one.
func (p *livePage) tickCountdown(run *script.LiveRun) {
	l := &p.lesson
	l.sess.clock.At(l.sess.clock.Now()+countdownTick, func() {
		if l.run != run || l.wait.For != script.WaitLine {
			return
		}
		l.now = l.sess.clock.Now()
		if l.now < l.wait.Until {
			p.tickCountdown(run)
		}
	})
}

// finishLesson ends the run: its expectations and its differences from
// the simulated run, or the error that stopped it; the scenario's
// clients still connected disconnect.
func (p *livePage) finishLesson(err error) {
	l := &p.lesson
	t := l.run.Trace()
	l.run, l.done, l.exps = nil, true, t.Expectations
	if err != nil {
		l.fail(err)
	} else {
		l.diffs = script.Compare(l.simulated, t)
	}
	for _, name := range l.clients {
		_ = l.sess.d.Do(name, (*sim.Client).Disconnect)
	}
}

// stopLesson cuts the connections of a run still going (the page goes).
func (p *livePage) stopLesson() {
	l := &p.lesson
	if l.run == nil {
		return
	}
	l.run = nil
	for _, name := range l.clients {
		_ = l.sess.d.Do(name, (*sim.Client).Abort)
	}
}

// scenarioClients are the client lifelines of a trace.
func scenarioClients(t *trace.Trace) []string {
	var out []string
	for _, n := range t.Nodes {
		if n != trace.BrokerName {
			out = append(out, n)
		}
	}
	return out
}

// textPtr is a pointer to a copy of t.
func textPtr(t codec.Text) *codec.Text { return &t }

// defaultLiveLesson is the lesson the control offers first.
const defaultLiveLesson = "qos1"

// chooseLesson picks the built-in lesson of ?lesson=, when there is one
// of that name.
func (p *livePage) chooseLesson(name string) {
	if _, ok := lessons.Lesson(name); ok && !p.lesson.running() {
		p.lesson.choice = name
	}
}

// liveLessonLink is the address of /live/ with lesson name chosen, and
// the broker address when one is known.
func liveLessonLink(name, broker string) string {
	q := url.Values{"lesson": {name}}
	if broker != "" {
		q.Set("broker", broker)
	}
	return link("/live/?" + q.Encode())
}

package ui

import (
	"encoding/json"
	"errors"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
)

// exampleScenario is what the scenario page starts with.
const exampleScenario = `title en: QoS 1 with a lost PUBACK
title zh: QoS 1：PUBACK 丢失后带 DUP 重发
describe en: The PUBACK back to the sensor is lost; it resends with DUP on reconnect.
describe zh: 回给 sensor 的 PUBACK 丢失了；重连后它把重发标志 DUP 置 1 重发。
client sensor id=sensor-1 clean=0
client phone
connect sensor
connect phone
subscribe phone devices/# qos=1
drop next PUBACK to sensor
publish sensor devices/sensor/temp "21.5" qos=1
expect sensor inflight 1
cut sensor
connect sensor
expect phone receives devices/sensor/temp "21.5" qos=1
`

// draftKey is where the browser keeps the scenario being written, so that
// leaving the page loses nothing.
const draftKey = "mqttviz.scenario.draft"

// scenarioStatus is where the page stands with the scenario in the box.
type scenarioStatus int

// The scenario page's statuses.
const (
	// scenarioIdle: nothing has run yet.
	scenarioIdle scenarioStatus = iota
	// scenarioRunning: a run is under way, a slice at a time.
	scenarioRunning
	// scenarioShown: the last run's trace is shown.
	scenarioShown
	// scenarioFailed: the last run stopped at an error (problem).
	scenarioFailed
	// scenarioEmpty: Run found nothing to run.
	scenarioEmpty
	// scenarioCancelled: the last run was cancelled.
	scenarioCancelled
)

// scenarioProblem is why a scenario does not run, placed in its text.
type scenarioProblem struct {
	Line, Col int
	Msg       codec.Text
}

// scenarioPage is /scenario: write a scenario, run it in the browser and
// watch its trace. A link carries a scenario in the address's fragment
// (sharelink.go); links of the older form ?src= keep opening. Both are
// read in the browser only: the server renders the example.
type scenarioPage struct {
	app.Compo
	language
	player

	ctx     app.Context
	source  string
	phase   scenarioStatus
	problem *scenarioProblem
	// shareErr is a link that did not open.
	shareErr *shareError
	// parse, then run, is the run under way, gen its number: a slice of an
	// older run does nothing.
	parse    *script.ScenarioParse
	run      *script.ScenarioRun
	gen      int
	progress runProgress
	// markReady is set from opening the page until the first run is over:
	// the browser tests wait for the mark it leaves then.
	markReady bool
	// initURL is the address OnInit opened, which the OnNav that follows
	// it does not open again.
	initURL string
	// fromSrc says the scenario came from an address of the older ?src=
	// form, which the first step moves into the fragment (armLink).
	fromSrc bool
}

// runProgress is how far a run has come: lines read of the script, then
// statements run and the steps of the trace so far.
type runProgress struct {
	Read, Lines       int
	Ran, Total, Steps int
}

func newScenarioPage() *scenarioPage {
	p := &scenarioPage{player: player{speed: 1, addr: stepKeeper{keep: true}, instr: newInstructor()}}
	p.instr.start = func() (string, string, int64) { return "scenario", p.source, 1 }
	p.instr.onText = p.instructorChanged
	p.share.of, p.share.has = p.shareTarget, p.canShare
	return p
}

// instructorChanged puts the instructor's changed scenario in the editor,
// keeps it as the draft and makes the address its link.
func (p *scenarioPage) instructorChanged(ctx app.Context, text string) {
	p.source = text
	p.saveDraft()
	u := *ctx.Page().URL()
	u.RawQuery, u.Fragment = "", encodeShare(text)
	ctx.Page().ReplaceURL(&u)
}

// OnPreRender renders the example: the server never sees what a link
// carries.
func (p *scenarioPage) OnPreRender(ctx app.Context) {
	p.prerender(ctx, p.pageTitle)
	p.source = exampleScenario
	p.start(ctx)
}

func (p *scenarioPage) pageTitle(lang string) string { return tr(lang, "title.scenario") }

// OnInit opens the address before the page's first render in the
// browser, so that the page mounts whole over the pre-rendered one, with
// the run's trace (or its first slice's progress): without it go-app
// mounted an empty page and drew the trace over it a frame later.
func (p *scenarioPage) OnInit() {
	if !app.IsClient {
		return
	}
	u := app.Window().URL()
	p.initURL = u.String()
	p.choose(u, storedDraft)
	p.start(nil)
}

func (p *scenarioPage) OnNav(ctx app.Context) {
	p.ctx = ctx
	u := ctx.Page().URL()
	if p.initURL == "" || p.initURL != u.String() {
		p.initURL = ""
		p.open(ctx)
		return
	}
	// OnInit opened this address: go on with its run, or mark the page
	// ready now that there is a context.
	p.initURL = ""
	p.armLink()
	takeLang(ctx, u)
	if p.phase == scenarioRunning {
		p.slice(p.gen)
		return
	}
	p.settled()
}

func (p *scenarioPage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.observe(ctx, p.pageTitle)
	p.player.mount(ctx)
}

func (p *scenarioPage) OnDismount() {
	p.gen++
	p.player.dismount()
}

// open takes the scenario the address carries, or else the draft, or else
// the example, and runs it.
func (p *scenarioPage) open(ctx app.Context) {
	u := ctx.Page().URL()
	takeLang(ctx, u)
	p.choose(u, func() string { return p.draft(ctx) })
	p.armLink()
	p.start(ctx)
}

// armLink has the next step written to the address move a scenario
// that came in ?src= into the fragment, as share links carry it. Not
// from OnInit: an address changed before OnNav would be opened again.
func (p *scenarioPage) armLink() {
	if p.fromSrc {
		p.addr.link, p.fromSrc = encodeShare(p.source), false
	}
}

// choose puts in the box the scenario the address u carries, or else
// draft(), and aims the cursor at the address's step.
func (p *scenarioPage) choose(u *url.URL, draft func() string) {
	p.addr.aim(u)
	p.shareErr = nil
	src, fromLink := "", false
	if u.Fragment != "" {
		s, err := decodeShare(u.Fragment)
		if err == nil {
			src, fromLink = s, true
		} else {
			errors.As(err, &p.shareErr)
		}
	}
	p.fromSrc = false
	if !fromLink {
		src, fromLink = u.Query().Get(srcParam), u.Query().Has(srcParam)
		p.fromSrc = fromLink
	}
	if !fromLink {
		src = draft()
	}
	p.source = src
	p.markReady = true
}

// draft returns the scenario kept in the browser, or the example.
func (p *scenarioPage) draft(ctx app.Context) string {
	var s string
	if err := ctx.LocalStorage().Get(draftKey, &s); err != nil || s == "" {
		return exampleScenario
	}
	return s
}

// storedDraft is draft read without a context, as go-app's local storage
// keeps it (JSON).
func storedDraft() string {
	var s string
	if item, ok := jsb.StoredItem(draftKey); !ok || json.Unmarshal([]byte(item), &s) != nil || s == "" {
		return exampleScenario
	}
	return s
}

// saveDraft keeps the scenario in the browser; the example is no draft.
func (p *scenarioPage) saveDraft() {
	if p.ctx == nil {
		return
	}
	if p.source == exampleScenario {
		p.ctx.LocalStorage().Del(draftKey)
		return
	}
	_ = p.ctx.LocalStorage().Set(draftKey, p.source)
}

// editorChanged keeps the text, and keeps it in the browser at once: a
// tab closed right after typing loses nothing.
func (p *scenarioPage) editorChanged(src string) {
	p.source = src
	p.saveDraft()
	// Typed over, the instructor's versions are no longer the text.
	p.instr.edited(src)
}

// editorRun runs the scenario, as the Run button does.
func (p *scenarioPage) editorRun() {
	if p.ctx != nil {
		p.ctx.Dispatch(func(ctx app.Context) { p.onRun(ctx, app.Event{}) })
	}
}

// onRun runs the scenario in the box, or cancels the run under way.
func (p *scenarioPage) onRun(ctx app.Context, _ app.Event) {
	if p.phase == scenarioRunning {
		p.gen++
		p.parse, p.run, p.phase = nil, nil, scenarioCancelled
		return
	}
	// The address becomes a link to this scenario. The draft is what was
	// typed: running a link someone sent does not replace it.
	u := *ctx.Page().URL()
	u.RawQuery, u.Fragment = "", encodeShare(p.source)
	ctx.Page().ReplaceURL(&u)
	p.shareErr = nil
	p.start(ctx)
}

// onExample puts the example back in the box and runs it.
func (p *scenarioPage) onExample(ctx app.Context, _ app.Event) {
	p.gen++
	p.source = exampleScenario
	p.saveDraft()
	p.start(ctx)
}

// start parses the scenario and runs its first slice; the rest follow,
// each after giving control back to the browser. On the server the whole
// run is one slice.
func (p *scenarioPage) start(ctx app.Context) {
	p.gen++
	p.parse, p.run, p.problem = nil, nil, nil
	p.load(nil)
	if strings.TrimSpace(p.source) == "" {
		p.phase = scenarioEmpty
		p.settled()
		return
	}
	jsb.PerfMark("mqttviz-scenario-start")
	p.parse, p.phase = script.StartParse("scenario", p.source), scenarioRunning
	p.progress = runProgress{}
	p.slice(p.gen)
}

// sliceBudget is how long one slice of a run may keep the browser busy.
// The run OnInit starts, before the page's first render, goes on for
// initBudget, and whatever the time until it has read initLines lines
// and made initSteps steps: the page then mounts with the trace of the
// example and of any short scenario however slow the machine (the
// example takes about 40 ms the first time, as the browser compiles the
// code it runs), rather than with a progress bar that the trace replaces
// a frame later.
const (
	sliceBudget = 12 * time.Millisecond
	initBudget  = 100 * time.Millisecond
	initLines   = 200
	initSteps   = 200
)

// slice reads lines, then runs statements, for about sliceBudget (the
// first slice of OnInit's run longer), then renders the progress and
// yields; the last slice shows the trace.
func (p *scenarioPage) slice(gen int) {
	if gen != p.gen || p.phase != scenarioRunning {
		return
	}
	jsb.PerfMark("mqttviz-scenario-slice-start")
	defer jsb.PerfMeasure("mqttviz-scenario-slice", "mqttviz-scenario-slice-start")
	budget, short := sliceBudget, func() bool { return false }
	if p.ctx == nil {
		budget = initBudget
		short = func() bool { return p.progress.Read <= initLines && p.progress.Steps <= initSteps }
	}
	deadline := time.Now().Add(budget)
	more := func() bool { return app.IsServer || time.Now().Before(deadline) || short() }
	for p.parse != nil && more() {
		done, err := p.parse.Step(64)
		p.progress.Read, p.progress.Lines = p.parse.Progress()
		if !done {
			continue
		}
		jsb.PerfMeasure("mqttviz-scenario-parse", "mqttviz-scenario-start")
		sc, _ := p.parse.Finish()
		p.parse = nil
		if err != nil {
			p.fail(err)
			return
		}
		p.run = sc.Start(1)
	}
	done := false
	for p.run != nil && !done && more() {
		done, _ = p.run.Step(8)
		p.progress.Ran, p.progress.Total, p.progress.Steps = p.run.Progress()
	}
	if !done {
		if p.ctx == nil {
			// Opened by OnInit: OnNav runs the next slice.
			return
		}
		jsb.YieldThen(func() {
			if p.ctx != nil {
				p.ctx.Dispatch(func(app.Context) { p.slice(gen) })
			}
		})
		return
	}
	t, err := p.run.Trace()
	p.run = nil
	if err != nil {
		p.fail(err)
		return
	}
	p.phase = scenarioShown
	p.load(t)
	// The browser tests read how long the run took, and the run with the
	// render of its trace.
	jsb.PerfMeasure("mqttviz-scenario-run", "mqttviz-scenario-start")
	if p.ctx != nil {
		p.ctx.Defer(func(app.Context) { jsb.PerfMeasure("mqttviz-scenario-shown", "mqttviz-scenario-start") })
	}
	p.settled()
}

// settled marks the page interactive once the first run after opening it
// is over, when what it shows is the result.
func (p *scenarioPage) settled() {
	if !p.markReady || p.ctx == nil {
		return
	}
	p.markReady = false
	p.ctx.Defer(func(app.Context) { jsb.MarkInteractive() })
}

// fail shows why the scenario does not run.
func (p *scenarioPage) fail(err error) {
	p.phase, p.parse, p.run = scenarioFailed, nil, nil
	p.load(nil)
	p.problem = problemOf(err)
	p.settled()
}

// problemOf places an error of ParseScenario or of a run.
func problemOf(err error) *scenarioProblem {
	var pe *script.ParseError
	if !errors.As(err, &pe) {
		msg := err.Error()
		return &scenarioProblem{Msg: codec.Text{EN: msg, ZH: msg}}
	}
	return &scenarioProblem{Line: pe.Line, Col: pe.Col, Msg: pe.Text}
}

// jump selects line (from column col) in the editor and scrolls to it.
func (p *scenarioPage) jump(line, col int) {
	from, to := lineRange(p.source, line, max(col, 1))
	jsb.SelectInEditor("scenario-input", "scenario-editor", from, to, line, editorLineHeight)
}

// onJumpToProblem selects the place of the error in the editor.
func (p *scenarioPage) onJumpToProblem(app.Context, app.Event) {
	if p.problem != nil {
		p.jump(p.problem.Line, p.problem.Col)
	}
}

// marks are the lines the editor marks: the error, or the expectations
// that failed.
func (p *scenarioPage) marks() []editorMark {
	if p.problem != nil && p.problem.Line > 0 {
		return []editorMark{{Line: p.problem.Line, Kind: markError}}
	}
	if p.trace == nil {
		return nil
	}
	var out []editorMark
	for _, e := range p.trace.Expectations {
		if !e.OK && e.Line > 0 && (len(out) == 0 || out[len(out)-1].Line < e.Line) {
			out = append(out, editorMark{Line: e.Line, Kind: markFailed})
		}
	}
	return out
}

func (p *scenarioPage) Render() app.UI {
	return app.Div().Class("page").Body(
		newHeader(p.lang),
		app.Main().ID(mainID).Class("content scenario").Body(
			app.H1().ID("scenario-title").Text(tr(p.lang, "scenario.title")),
			app.P().Class("intro").Text(tr(p.lang, "scenario.intro")),
			p.renderShareError(),
			app.Label().For("scenario-input").Text(tr(p.lang, "scenario.input")),
			&scenarioEditor{Lang: p.lang, Source: p.source, Marks: p.marks(), Host: p},
			p.renderButtons(),
			&scenarioReference{Lang: p.lang},
			p.renderResult(),
		),
	)
}

// renderShareError says why the link did not open.
func (p *scenarioPage) renderShareError() app.UI {
	if p.shareErr == nil {
		return nil
	}
	return app.P().ID("scenario-link-error").Class("error").Role("alert").Text(p.shareErr.message(p.lang))
}

// renderButtons are Run (Cancel while running) and Example, with the keys
// that work in the box.
func (p *scenarioPage) renderButtons() app.UI {
	run, class := tr(p.lang, "scenario.run"), "run"
	if p.phase == scenarioRunning {
		run, class = tr(p.lang, "scenario.cancel"), "run cancel"
	}
	return app.Div().Class("scenario-actions").Body(
		app.Button().ID("scenario-run").Class(class).Type("button").OnClick(p.onRun).Text(run),
		app.Button().ID("scenario-example").Type("button").OnClick(p.onExample).Text(tr(p.lang, "scenario.example")),
		app.Span().ID("scenario-keys").Class("hint").Text(tr(p.lang, "scenario.keys")),
	)
}

// renderResult is what the last Run gave: its title and description, its
// expectations and its trace; or the progress of the run; or why it
// did not run.
func (p *scenarioPage) renderResult() app.UI {
	heading := func(key string) app.UI {
		return app.H2().ID("scenario-heading").Text(tr(p.lang, key))
	}
	switch p.phase {
	case scenarioRunning:
		return app.Div().Body(
			heading("scenario.running"),
			p.renderProgress(),
		)
	case scenarioFailed:
		return app.Div().Body(heading("scenario.failed"), p.renderProblem())
	case scenarioEmpty:
		return app.Div().Body(
			heading("scenario.empty"),
			app.P().ID("scenario-error").Class("error").Role("alert").Text(tr(p.lang, "scenario.empty.why")),
		)
	case scenarioCancelled:
		return app.Div().Body(
			heading("scenario.cancelled"),
			app.P().ID("scenario-progress").Role("status").Text(p.cancelledAt()),
		)
	case scenarioShown:
		return p.renderTrace()
	}
	return nil
}

// cancelledAt says where a cancelled run stopped.
func (p *scenarioPage) cancelledAt() string {
	pr := p.progress
	if pr.Total == 0 {
		return tr(p.lang, "scenario.cancelled.reading", groupDigits(pr.Read), groupDigits(pr.Lines))
	}
	return tr(p.lang, "scenario.cancelled.at", groupDigits(pr.Ran), groupDigits(pr.Total))
}

// renderProgress is the progress line of a run.
func (p *scenarioPage) renderProgress() app.UI {
	pr := p.progress
	done, total := pr.Ran, pr.Total
	text := tr(p.lang, "scenario.progress", groupDigits(pr.Ran), groupDigits(pr.Total), groupDigits(pr.Steps))
	if p.parse != nil {
		done, total = pr.Read, pr.Lines
		text = tr(p.lang, "scenario.reading", groupDigits(pr.Read), groupDigits(pr.Lines))
	}
	return app.Div().ID("scenario-progress").Class("progress").Role("status").Body(
		app.Progress().Max(max(total, 1)).Value(done).Aria("label", tr(p.lang, "scenario.running")),
		app.Span().Text(text),
	)
}

// renderProblem is the error, with its place as a button that selects
// that place in the editor.
func (p *scenarioPage) renderProblem() app.UI {
	pr := p.problem
	if pr.Line == 0 {
		return app.P().ID("scenario-error").Class("error").Role("alert").Text(pr.Msg.In(p.lang))
	}
	return app.P().ID("scenario-error").Class("error").Role("alert").Body(
		app.Button().ID("scenario-error-place").Class("place").Type("button").
			Title(tr(p.lang, "scenario.jump")).
			OnClick(p.onJumpToProblem).
			Text(tr(p.lang, "scenario.place", pr.Line, pr.Col)),
		app.Text(tr(p.lang, "scenario.colon")+pr.Msg.In(p.lang)),
	)
}

// renderTrace is the last run's title, description, expectations and
// trace.
func (p *scenarioPage) renderTrace() app.UI {
	title := p.trace.Title.In(p.lang)
	if title == "" {
		title = tr(p.lang, "scenario.untitled")
	}
	var desc, view app.UI
	if d := p.trace.Description.In(p.lang); d != "" {
		desc = app.P().ID("scenario-description").Class("description").Text(d)
	}
	if len(p.trace.Steps) > 0 {
		view = p.renderView(nil, p.lang)
	} else {
		view = app.P().ID("scenario-nosteps").Text(tr(p.lang, "scenario.nosteps"))
	}
	return app.Div().Body(
		app.H2().ID("scenario-heading").Text(title),
		desc,
		p.renderExpectations(),
		view,
	)
}

// renderExpectations lists the scenario's expect lines, each with its line
// as a button that selects it in the editor.
func (p *scenarioPage) renderExpectations() app.UI {
	return renderExpectations(p.lang, p.trace.Expectations, func(e trace.Expectation) app.UI {
		line, col := e.Line, e.Col
		return app.Button().Class("place").Type("button").
			Title(tr(p.lang, "scenario.jump")).
			// go-app keeps a handler whose code is the same as before:
			// the line is its scope, so that the closure is renewed.
			OnClick(func(app.Context, app.Event) { p.jump(line, col) }, line, col).
			Text(tr(p.lang, "scenario.line", line))
	})
}

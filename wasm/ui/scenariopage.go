package ui

import (
	"errors"
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/sim"
)

// exampleScenario is what the scenario page starts with.
const exampleScenario = `title en: QoS 1 with a lost PUBACK
title zh: QoS 1：PUBACK 丢失后带 DUP 重发
client sensor id=sensor-1 clean=0
client phone
connect sensor
connect phone
subscribe phone devices/# qos=1
drop next PUBACK to sensor
publish sensor devices/sensor/temp "21.5" qos=1
cut sensor
connect sensor
`

// scenarioPage is /scenario: write a scenario (docs/lessons.md), run it
// in the browser and watch its trace. ?src= carries a scenario in the
// address, so that a link can share one.
type scenarioPage struct {
	app.Compo
	language
	player

	source string
	title  sim.Text
	err    string          // why the scenario did not run
	perr   *sim.ParseError // the same, when it does not parse
}

func newScenarioPage() *scenarioPage { return &scenarioPage{player: player{speed: 1}} }

func (p *scenarioPage) OnPreRender(ctx app.Context) { p.open(ctx); p.retitle(ctx, p.pageTitle) }

func (p *scenarioPage) pageTitle(lang string) string { return tr(lang, "title.scenario") }

func (p *scenarioPage) OnNav(ctx app.Context) { p.open(ctx) }

func (p *scenarioPage) OnMount(ctx app.Context) {
	p.observe(ctx, p.pageTitle)
	p.player.mount(ctx)
}

func (p *scenarioPage) OnDismount() { p.player.dismount() }

// open reads the scenario from ?src= (or takes the example) and runs it.
func (p *scenarioPage) open(ctx app.Context) {
	p.source = ctx.Page().URL().Query().Get("src")
	if p.source == "" {
		p.source = exampleScenario
	}
	p.run()
	ctx.Defer(func(app.Context) { perfMark("mqttviz-interactive") })
}

// run runs the source with seed 1.
func (p *scenarioPage) run() {
	t, err := sim.RunScenario("scenario", p.source, 1)
	p.err, p.perr = "", nil
	if err != nil {
		p.err = err.Error()
		errors.As(err, &p.perr)
		p.load(nil)
		return
	}
	p.title = t.Title
	p.load(t)
}

func (p *scenarioPage) onRun(ctx app.Context, e app.Event) {
	p.source = app.Window().GetElementByID("scenario-input").Get("value").String()
	p.run()
	// Keep the scenario in the address so that the page can be shared.
	u := *ctx.Page().URL()
	u.RawQuery = url.Values{"src": {p.source}}.Encode()
	ctx.Page().ReplaceURL(&u)
}

// renderExpectations lists the scenario's expect lines, opened when one
// of them failed: that is what the author wants to see first.
func (p *scenarioPage) renderExpectations() app.UI {
	if p.err != "" || p.trace == nil {
		return nil
	}
	return renderExpectations(p.lang, p.trace.Expectations)
}

func (p *scenarioPage) Render() app.UI {
	var view app.UI
	switch {
	case p.perr != nil:
		view = app.P().ID("scenario-error").Class("error").Text(tr(p.lang, "scenario.parse", p.perr.Line, p.perr.Col, p.perr.Text.In(p.lang)))
	case p.err != "":
		view = app.P().ID("scenario-error").Class("error").Text(p.err)
	case p.trace != nil && len(p.trace.Steps) > 0:
		view = renderPlayerView(p.trace, p.cursor, p.status, p.speed, p.lang)
	}
	return app.Div().Class("page").Body(
		newHeader(p.lang),
		app.Main().ID(mainID).Class("content scenario").Body(
			app.H1().ID("scenario-title").Text(tr(p.lang, "scenario.title")),
			app.P().Class("intro").Text(tr(p.lang, "scenario.intro")),
			app.Label().For("scenario-input").Text(tr(p.lang, "scenario.input")),
			app.Textarea().
				ID("scenario-input").
				Rows(10).
				Spellcheck(false).
				Text(p.source),
			app.Button().ID("scenario-run").Class("run").Type("button").OnClick(p.onRun).Text(tr(p.lang, "scenario.run")),
			app.H2().ID("scenario-heading").Text(p.title.In(p.lang)),
			p.renderExpectations(),
			view,
		),
	)
}

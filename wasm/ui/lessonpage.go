package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/sim"
)

// lessonPage is /lessons/NAME: the lesson runs in the browser and the
// page shows its trace. It owns the trace, the cursor and the player; the
// diagram, the inspector, the state panel and the event list render them.
type lessonPage struct {
	app.Compo
	language

	name   string
	info   sim.LessonInfo
	trace  *sim.Trace
	err    string
	cursor int
	status playStatus
	speed  float64
	// tick counts play sessions: a pending tick of an older one does
	// nothing.
	tick int

	releaseKeys func()
}

func newLessonPage() *lessonPage { return &lessonPage{speed: 1} }

// lessonName returns NAME from a path /…/lessons/NAME.
func lessonName(path string) string {
	_, name, ok := strings.Cut(path, "/lessons/")
	if !ok {
		return ""
	}
	return strings.Trim(name, "/")
}

// lessonInfo returns the catalogue entry of a lesson.
func lessonInfo(name string) (sim.LessonInfo, bool) {
	for _, l := range sim.Lessons() {
		if l.Name == name {
			return l, true
		}
	}
	return sim.LessonInfo{}, false
}

func (p *lessonPage) OnPreRender(ctx app.Context) { p.load(ctx) }

func (p *lessonPage) OnNav(ctx app.Context) { p.load(ctx) }

// load runs the lesson the address names, with the seed of ?seed= (1 by
// default).
func (p *lessonPage) load(ctx app.Context) {
	u := ctx.Page().URL()
	name := lessonName(u.Path)
	seed := int64(1)
	if s, err := strconv.ParseInt(u.Query().Get("seed"), 10, 64); err == nil {
		seed = s
	}
	if p.speed == 0 {
		p.speed = 1
	}
	p.name, p.cursor, p.status, p.err = name, 0, paused, ""
	p.tick++
	p.info, _ = lessonInfo(name)
	t, err := sim.RunLesson(name, seed)
	if err != nil {
		p.trace = nil
		p.err = err.Error()
		return
	}
	p.trace = t
	ctx.Page().SetTitle(p.info.Title.In(p.lang) + " · mqttviz")
	ctx.Defer(func(app.Context) { perfMark("mqttviz-interactive") })
}

func (p *lessonPage) OnMount(ctx app.Context) {
	p.observe(ctx)
	handleStepActions(ctx, p)
	p.releaseKeys = listenKeys(func(k keyPress) bool {
		cmd := keyCommand(k.Key, k.Tag, k.Editable, k.Modified)
		if cmd == cmdNone {
			return false
		}
		ctx.Dispatch(func(ctx app.Context) { p.apply(ctx, cmd) })
		return true
	})
}

func (p *lessonPage) OnDismount() {
	if p.releaseKeys != nil {
		p.releaseKeys()
		p.releaseKeys = nil
	}
	p.tick++
}

// stepper is a page with a player: the lesson page and the scenario page.
type stepper interface {
	apply(ctx app.Context, cmd command)
	goTo(ctx app.Context, i int)
	setSpeed(s float64)
}

// handleStepActions routes the player's actions to the page.
func handleStepActions(ctx app.Context, s stepper) {
	ctx.Handle(actGoto, func(ctx app.Context, a app.Action) {
		if i, ok := a.Value.(int); ok {
			s.goTo(ctx, i)
		}
	})
	ctx.Handle(actStep, func(ctx app.Context, a app.Action) {
		if d, ok := a.Value.(int); ok && d < 0 {
			s.apply(ctx, cmdBack)
		} else {
			s.apply(ctx, cmdForward)
		}
	})
	ctx.Handle(actEdge, func(ctx app.Context, a app.Action) {
		if end, _ := a.Value.(bool); end {
			s.apply(ctx, cmdEnd)
		} else {
			s.apply(ctx, cmdStart)
		}
	})
	ctx.Handle(actToggle, func(ctx app.Context, a app.Action) { s.apply(ctx, cmdToggle) })
	ctx.Handle(actSpeed, func(ctx app.Context, a app.Action) {
		if v, ok := a.Value.(float64); ok {
			s.setSpeed(v)
		}
	})
}

func (p *lessonPage) steps() int {
	if p.trace == nil {
		return 0
	}
	return len(p.trace.Steps)
}

func (p *lessonPage) setSpeed(s float64) { p.speed = s }

// apply carries out a player command.
func (p *lessonPage) apply(ctx app.Context, cmd command) {
	switch cmd {
	case cmdToggle:
		p.toggle(ctx)
	case cmdBack:
		p.goTo(ctx, p.cursor-1)
	case cmdForward:
		p.goTo(ctx, p.cursor+1)
	case cmdStart:
		p.goTo(ctx, 0)
	case cmdEnd:
		p.goTo(ctx, p.steps()-1)
	}
}

// goTo moves the cursor and times the render that follows.
func (p *lessonPage) goTo(ctx app.Context, i int) {
	i = clampStep(i, p.steps())
	if i == p.cursor {
		return
	}
	perfMark("mqttviz-step-start")
	p.cursor = i
	ctx.Defer(func(app.Context) { perfMeasure("mqttviz-step", "mqttviz-step-start") })
}

func (p *lessonPage) toggle(ctx app.Context) {
	p.tick++
	if p.status == playing {
		p.status = paused
		return
	}
	if p.cursor >= p.steps()-1 {
		p.cursor = 0
	}
	p.status = playing
	p.schedule(ctx, p.tick)
}

// schedule advances the cursor after one tick while play session tick
// lasts, and stops at the end.
func (p *lessonPage) schedule(ctx app.Context, tick int) {
	ctx.After(tickFor(p.speed), func(ctx app.Context) {
		if p.tick != tick || p.status != playing {
			return
		}
		if p.cursor >= p.steps()-1 {
			p.status = paused
			return
		}
		p.goTo(ctx, p.cursor+1)
		p.schedule(ctx, tick)
	})
}

func (p *lessonPage) Render() app.UI {
	if p.trace == nil {
		msg := tr(p.lang, "loading")
		if p.err != "" {
			msg = tr(p.lang, "lesson.notfound", strconv.Quote(p.name))
		}
		return app.Div().Class("page").Body(
			&header{Lang: p.lang},
			app.Main().Class("content").Body(
				app.H1().Text(tr(p.lang, "nav.lessons")),
				app.P().ID("lesson-error").Class("error").Text(msg),
				app.A().Href(link("/")).Text(tr(p.lang, "picker.title")),
			),
		)
	}
	return app.Div().Class("page").Body(
		&header{Lang: p.lang},
		app.Main().Class("content lesson").Body(
			app.Div().Class("lesson-intro").Body(
				app.H1().ID("lesson-title").Text(p.info.Title.In(p.lang)),
				app.P().Class("lesson-desc").Text(p.info.Description.In(p.lang)),
			),
			renderPlayerView(p.trace, p.cursor, p.status, p.speed, p.lang),
		),
	)
}

// renderPlayerView is everything below a lesson's title: the player, the
// diagram with its legend and event list, the inspector and the state.
func renderPlayerView(t *sim.Trace, cursor int, status playStatus, speed float64, lang string) app.UI {
	step := t.Steps[cursor]
	var prev *sim.State
	if cursor > 0 {
		prev = t.Steps[cursor-1].State
	}
	return app.Div().Class("player-view").Body(
		app.Div().Class("main-col").Body(
			&controls{Cursor: cursor, Steps: len(t.Steps), Status: status, Speed: speed, Lang: lang},
			app.P().ID("announce").Class("announce").Aria("live", "polite").Body(renderAnnounce(lang, step)...),
			app.Section().Class("panel diagram-panel").Aria("label", tr(lang, "diagram.title")).Body(
				&diagram{Trace: t, Cursor: cursor, Lang: lang},
				renderFlowLegend(lang),
			),
			app.Section().Class("panel events-panel").Body(
				app.H2().Text(tr(lang, "events.title")),
				&eventList{Trace: t, Cursor: cursor, Lang: lang},
			),
		),
		app.Aside().Class("side-col").Body(
			app.Section().Class("panel inspector-panel").Body(
				app.H2().Text(tr(lang, "inspector.title")),
				app.P().Class("step-label").Text(stepSummary(lang, step)),
				&inspector{Bytes: step.Bytes, Lang: lang, hover: -1},
			),
			app.Section().Class("panel state-panel").Body(
				app.H2().Text(tr(lang, "state.title")),
				&statePanel{State: step.State, Prev: prev, Lang: lang},
			),
		),
	)
}

// renderAnnounce is the text the aria-live region reads out: the step and
// its first note.
func renderAnnounce(lang string, s sim.Step) []app.UI {
	out := []app.UI{app.Span().Class("announce-step").Text(stepSummary(lang, s))}
	for _, n := range s.Notes {
		out = append(out, app.Span().Class("announce-note").Text(" — "+n.Text.In(lang)))
	}
	return out
}

// renderFlowLegend names the arrow colours.
func renderFlowLegend(lang string) app.UI {
	items := make([]app.UI, 0, len(flows))
	for _, f := range flows {
		items = append(items, app.Li().Body(
			app.Span().Class("swatch flow-"+string(f)).Aria("hidden", "true"),
			app.Text(tr(lang, "flow."+string(f))),
		))
	}
	return app.Ul().Class("legend").Aria("label", tr(lang, "legend.title")).Body(items...)
}

package ui

import (
	"encoding/hex"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// lessonPage is /lessons/NAME: the lesson runs in the browser and the
// page shows its trace. It owns the trace, the cursor and the player; the
// diagram, the inspector, the state panel and the event list render them.
type lessonPage struct {
	app.Compo
	language

	player

	name string
	seed int64
	info lessons.LessonInfo
	err  string
	// initRun is set when OnInit ran the lesson of the address the next
	// OnNav opens.
	initRun bool
	// broker is the address of ?broker=, kept in the link to /live/.
	broker string
}

func newLessonPage() *lessonPage {
	p := &lessonPage{player: player{speed: 1, addr: stepKeeper{keep: true}, instr: newInstructor()}}
	p.instr.start = func() (string, string, int64) {
		src, _ := lessons.LessonSource(p.name)
		return p.name, src, p.seed
	}
	p.share.of, p.share.has = p.shareTarget, p.canShare
	return p
}

// lessonName returns NAME from a path /…/lessons/NAME.
func lessonName(path string) string {
	_, name, ok := strings.Cut(path, "/lessons/")
	if !ok {
		return ""
	}
	return strings.TrimSuffix(strings.Trim(name, "/"), "/index.html")
}

func (p *lessonPage) OnPreRender(ctx app.Context) {
	p.prerender(ctx, p.pageTitle)
	p.open(ctx)
}

// OnInit runs the lesson before the page's first render in the browser,
// so that the page mounts whole over the pre-rendered one: without it
// go-app mounted the "Loading" page first and drew the lesson in a later
// frame, rendering and mounting the page twice.
func (p *lessonPage) OnInit() {
	if app.IsClient {
		p.initRun = p.run(app.Window().URL())
	}
}

func (p *lessonPage) OnNav(ctx app.Context) { p.open(ctx) }

// open runs the lesson the address names (but not again on the
// navigation that follows OnInit, to the same lesson) and titles the
// page.
func (p *lessonPage) open(ctx app.Context) {
	u := ctx.Page().URL()
	if name, seed := lessonAt(u); !p.initRun || name != p.name || seed != p.seed {
		p.run(u)
	}
	p.initRun = false
	takeLang(ctx, u)
	p.retitle(ctx, p.pageTitle)
	// The page is ready either way: the lesson or why there is none.
	ctx.Defer(func(app.Context) { jsb.MarkInteractive() })
}

// lessonAt returns the lesson an address names and the seed of ?seed=
// (1 by default).
func lessonAt(u *url.URL) (name string, seed int64) {
	seed = 1
	if s, err := strconv.ParseInt(u.Query().Get("seed"), 10, 64); err == nil {
		seed = s
	}
	return lessonName(u.Path), seed
}

// run runs the lesson the address u names and reports whether there is
// one.
func (p *lessonPage) run(u *url.URL) bool {
	p.name, p.seed = lessonAt(u)
	p.broker = u.Query().Get("broker")
	p.addr.aim(u)
	p.err = ""
	p.info, _ = lessons.Lesson(p.name)
	t, err := lessons.RunLesson(p.name, p.seed)
	p.load(t)
	if err != nil {
		p.err = err.Error()
	}
	return err == nil
}

// pageTitle is the lesson's title, or says there is no such lesson.
func (p *lessonPage) pageTitle(lang string) string {
	if p.info.Name == "" {
		return tr(lang, "title.nolesson")
	}
	return tr(lang, "title.lesson", p.info.Title.In(lang))
}

func (p *lessonPage) OnMount(ctx app.Context) {
	p.observe(ctx, p.pageTitle)
	p.player.mount(ctx)
}

func (p *lessonPage) OnDismount() { p.player.dismount() }

func (p *lessonPage) Render() app.UI {
	if p.trace == nil {
		msg := tr(p.lang, "loading")
		if p.err != "" {
			msg = tr(p.lang, "lesson.notfound", strconv.Quote(p.name))
		}
		return app.Div().Class("page").Body(
			newHeader(p.lang),
			app.Main().ID(mainID).Class("content").Body(
				app.H1().Text(tr(p.lang, "nav.lessons")),
				app.P().ID("lesson-error").Class("error").Text(msg),
				app.A().Href(link("/")).Text(tr(p.lang, "picker.title")),
			),
		)
	}
	return app.Div().Class("page").Body(
		newHeader(p.lang),
		app.Main().ID(mainID).Class("content lesson").Body(
			p.renderView([]app.UI{
				app.H1().ID("lesson-title").Text(p.info.Title.In(p.lang)),
				app.P().Class("lesson-desc").Text(p.info.Description.In(p.lang)),
				newExpectationList(p.lang, p.trace.Expectations),
				app.P().Class("lesson-runlive").Body(
					app.A().ID("lesson-runlive").Href(liveLessonLink(p.name, p.broker)).Text(tr(p.lang, "lesson.runlive")),
				),
			}, p.lang),
		),
	)
}

// renderView is the player's trace as every player page shows it (the
// lesson page, the scenario page, the trace page): renderPlayerView.
func (p *player) renderView(intro []app.UI, lang string) app.UI {
	return renderPlayerView(intro, p.trace, p.cursor, p.status, p.speed, p.saveErr, p.redact, p.instr, p.modesFor(), &p.share, lang)
}

// renderPlayerView is a trace's intro (a lesson's title and description;
// nil for none) with the Save trace button, and everything below it: the
// player, the diagram with its legend and event list, the inspector and
// the state. Beside a wide diagram the side column starts level with the
// intro, near the top of the page, so that it fits the window wherever
// the page is scrolled. redact, when not nil, is applied to the step
// whose bytes the inspector shows. ins, when not nil, adds the
// instructor's toggle, marks and panel; m, when not nil, presenter and
// predict mode; sh, when not nil, the Share button and dialog.
func renderPlayerView(intro []app.UI, t *trace.Trace, cursor int, status playStatus, speed float64, saveErr error, redact func(trace.Step) trace.Step, ins *instructor, m *modes, sh *shareDialog, lang string) app.UI {
	step := t.Steps[cursor]
	if redact != nil {
		step = redact(step)
	}
	state, prev := t.StateAt(cursor), t.StateAt(cursor-1)
	var saveFailed app.UI
	if saveErr != nil {
		saveFailed = app.P().ID("trace-save-error").Class("error").Role("alert").Text(tr(lang, "trace.save.failed", saveErr.Error()))
	}
	return app.Div().Class(m.viewClass()).Body(
		app.Div().Class("lesson-intro").Body(append(intro,
			app.Div().Class("trace-tools").Body(renderSaveButton(lang), newExportControl(t, cursor, redact, lang), ins.renderToggle(lang)), saveFailed)...),
		// The player and the step's line stay at the top of the window
		// while the page scrolls to the events or the inspector.
		app.Div().Class("player-bar").Body(
			newControls(cursor, len(t.Steps), status, speed, lang),
			m.renderTools(lang, sh.renderButton(lang)),
			app.P().ID("announce").Class("announce").Aria("live", "polite").TabIndex(0).Body(renderAnnounce(lang, step)...),
		),
		app.Div().Class("main-col").Body(
			m.renderPredict(t, cursor, lang),
			app.Section().Class("panel diagram-panel").Aria("label", tr(lang, "diagram.title")).Body(
				m.wrapDiagram(views.NewDiagram(t, cursor, lang).WithMarks(ins.marks())),
				views.FlowLegend(lang),
			),
			ins.renderPanel(lang),
			app.Section().Class("panel events-panel").Body(
				app.H2().Text(tr(lang, "events.title")),
				views.NewEventList(t, cursor, lang).WithMarks(ins.marks()),
			),
		),
		// The state first: it is short, and the inspector, often long,
		// scrolls in the room left below it, so that both stay in sight.
		app.Aside().Class("side-col").Body(
			app.Section().Class("panel state-panel").TabIndex(0).Body(
				app.H2().Text(tr(lang, "state.title")),
				views.NewStatePanel(state, prev, lang),
			),
			app.Section().Class("panel inspector-panel").Body(
				app.H2().Text(tr(lang, "inspector.title")),
				app.P().Class("step-label").Text(views.StepSummary(lang, step)),
				renderRead(lang, step),
				renderDecodeLink(lang, step.Bytes),
				views.NewInspector(step.Bytes, lang),
			),
		),
		sh.render(redactedTrace(t, redact), cursor, lang),
	)
}

// renderAnnounce is the text the aria-live region reads out: the step and
// its notes, each with the rule it names ("… [MQTT-4.4.0-1]"): the
// diagram's notes column shows the first note's alone.
func renderAnnounce(lang string, s trace.Step) []app.UI {
	out := []app.UI{app.Span().Class("announce-step").Text(views.StepSummary(lang, s))}
	sep := " — "
	if s.Kind == trace.KindNote && s.From == "" {
		// "Note: …", the note being all the step is.
		sep = tr(lang, "sep.colon")
	}
	for _, n := range s.Notes {
		text := sep + n.Text.In(lang)
		if n.Rule != "" {
			text += " [" + n.Rule + "]"
		}
		out = append(out, app.Span().Class("announce-note").Text(text))
		sep = " — "
	}
	return out
}

// renderDecodeLink opens the packet's bytes on the decode page, where
// they can be edited.
func renderDecodeLink(lang string, b []byte) app.UI {
	if len(b) == 0 {
		return nil
	}
	return app.A().ID("decode-link").Class("decode-link").Href(link("/decode/?hex=" + hex.EncodeToString(b))).Text(tr(lang, "inspector.edit"))
}

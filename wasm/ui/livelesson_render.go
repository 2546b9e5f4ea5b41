package ui

import (
	"fmt"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderLesson is the control that runs a lesson against the broker:
// the lesson to run (or a pasted scenario), the run's progress with a
// countdown on wait lines, and its outcome.
func (p *livePage) renderLesson() app.UI {
	lang, l := p.lang, &p.lesson
	infos := lessons.Lessons()
	opts := make([]app.UI, 0, len(infos)+1)
	for _, info := range infos {
		opts = append(opts, app.Option().Value(info.Name).Selected(l.choice == info.Name).Text(info.Title.In(lang)))
	}
	opts = append(opts, app.Option().Value(pastedLesson).Selected(l.choice == pastedLesson).Text(tr(lang, "livelesson.paste")))
	var source app.UI
	if l.choice == pastedLesson {
		source = app.Div().Class("live-field").Body(
			app.Label().For(lessonSourceID).Text(tr(lang, "livelesson.source")),
			app.Textarea().ID(lessonSourceID).Class("livelesson-source").Rows(8).Spellcheck(false).
				Text(l.source).
				OnChange(func(ctx app.Context, e app.Event) { l.source = jsb.StringProp(ctx.JSSrc(), "value") }),
		)
	}
	return app.Section().ID("livelesson").Class("livelesson panel").Aria("labelledby", "livelesson-title").Attr(jsb.OwnKeysAttr, true).Body(
		app.H2().ID("livelesson-title").Text(tr(lang, "livelesson.title")),
		app.P().Class("hint").Text(tr(lang, "livelesson.intro")),
		app.Div().Class("live-field").Body(
			app.Label().For("livelesson-choice").Text(tr(lang, "livelesson.choice")),
			app.Select().ID("livelesson-choice").
				OnChange(func(ctx app.Context, e app.Event) { l.choice = jsb.StringProp(ctx.JSSrc(), "value") }).
				Body(opts...),
		),
		source,
		app.Div().Class("live-actions").Body(
			app.Button().ID("livelesson-run").Type("button").Class("live-btn primary").
				Aria("disabled", l.running()).
				OnClick(func(ctx app.Context, e app.Event) { p.runLesson() }).
				Text(tr(lang, "livelesson.run")),
		),
		p.renderLessonStatus(),
		p.renderLessonOutcome(),
	)
}

// renderLessonStatus is where a run stands: the line it waits on, with
// a countdown for a wait line.
func (p *livePage) renderLessonStatus() app.UI {
	lang, l := p.lang, &p.lesson
	text := ""
	switch {
	case l.running() && l.wait.For == script.WaitLine:
		left := max(l.wait.Until-l.now, 0)
		text = tr(lang, "livelesson.waiting", l.wait.Line, fmt.Sprintf("%.1f", float64(left)/1000))
	case l.running():
		ran, total := l.run.Progress()
		text = tr(lang, "livelesson.running", ran, total)
	case l.done && l.problem == nil && l.refused == nil:
		text = tr(lang, "livelesson.done")
	}
	return app.P().ID("livelesson-status").Class("live-status").Role("status").Text(text)
}

// renderLessonOutcome is what the last run found: why it could not run,
// or its expectations and its differences from the simulated broker.
func (p *livePage) renderLessonOutcome() app.UI {
	lang, l := p.lang, &p.lesson
	switch {
	case l.refused != nil:
		return app.Div().ID("livelesson-refused").Class("live-problem error").Role("alert").Body(
			app.P().Text(tr(lang, "livelesson.refused", l.refused.Line)),
			app.P().Body(app.Code().Class("livelesson-line").Text(sourceLine(p.lessonSource(), l.refused.Line))),
			app.P().Text(l.refused.Text.In(lang)),
		)
	case l.problem != nil:
		return app.P().ID("livelesson-problem").Class("error").Role("alert").Text(l.problem.In(lang))
	case !l.done:
		return nil
	}
	return app.Div().ID("livelesson-outcome").Class("livelesson-outcome").Body(
		renderLiveExpectations(lang, l.exps),
		renderDifferences(lang, l.diffs),
	)
}

// lessonSource is the text of the chosen lesson or the pasted scenario.
func (p *livePage) lessonSource() string {
	if p.lesson.choice == pastedLesson {
		return p.lesson.source
	}
	src, _ := lessons.LessonSource(p.lesson.choice)
	return src
}

// sourceLine is line n (1-based) of src, trimmed.
func sourceLine(src string, n int) string {
	lines := strings.Split(src, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}

// renderLiveExpectations lists the expect lines with what the real
// broker did: ok, FAIL, or not observable (the broker's insides).
func renderLiveExpectations(lang string, exps []trace.Expectation) app.UI {
	if len(exps) == 0 {
		return app.P().ID("livelesson-expectations").Text(tr(lang, "livelesson.noexpect"))
	}
	counts := map[trace.ExpectResult]int{}
	items := make([]app.UI, len(exps))
	for i, e := range exps {
		r := e.Result()
		counts[r]++
		var why app.UI
		if e.Why != nil {
			why = app.Span().Class("why").Text(" — " + e.Why.In(lang))
		}
		items[i] = app.Li().Class("expect "+resultClass[r]).Body(
			app.Span().Class("result").Text(r.Name().In(lang)),
			app.Text(" "),
			app.Code().Text(e.Text), why)
	}
	return app.Div().ID("livelesson-expectations").Class("expectations livelesson-expect").Body(
		app.H3().Text(tr(lang, "livelesson.expect", counts[trace.ExpectOK], counts[trace.ExpectFailed], counts[trace.ExpectUnobservable])),
		app.Ul().Body(items...),
	)
}

// resultClass is the class of each result's line.
var resultClass = map[trace.ExpectResult]string{
	trace.ExpectOK:           "ok",
	trace.ExpectFailed:       "failed",
	trace.ExpectUnobservable: "unobservable",
}

// renderDifferences lists where the real broker and the simulated one
// sent the clients something different, each side by side.
func renderDifferences(lang string, diffs []script.Difference) app.UI {
	if len(diffs) == 0 {
		return app.P().ID("livelesson-diffs").Class("livelesson-nodiff").Text(tr(lang, "livelesson.nodiff"))
	}
	items := make([]app.UI, len(diffs))
	for i, d := range diffs {
		items[i] = app.Li().Class("livelesson-diff").Body(
			app.P().Text(d.Text.In(lang)),
			app.Div().Class("livelesson-sides").Body(
				diffSide(tr(lang, "livelesson.simulated"), d.Simulated, lang),
				diffSide(tr(lang, "livelesson.yours"), d.Live, lang),
			),
		)
	}
	return app.Div().ID("livelesson-diffs").Body(
		app.H3().Text(tr(lang, "livelesson.diffs", len(diffs))),
		app.Ul().Class("livelesson-difflist").Body(items...),
	)
}

// diffSide is one side of a difference: what that broker sent, or that
// it sent nothing.
func diffSide(who, what, lang string) app.UI {
	body := app.Code().Text(what)
	if what == "" {
		body = app.Code().Text(tr(lang, "livelesson.none"))
	}
	return app.Div().Class("livelesson-side").Body(app.Span().Class("who").Text(who), body)
}

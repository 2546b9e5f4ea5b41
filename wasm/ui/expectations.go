package ui

import (
	"mqttviz/sim/trace"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderExpectations lists the expect lines of a lesson or scenario and
// whether each held: what the student should see happen. place, when
// given, draws where a line stands (the scenario page's button to it).
// The list opens by itself, its summary counting the failures, when one
// did not hold.
func renderExpectations(lang string, exps []trace.Expectation, place func(trace.Expectation) app.UI) app.UI {
	if len(exps) == 0 {
		return nil
	}
	items := make([]app.UI, len(exps))
	failed := 0
	for i, e := range exps {
		class := "expect ok"
		if !e.OK {
			class = "expect failed"
			failed++
		}
		var why, at app.UI
		if e.Why != nil {
			why = app.Span().Class("why").Text(" — " + e.Why.In(lang))
		}
		if place != nil {
			at = app.Span().Body(place(e), app.Text(" "))
		}
		items[i] = app.Li().Class(class).Body(
			// The ✓ or ✗ is drawn by the style sheet: as text, axe-core
			// cannot decide its contrast.
			app.Span().Class("mark-icon").Aria("hidden", "true"),
			at,
			app.Code().Text(e.Text), why)
	}
	summary := tr(lang, "lesson.expect") + " (" + groupDigits(len(exps)) + ")"
	if failed > 0 {
		summary += " · " + tr(lang, "lesson.failed", failed)
	}
	details := app.Details().ID("expectations").Class("expectations")
	if failed > 0 {
		// Only ever open="": the server writes Open(false) as
		// open="false", which HTML reads as open.
		details = details.Open(true)
	}
	return details.Body(
		app.Summary().Text(summary),
		app.Ul().Body(items...),
	)
}

// expectationList is a lesson's or trace's expect lines, without places,
// as a component: drawn once, not again on every step of the player.
type expectationList struct {
	app.Compo
	Exps []trace.Expectation
	Lang string
}

// newExpectationList is the list of exps in lang, nil for none.
func newExpectationList(lang string, exps []trace.Expectation) app.UI {
	if len(exps) == 0 {
		return nil
	}
	return &expectationList{Exps: exps, Lang: lang}
}

func (l *expectationList) Render() app.UI { return renderExpectations(l.Lang, l.Exps, nil) }

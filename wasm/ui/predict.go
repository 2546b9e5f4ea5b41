package ui

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/predict"
	"mqttviz/wasm/views"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// quiz is predict mode's state: the answers given, by the step asked
// about, for the trace shown.
type quiz struct {
	on bool
	// answers holds the choice picked before each step answered.
	answers map[int]int
	// picked is the choice selected in the question shown, -1 for none;
	// nudge is set when Check was pressed with none.
	picked int
	nudge  bool
	// asking is set while the question before the next step waits: the
	// student stepped on to it, or turned the mode on before it.
	asking bool
}

// answerValue is what Check posts: the choice picked for the question
// before step.
type answerValue struct{ step, picked int }

// actAnswer is posted with the choice picked when the student checks it.
const actAnswer = "mqttviz-predict-answer"

// IDs of predict mode's elements.
const (
	predictFirstChoiceID = "predict-choice-0"
	predictNextID        = "predict-next"
)

// reset forgets the answers: a new trace is shown.
func (q *quiz) reset() { q.answers, q.picked, q.nudge, q.asking = nil, -1, false, false }

// score returns how many answers were right and how many were given.
func (q *quiz) score(t *trace.Trace) (right, given int) {
	for step, picked := range q.answers {
		if a, ok := predict.Ask(t, step); ok && a.Answer == picked {
			right++
		}
		given++
	}
	return right, given
}

// togglePredict turns predict mode on or off. Turned on before a
// packet, the question comes at once.
func (p *player) togglePredict(ctx app.Context) {
	q := &p.modes.quiz
	q.on = !q.on
	q.picked, q.nudge = -1, false
	p.status = paused
	p.tick++
	focus := predictToggleID
	_, ok := predict.Ask(p.trace, p.cursor+1)
	if q.asking = ok && q.on; q.asking {
		focus = predictFirstChoiceID
	}
	ctx.Defer(func(app.Context) { jsb.Focus(focus) })
}

// predictStop returns how far toward step i the cursor may go in predict
// mode: up to the step before the first packet not yet answered, where
// the question waits (and takes the focus).
func (p *player) predictStop(ctx app.Context, i int) int {
	q := &p.modes.quiz
	if !q.on || p.trace == nil || i == p.cursor {
		return i
	}
	q.asking = false
	for s := p.cursor + 1; s <= i; s++ {
		if _, done := q.answers[s]; !done && predict.Asks(p.trace.Steps[s]) {
			p.status = paused
			p.tick++
			q.picked, q.nudge, q.asking = -1, false, true
			ctx.Defer(func(app.Context) { jsb.Focus(predictFirstChoiceID); jsb.ScrollIntoView("predict") })
			return s - 1
		}
	}
	if i > p.cursor {
		// Next may be drawn anew: the focus stays on it.
		ctx.Defer(func(app.Context) { jsb.Focus(predictNextID) })
	}
	return i
}

// answer records the choice picked for the question before step, the
// next one, then plays that step and moves the focus to Next.
func (p *player) answer(ctx app.Context, step, picked int) {
	q := &p.modes.quiz
	a, ok := predict.Ask(p.trace, step)
	if !q.on || !ok || step != p.cursor+1 {
		return
	}
	if _, done := q.answers[step]; done {
		return
	}
	if picked < 0 || picked >= len(a.Choices) {
		q.nudge = true
		return
	}
	if q.answers == nil {
		q.answers = map[int]int{}
	}
	q.answers[step] = picked
	q.picked, q.nudge, q.asking = -1, false, false
	p.goTo(ctx, step)
	focus := predictNextID
	if step >= p.steps()-1 {
		// No Next after the last step: the verdict and the score.
		focus = "predict-result"
	}
	ctx.Defer(func(app.Context) {
		jsb.Focus(focus)
		// The verdict above Next in sight too.
		jsb.ScrollIntoView("predict")
	})
}

// renderPredict is predict mode's panel: the question before the next
// packet, or how the last one went and why, with the score. Its live
// region announces each.
func (m *modes) renderPredict(t *trace.Trace, cursor int, lang string) app.UI {
	if m == nil || !m.quiz.on {
		return nil
	}
	q := &m.quiz
	right, given := q.score(t)
	var body []app.UI
	if a, ok := predict.Ask(t, cursor+1); ok && q.asking {
		if _, done := q.answers[cursor+1]; !done {
			body = q.renderQuestion(a, lang)
		}
	}
	if body == nil {
		body = q.renderResult(t, cursor, lang)
	}
	scoreKey := "predict.score"
	if cursor >= len(t.Steps)-1 {
		scoreKey = "predict.end"
	}
	return app.Section().ID("predict").Class("panel predict").Aria("labelledby", "predict-title").Body(
		app.H2().ID("predict-title").Text(tr(lang, "predict.title")),
		app.Div().ID("predict-live").Aria("live", "polite").Body(body...),
		app.P().ID("predict-score").Class("predict-score").Text(tr(lang, scoreKey, right, given)),
	)
}

// renderQuestion is the question: a radio group of the choices (arrow
// keys move among them) in a form that Enter or Check submits.
func (q *quiz) renderQuestion(a predict.Question, lang string) []app.UI {
	choices := make([]app.UI, len(a.Choices))
	for i, g := range a.Choices {
		id := "predict-choice-" + strconv.Itoa(i)
		i := i
		choices[i] = app.Div().Class("predict-choice").Body(
			// The radio buttons keep their own checked state: a render
			// between two arrow keys would set back the one just left.
			app.Input().Type("radio").ID(id).Name("predict-choice").Value(strconv.Itoa(i)).
				OnChange(func(app.Context, app.Event) { q.picked, q.nudge = i, false }, i),
			app.Label().For(id).Text(guessText(lang, g)),
		)
	}
	var nudge app.UI
	if q.nudge {
		nudge = app.P().ID("predict-nudge").Class("error").Text(tr(lang, "predict.pick"))
	}
	return []app.UI{
		app.Form().ID("predict-form").OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			ctx.NewActionWithValue(actAnswer, answerValue{step: a.Step, picked: q.picked})
		}).Body(
			app.Div().Role("radiogroup").Aria("labelledby", "predict-question").Aria("describedby", "predict-hint").Body(
				append([]app.UI{app.P().ID("predict-question").Class("predict-question").Text(tr(lang, "predict.question"))}, choices...)...,
			),
			app.P().ID("predict-hint").Class("hint").Text(tr(lang, "predict.hint")),
			nudge,
			app.Button().ID("predict-check").Type("submit").Text(tr(lang, "predict.check")),
		),
	}
}

// renderResult says whether the answer before the current step was
// right, why the step is what it is (its notes and their rules), and
// offers Next; before any question it says what predict mode does.
func (q *quiz) renderResult(t *trace.Trace, cursor int, lang string) []app.UI {
	picked, done := q.answers[cursor]
	a, ok := predict.Ask(t, cursor)
	var next app.UI
	if cursor < len(t.Steps)-1 {
		next = app.Button().ID(predictNextID).Type("button").OnClick(post(views.ActStep, 1)).Text(tr(lang, "predict.next"))
	}
	if !done || !ok {
		return []app.UI{app.P().ID("predict-waiting").Text(tr(lang, "predict.waiting")), next}
	}
	truth := guessText(lang, a.Choices[a.Answer])
	verdict := app.P().ID("predict-result").Class("predict-result right").Text(tr(lang, "predict.right", truth))
	if picked != a.Answer {
		verdict = app.P().ID("predict-result").Class("predict-result wrong").Text(tr(lang, "predict.wrong", guessText(lang, a.Choices[picked]), truth))
	}
	why := make([]app.UI, 0, len(t.Steps[cursor].Notes))
	for _, n := range t.Steps[cursor].Notes {
		text := n.Text.In(lang)
		if n.Rule != "" {
			text += " [" + n.Rule + "]"
		}
		why = append(why, app.Li().Text(text))
	}
	var whyList app.UI
	if len(why) > 0 {
		whyList = app.Div().Class("predict-why").Body(
			app.H3().Text(tr(lang, "predict.why")),
			app.Ul().Body(why...),
		)
	}
	return []app.UI{verdict, whyList, next}
}

// guessText says a guess in lang: "sensor → broker: PUBLISH QoS 1, DUP 1
// (a resend)", or that no packet comes.
func guessText(lang string, g predict.Guess) string {
	if g.None {
		return tr(lang, "predict.none")
	}
	what := g.Packet.String()
	if g.Packet == codec.PUBLISH {
		sep := tr(lang, "predict.sep")
		what += " " + tr(lang, "predict.qos", int(g.QoS))
		if g.Dup {
			what += sep + tr(lang, "predict.dup")
		}
		if g.Retain {
			what += sep + tr(lang, "predict.retain")
		}
	}
	return tr(lang, "predict.guess", g.From, g.To, what)
}

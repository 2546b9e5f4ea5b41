package ui

import (
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// modes are the player's two ways of showing a trace to a class:
// presenter mode (the diagram and the current note, large, for a
// projector) and predict mode (a question before each packet). Every
// player page but the live one has them.
type modes struct {
	present bool
	quiz    quiz
}

// presentToggleID and predictToggleID name the buttons that turn the
// modes on and off.
const (
	presentToggleID = "present-toggle"
	predictToggleID = "predict-toggle"
)

// viewClass is the class the player's view takes for the modes on.
func (m *modes) viewClass() string {
	if m == nil || !m.present {
		return "player-view"
	}
	return "player-view presenting"
}

// renderTools are the buttons that turn the modes on and off, toggle
// buttons (aria-pressed) beside the player, then more (the Share
// button) in the same row.
func (m *modes) renderTools(lang string, more app.UI) app.UI {
	if m == nil {
		return more
	}
	presentKey := "present.on"
	if m.present {
		presentKey = "present.off"
	}
	var keys app.UI
	if m.present {
		keys = app.Span().ID("present-keys").Class("present-keys").Text(tr(lang, "present.keys"))
	}
	return app.Div().Class("mode-tools").Body(
		app.Button().ID(presentToggleID).Type("button").Class("mode-toggle").
			Aria("pressed", m.present).Title(tr(lang, "present.on")+" (P)").
			OnClick(post(actPresent, nil)).Text(tr(lang, presentKey)),
		app.Button().ID(predictToggleID).Type("button").Class("mode-toggle").
			Aria("pressed", m.quiz.on).
			OnClick(post(actPredict, nil)).Text(tr(lang, "predict.on")),
		more,
		keys,
	)
}

// wrapDiagram puts the diagram in a box of its own in presenter mode: a
// new box mounts a new diagram, which measures the larger room it has.
func (m *modes) wrapDiagram(d app.UI) app.UI {
	if m == nil || !m.present {
		return d
	}
	return app.Div().Class("present-diagram").Body(d)
}

// The actions the mode buttons post.
const (
	actPresent = "mqttviz-present"
	actPredict = "mqttviz-predict"
)

// mountModes wires the mode buttons' actions.
func (p *player) mountModes(ctx app.Context) {
	ctx.Handle(actPresent, func(ctx app.Context, a app.Action) { p.togglePresent(ctx) })
	ctx.Handle(actPredict, func(ctx app.Context, a app.Action) { p.togglePredict(ctx) })
	ctx.Handle(actAnswer, func(ctx app.Context, a app.Action) {
		if v, ok := a.Value.(answerValue); ok {
			p.answer(ctx, v.step, v.picked)
		}
	})
}

// togglePresent enters or leaves presenter mode, keeping the focus on its
// button.
func (p *player) togglePresent(ctx app.Context) {
	p.modes.present = !p.modes.present
	ctx.Defer(func(app.Context) { jsb.Focus(presentToggleID) })
}

// modeKey is what a key press does in the modes, before the player's
// own keys: P enters or leaves presenter mode and Esc leaves it; in
// presenter mode a clicker's PageDown and PageUp, the arrows and space
// step. nil when the key is not theirs.
func (p *player) modeKey(k jsb.KeyPress) func(app.Context) {
	if k.Modified || k.Editable || k.Tag == "INPUT" || k.Tag == "TEXTAREA" || k.Tag == "SELECT" || p.trace == nil || !p.addr.keep || p.noModes {
		return nil
	}
	switch k.Key {
	case "p", "P":
		return p.togglePresent
	case "Escape":
		if p.modes.present {
			return p.togglePresent
		}
	}
	if !p.modes.present {
		return nil
	}
	switch k.Key {
	case "PageDown", "ArrowDown", " ", "Spacebar":
		return func(ctx app.Context) { p.apply(ctx, cmdForward) }
	case "PageUp", "ArrowUp":
		return func(ctx app.Context) { p.apply(ctx, cmdBack) }
	}
	return nil
}

// modesFor returns the modes a page shows: none on the live page.
func (p *player) modesFor() *modes {
	if !p.addr.keep {
		return nil
	}
	return &p.modes
}

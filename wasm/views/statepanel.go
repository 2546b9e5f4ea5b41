package views

import (
	"mqttviz/sim/trace"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// statePanel shows the broker's sessions, the retained store, the wills
// and each client's in-flight ids as of one step, with what the step
// changed highlighted and what it removed struck through.
type statePanel struct {
	app.Compo

	State *trace.State
	Prev  *trace.State
	Lang  string
}

func NewStatePanel(s, prev *trace.State, lang string) *statePanel {
	return &statePanel{State: s, Prev: prev, Lang: lang}
}

func (p *statePanel) Render() app.UI {
	if p.State == nil {
		return app.Div().Class("state").Body(app.P().Class("empty").Text(tr(p.Lang, "state.nostate")))
	}
	items := diffState(stateItems(p.Lang, p.Prev), stateItems(p.Lang, p.State))
	if len(items) == 0 {
		return app.Div().Class("state").Body(app.P().Class("empty").Text(tr(p.Lang, "state.none")))
	}
	lis := make([]app.UI, len(items))
	for i, it := range items {
		class := "state-item level-" + strconv.Itoa(it.Level)
		var badge app.UI
		if it.Change != "" {
			class += " " + it.Change
			badge = app.Span().Class("visually-hidden").Text(" (" + tr(p.Lang, "state."+it.Change) + ")")
		}
		lis[i] = app.Li().Class(class).Body(app.Span().Text(it.Text), badge)
	}
	return app.Div().Class("state").Body(app.Ul().Class("state-list").Body(lis...))
}

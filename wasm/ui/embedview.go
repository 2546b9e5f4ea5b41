package ui

import (
	"mqttviz/wasm/views"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// embedRootID is the id of an embed's outermost element, its poster's
// and its player's.
const embedRootID = "embed"

// renderEmbed is an embed's frame: its title, what it shows, and a link
// that opens the same thing on the site itself, in a new tab (a frame
// that navigated would leave the host's page without its lesson).
func renderEmbed(lang, title, full string, view app.UI) app.UI {
	return app.Div().ID(embedRootID).Class("embed").Body(
		app.Main().ID(mainID).Class("embed-main").Body(
			app.Div().Class("embed-head").Body(
				app.H1().ID("embed-title").Class("embed-title").Text(title),
				app.A().ID("embed-open").Class("embed-open").Href(full).Target("_blank").Rel("noopener").
					Text(tr(lang, "embed.open")),
			),
			view,
		),
	)
}

// renderEmbedView is the player of an embed: the controls and the step's
// line, the diagram, and the panels the address asked for below it.
func (p *embedPage) renderEmbedView() app.UI {
	lang, t := p.lang, p.trace
	step := t.Steps[p.cursor]
	state, prev := t.StateAt(p.cursor), t.StateAt(p.cursor-1)
	var panels []app.UI
	if p.opts.Panels.State {
		panels = append(panels, app.Section().Class("panel state-panel").TabIndex(0).Body(
			app.H2().Text(tr(lang, "state.title")),
			views.NewStatePanel(state, prev, lang),
		))
	}
	if p.opts.Panels.Inspector {
		panels = append(panels, app.Section().Class("panel inspector-panel").TabIndex(0).Body(
			app.H2().Text(tr(lang, "inspector.title")),
			app.P().Class("step-label").Text(views.StepSummary(lang, step)),
			renderRead(lang, step),
			views.NewInspector(step.Bytes, lang),
		))
	}
	if p.opts.Panels.Events {
		panels = append(panels, app.Section().Class("panel events-panel").Body(
			app.H2().Text(tr(lang, "events.title")),
			views.NewEventList(t, p.cursor, lang),
		))
	}
	var side app.UI
	if len(panels) > 0 {
		side = app.Div().Class("embed-panels").Body(panels...)
	}
	return app.Div().Class("embed-player").Body(
		app.Div().Class("player-bar").Body(
			newControls(p.cursor, len(t.Steps), p.status, p.speed, lang),
			app.P().ID("announce").Class("announce").Aria("live", "polite").TabIndex(0).Body(renderAnnounce(lang, step)...),
		),
		app.Section().Class("panel diagram-panel").Aria("label", tr(lang, "diagram.title")).Body(
			views.NewDiagram(t, p.cursor, lang),
			views.FlowLegend(lang),
		),
		side,
	)
}

package views

import (
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// diagramRole is the diagram's role: a picture, or a group of controls
// once its arrows carry actions (an image holds no controls).
func (m Marks) diagramRole() string {
	if m.Actions {
		return "group"
	}
	return "img"
}

// Marks are what a page adds to the diagram's rows: the steps that came
// out differently after an instructor's change, and the actions button
// on each packet's arrow. The page decides both; the diagram only draws
// them and posts ActStepActions.
type Marks struct {
	// Changed[i] marks step i as changed; nil marks none.
	Changed []bool
	// Actions draws an actions button on every packet arrow.
	Actions bool
}

// changed reports whether step i is marked.
func (m Marks) changed(i int) bool { return i >= 0 && i < len(m.Changed) && m.Changed[i] }

// WithMarks gives the diagram the page's marks.
func (d *diagram) WithMarks(m Marks) *diagram {
	d.Marks = m
	return d
}

// renderChanged is the mark of a changed step: a bar at the row's left
// edge and a word under its time, for who cannot tell the colour.
func renderChanged(lang string, y int) app.UI {
	return SVG("g").Attr("data-c", "changed-mark").Body(
		SVG("rect").Attr("x", 0).Attr("y", y+2).Attr("width", 4).Attr("height", rowHeight-4),
		svgText(6, y+32, "changed-label", tr(lang, "diagram.changed")),
	)
}

// renderActionsButton is the button on a packet's arrow that asks the
// page for the packet's actions: a click, or Enter or Space on it with
// the keyboard, posts ActStepActions with the step (and ActGoto: the
// cursor goes there too).
func renderActionsButton(lang string, idx, x, y int) app.UI {
	post := func(ctx app.Context) { ctx.NewActionWithValue(ActStepActions, idx) }
	return SVG("g").
		Attr("data-c", "step-actions").
		Attr("role", "button").
		Attr("tabindex", 0).
		// Space presses it rather than playing the trace.
		Attr(jsb.OwnKeysAttr, true).
		Aria("label", tr(lang, "diagram.actions", idx+1)).
		DataSet("actions", idx).
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.NewActionWithValue(ActGoto, idx)
			post(ctx)
		}, idx).
		OnKeyDown(func(ctx app.Context, e app.Event) {
			if k := jsb.Key(e.Value).Key; k == "Enter" || k == " " {
				ctx.NewActionWithValue(ActGoto, idx)
				post(ctx)
			}
		}, idx).
		Body(
			SVG("title").Text(tr(lang, "diagram.actions", idx+1)),
			SVG("circle").Attr("cx", x).Attr("cy", y).Attr("r", 9),
			// Three dots drawn, not a glyph: no text to be read twice.
			SVG("circle").Attr("data-c", "step-actions-dot").Attr("cx", x-4).Attr("cy", y).Attr("r", 1.6),
			SVG("circle").Attr("data-c", "step-actions-dot").Attr("cx", x).Attr("cy", y).Attr("r", 1.6),
			SVG("circle").Attr("data-c", "step-actions-dot").Attr("cx", x+4).Attr("cy", y).Attr("r", 1.6),
		)
}

// actionsAt is where the actions button of an arrow from (x1, y1) to
// (x2, y2) goes: just past its start and under it, clear of the label in
// the middle and of the arrowhead.
func actionsAt(x1, y1, x2, y2 int) (x, y int) {
	const along = 22
	w := max(x2-x1, x1-x2, 1)
	x = x1 + along
	if x2 < x1 {
		x = x1 - along
	}
	return x, y1 + (y2-y1)*along/w + 11
}

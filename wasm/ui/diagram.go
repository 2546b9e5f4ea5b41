package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/sim"
)

// diagramScrollID is the id of the diagram's scrolling box.
const diagramScrollID = "diagram-scroll"

// diagram is the sequence diagram: a lifeline per node, a row per step.
// Only the rows in view (plus a few) are drawn, so a trace of thousands
// of steps scrolls and steps as fast as a short one.
type diagram struct {
	app.Compo

	Trace  *sim.Trace
	Cursor int
	Lang   string

	scrollTop int
	viewH     int
	viewW     int

	// sections caches, per step of sectionsOf, how many bytes of each
	// section its packet has.
	sections   map[int][3]int
	sectionsOf *sim.Trace
}

func newDiagram(t *sim.Trace, cursor int, lang string) *diagram {
	return &diagram{Trace: t, Cursor: cursor, Lang: lang}
}

func (d *diagram) OnMount(ctx app.Context) {
	d.measure()
	d.reveal()
	// The first render did not know the box's width.
	d.Update()
}

func (d *diagram) OnUpdate(ctx app.Context) {
	d.measure()
	d.reveal()
}

// measure reads the scroll box's position and height from the page.
func (d *diagram) measure() {
	if top, h, w, ok := scrollBox(diagramScrollID); ok {
		d.scrollTop, d.viewH, d.viewW = top, h, w
	}
}

// reveal scrolls the current step's row into view.
func (d *diagram) reveal() {
	top, move := scrollToShow(d.Cursor, d.scrollTop, d.viewH-headH, rowHeight)
	if !move {
		return
	}
	// Out of view: bring the row to the middle, so that what led to it
	// and what follows are both in sight.
	top = max(0, rowY(d.Cursor)-(d.viewH-headH)/2+rowHeight/2)
	d.scrollTop = top
	setScrollTop(diagramScrollID, top)
	d.Update()
}

// onScroll re-renders the rows for the new scroll position. Skipping the
// update when the rows stay the same would also cancel an update the
// cursor has just asked for.
func (d *diagram) onScroll(ctx app.Context, e app.Event) { d.measure() }

func (d *diagram) Render() app.UI {
	t := d.Trace
	if t == nil || len(t.Steps) == 0 {
		return app.P().Class("empty").Text(tr(d.Lang, "diagram.empty"))
	}
	g := newGeometry(t, d.viewW)
	first, last := visibleRows(d.scrollTop, d.viewH, len(t.Steps))
	rows := make([]app.UI, 0, last-first)
	for i := first; i < last; i++ {
		rows = append(rows, d.renderStep(g, t.Steps[i]))
	}
	w := g.width()
	return app.Div().
		ID(diagramScrollID).
		Class("diagram-scroll").
		TabIndex(0).
		Aria("label", tr(d.Lang, "diagram.title")).
		OnScroll(d.onScroll).
		Body(
			svg("svg").Attr("data-c", "diagram-heads").
				Attr("width", w).Attr("height", headH).
				Attr("viewBox", "0 0 "+strconv.Itoa(w)+" "+strconv.Itoa(headH)).
				Body(d.renderHeads(g)...),
			svg("svg").Attr("data-c", "diagram").
				ID("diagram").
				Attr("width", w).Attr("height", g.height()).
				Attr("viewBox", "0 0 "+strconv.Itoa(w)+" "+strconv.Itoa(g.height())).
				Attr("role", "img").
				Aria("label", tr(d.Lang, "diagram.title")).
				Body(
					renderMarkers(),
					svg("g").Attr("data-c", "lifelines").Body(d.renderLifelines(g)...),
					svg("g").Attr("data-c", "rows").Body(rows...),
				),
		)
}

// renderMarkers defines one arrowhead per flow.
func renderMarkers() app.UI {
	markers := make([]app.UI, 0, len(flows))
	for _, f := range flows {
		markers = append(markers, svg("marker").
			ID("head-"+string(f)).
			Attr("viewBox", "0 0 10 10").
			Attr("refX", 9).Attr("refY", 5).
			Attr("markerWidth", 7).Attr("markerHeight", 7).
			Attr("orient", "auto-start-reverse").
			Body(svg("path").Attr("d", "M0,0 L10,5 L0,10 z").Attr("data-c", "head flow-"+string(f))))
	}
	return svg("defs").Body(markers...)
}

func (d *diagram) renderHeads(g geometry) []app.UI {
	heads := make([]app.UI, 0, len(d.Trace.Nodes)+1)
	for _, name := range d.Trace.Nodes {
		x := g.laneX(name)
		class := "head-box"
		if name == sim.BrokerName {
			class += " broker"
		}
		heads = append(heads, svg("g").Attr("data-c", "lane-head").Body(
			svg("rect").Attr("x", x-headW/2).Attr("y", 6).Attr("width", headW).Attr("height", 32).Attr("rx", 6).Attr("data-c", class),
			svgText(x, 27, "lane-name", name),
		))
	}
	return heads
}

func (d *diagram) renderLifelines(g geometry) []app.UI {
	lines := make([]app.UI, 0, len(d.Trace.Nodes))
	for _, name := range d.Trace.Nodes {
		x := g.laneX(name)
		lines = append(lines, svgLine(x, 0, x, g.height(), "lifeline"))
	}
	return lines
}

package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
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

func (d *diagram) renderStep(g geometry, s sim.Step) app.UI {
	y := rowY(s.Index)
	current := s.Index == d.Cursor
	class := "step kind-" + string(s.Kind)
	if current {
		class += " current"
	}
	body := []app.UI{
		svg("rect").Attr("data-c", "row-bg").Attr("x", 0).Attr("y", y).Attr("width", g.width()).Attr("height", rowHeight),
		svgText(6, y+16, "row-time", tr(d.Lang, "time.ms", s.Time)),
	}
	switch s.Kind {
	case sim.KindPacket:
		body = append(body, d.renderPacket(g, s, current)...)
	case sim.KindConnect:
		x1, y1, x2, y2 := g.arrow(s)
		body = append(body,
			svgLine(x1, y1, x2, y2, "link-open"),
			svgText((x1+x2)/2, y1-6, "mark-label", tr(d.Lang, "kind.connect")))
	case sim.KindFault:
		x1, _, x2, _ := g.arrow(s)
		if s.To == "" {
			x2 = x1
		}
		mx := (x1 + x2) / 2
		body = append(body,
			svg("path").Attr("data-c", "mark fault").Attr("d", "M"+strconv.Itoa(mx-4)+","+strconv.Itoa(y+14)+" l8,10 l-6,0 l6,12"),
			svgText(mx+12, y+28, "mark-label left", tr(d.Lang, "kind.fault")))
	default: // close, timer, note: a mark on the lifeline
		x := g.laneX(s.From)
		body = append(body, renderLaneMark(s.Kind, x, y+rowHeight/2),
			svgText(x+14, y+rowHeight/2+4, "mark-label left", tr(d.Lang, "kind."+string(s.Kind))))
		if s.Kind == sim.KindClose && s.To != "" {
			body = append(body, renderLaneMark(s.Kind, g.laneX(s.To), y+rowHeight/2))
		}
	}
	if len(s.Notes) > 0 {
		body = append(body, d.renderNotes(g, s))
	}
	idx := s.Index
	return svg("g").
		Attr("data-c", class).
		DataSet("step", s.Index).
		DataSet("kind", string(s.Kind)).
		DataSet("outcome", string(s.Outcome)).
		// The scope makes go-app swap the handler when a row is reused
		// for another step: it compares handlers by code pointer.
		OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actGoto, idx) }, idx).
		Body(body...)
}

func (d *diagram) renderPacket(g geometry, s sim.Step, current bool) []app.UI {
	x1, y1, x2, y2 := g.arrow(s)
	f := string(flowOf(s.Packet))
	out := []app.UI{}
	ex, ey := x2, y2
	switch s.Outcome {
	case sim.Dropped, sim.Lost:
		ex, ey = dropPoint(x1, y1, x2, y2)
		out = append(out,
			svgLine(x1, y1, ex, ey, "arrow flow-"+f+" outcome-"+string(s.Outcome)),
			svgLine(ex-7, ey-7, ex+7, ey+7, "cross"),
			svgLine(ex-7, ey+7, ex+7, ey-7, "cross"))
	default:
		out = append(out, svgLine(x1, y1, x2, y2, "arrow flow-"+f+" outcome-"+string(s.Outcome)).
			Attr("marker-end", "url(#head-"+f+")"))
		if s.Outcome == sim.Refused {
			out = append(out, svg("circle").Attr("data-c", "refused").Attr("cx", x2).Attr("cy", y2).Attr("r", 8))
		}
	}
	lx := labelX((x1+x2)/2, len([]rune(s.Label)), g.width())
	out = append(out, svgText(lx, y1-8, "arrow-label flow-"+f, s.Label).Attr("text-anchor", "middle"))
	out = append(out, d.renderSectionBar(s, lx, y1-5))
	if current {
		// Alternating the animation's name restarts it on every step.
		anim := "travel-a"
		if s.Index%2 == 1 {
			anim = "travel-b"
		}
		out = append(out, svg("circle").
			Attr("data-c", "packet-dot flow-"+f+" "+anim).
			Attr("r", 6).Attr("cx", 0).Attr("cy", 0).
			Style("--x1", px(x1)).Style("--y1", px(y1)).
			Style("--x2", px(ex)).Style("--y2", px(ey)).
			Style("transform", "translate("+px(ex)+","+px(ey)+")"))
	}
	return out
}

// renderSectionBar draws, under an arrow's label, a thin bar split in
// the colours of the packet's fixed header, variable header and payload,
// each as long as its bytes (2 px a byte, at most 120 px in all).
func (d *diagram) renderSectionBar(s sim.Step, cx, y int) app.UI {
	if d.sectionsOf != d.Trace {
		d.sections, d.sectionsOf = map[int][3]int{}, d.Trace
	}
	n, ok := d.sections[s.Index]
	if !ok {
		for _, f := range codec.Annotate(s.Bytes).Fields {
			if int(f.Section) < len(n) {
				n[f.Section] += f.Length
			}
		}
		d.sections[s.Index] = n
	}
	total := n[0] + n[1] + n[2]
	if total == 0 {
		return nil
	}
	scale := 2.0
	if total*2 > 120 {
		scale = 120 / float64(total)
	}
	x := float64(cx) - float64(total)*scale/2
	parts := make([]app.UI, 0, 3)
	for i, class := range []string{"sec-fixed", "sec-variable", "sec-payload"} {
		w := float64(n[i]) * scale
		if w == 0 {
			continue
		}
		parts = append(parts, svg("rect").Attr("data-c", class).
			Attr("x", strconv.FormatFloat(x, 'f', 1, 64)).Attr("y", y).
			Attr("width", strconv.FormatFloat(w, 'f', 1, 64)).Attr("height", 3))
		x += w
	}
	return svg("g").Attr("data-c", "section-bar").Body(parts...)
}

// labelX centres a label of n characters at x, moved so that it neither
// covers the time column nor runs off the diagram's right edge.
func labelX(x, n, width int) int {
	half := n * labelCharW / 2
	if x-half < timeColW {
		x = timeColW + half
	}
	if x+half > width {
		x = max(width-half, timeColW+half)
	}
	return x
}

// renderLaneMark draws a connection close (a cross), a timer (a clock) or
// a note (a square) on a lifeline.
func renderLaneMark(kind sim.StepKind, x, y int) app.UI {
	switch kind {
	case sim.KindClose:
		return svg("g").Attr("data-c", "mark close").Body(
			svgLine(x-8, y-8, x+8, y+8, ""),
			svgLine(x-8, y+8, x+8, y-8, ""))
	case sim.KindTimer:
		return svg("g").Attr("data-c", "mark timer").Body(
			svg("circle").Attr("cx", x).Attr("cy", y).Attr("r", 8),
			svgLine(x, y, x, y-5, ""),
			svgLine(x, y, x+4, y, ""))
	}
	return svg("rect").Attr("data-c", "mark note").Attr("x", x-6).Attr("y", y-6).Attr("width", 12).Attr("height", 12)
}

// renderNotes writes the step's first note in the notes column, with the
// rule behind it and how many more there are; the line under the player
// reads all of them.
func (d *diagram) renderNotes(g geometry, s sim.Step) app.UI {
	n := s.Notes[0]
	var rule, more app.UI
	if n.Rule != "" {
		rule = app.Span().Class("rule").Text(n.Rule)
	}
	if len(s.Notes) > 1 {
		more = app.Span().Class("more").Text("+" + strconv.Itoa(len(s.Notes)-1))
	}
	return svg("foreignObject").
		Attr("x", g.notesX()).Attr("y", rowY(s.Index)+3).
		Attr("width", g.notesW).Attr("height", rowHeight-6).
		Body(app.Div().Class("notes").Body(
			app.Span().Text(n.Text.In(d.Lang)), rule, more))
}

// stepSummary is a step in one line of plain text: the event list and the
// screen-reader announcement use it.
func stepSummary(lang string, s sim.Step) string {
	var b strings.Builder
	switch s.Kind {
	case sim.KindPacket:
		b.WriteString(s.From + " → " + s.To + ": " + s.Label)
		if s.Outcome != "" && s.Outcome != sim.Delivered {
			b.WriteString(" (" + tr(lang, "outcome."+string(s.Outcome)) + ")")
		}
	default:
		b.WriteString(s.From)
		if s.To != "" {
			b.WriteString(" → " + s.To)
		}
		b.WriteString(": " + tr(lang, "kind."+string(s.Kind)))
	}
	return b.String()
}

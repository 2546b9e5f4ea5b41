package views

import (
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// diagramScrollID is the id of the box the step rows scroll in, up and
// down and sideways; diagramHeadsID is the id of the row of lifeline heads
// above it, which scrolls sideways with it and never covers a row.
const (
	diagramScrollID = "diagram-scroll"
	diagramHeadsID  = "lane-heads"
)

// diagram is the sequence diagram: a lifeline per node, a row per step.
// Only the rows in view (plus a few) are drawn, so a trace of thousands
// of steps scrolls and steps as fast as a short one. When the cursor
// moves, the box scrolls, down and sideways, to bring the current step
// into view. The lifelines' heads sit above the rows' box, outside it,
// and follow its sideways scroll: a row scrolled up goes out of sight
// under the box's edge, never under a head.
type diagram struct {
	app.Compo

	Trace  *trace.Trace
	Cursor int
	Lang   string
	// Marks are the page's changed steps and arrow actions.
	Marks Marks

	// The scroll box as last measured or scrolled to.
	scrollTop, scrollLeft int
	viewH, viewW          int

	// shown is the step the box was last scrolled to (-1: none yet), of
	// trace shownOf.
	shown   int
	shownOf *trace.Trace
	// drawn is the first row drawn; queued is set while an update this
	// component asked for itself is pending.
	drawn  int
	queued bool
	// geom is the layout of trace geomOf, as it was at geomKey, in the
	// box as measured: kept from render to render, so that the parts
	// drawn from it alone (the heads, the lifelines) compare equal at
	// once and are not drawn again.
	geom    geometry
	geomOf  *trace.Trace
	geomKey geomKey
}

// geomKey is what a trace's layout is made from besides the trace: its
// size (a live trace grows in place) and the box's width.
type geomKey struct{ steps, nodes, viewW int }

func NewDiagram(t *trace.Trace, cursor int, lang string) *diagram {
	return &diagram{Trace: t, Cursor: cursor, Lang: lang, shown: -1}
}

// OnInit measures, in the browser, the box of the page the diagram
// replaces: the pre-rendered page, laid out alike. The first render then
// draws the lanes and rows that box shows, and the update go-app makes
// after mounting changes nothing (it drew the default box's rows, then
// laid them all out again for the measured one).
func (d *diagram) OnInit() {
	if app.IsClient {
		d.measure()
	}
}

// OnMount scrolls the box to where the first render put it (Render does
// not scroll a box it has not mounted yet) and measures the box itself:
// when it is not the size the first render assumed, it renders again.
func (d *diagram) OnMount(ctx app.Context) {
	top, left, h, w := d.scrollTop, d.scrollLeft, d.viewH, d.viewW
	if h != 0 {
		jsb.SetScroll(diagramScrollID, top, left)
	}
	d.measure()
	d.alignHeads()
	if d.viewH != h || d.viewW != w {
		d.shown = -1
		d.redraw()
	} else if d.scrollTop != top || d.scrollLeft != left {
		d.redraw()
	}
}

// OnResize lays the diagram out again for the box's new width.
func (d *diagram) OnResize(ctx app.Context) {
	d.measure()
	d.shown = -1
	d.redraw()
}

// redraw asks for a render of the diagram itself.
func (d *diagram) redraw() {
	d.queued = true
	d.Update()
}

// measure reads the scroll box's position and size from the page.
func (d *diagram) measure() {
	if top, left, h, w, ok := jsb.ScrollArea(diagramScrollID); ok {
		d.scrollTop, d.scrollLeft, d.viewH, d.viewW = top, left, h, w
	}
}

// alignHeads scrolls the heads sideways to where the rows are.
func (d *diagram) alignHeads() {
	jsb.SetScroll(diagramHeadsID, 0, d.scrollLeft)
}

// follow scrolls the box, before the rows are drawn, to bring the
// current step into view when the cursor has moved since the last
// render: down to its row, put in the middle when it was out of sight,
// and sideways to its lifelines, and its note when they fit together.
//
// It scrolls the page's box right away, from Render: the diagram's size
// stays the same from step to step, and an OnUpdate would cost a second
// render of every step (go-app updates a component again after its
// OnUpdate).
func (d *diagram) follow(g geometry) {
	if d.shown == d.Cursor && d.shownOf == d.Trace || d.viewH == 0 {
		return
	}
	d.shown, d.shownOf = d.Cursor, d.Trace
	_, moveY := scrollToShow(d.Cursor, d.scrollTop, d.viewH, rowHeight)
	if moveY {
		d.scrollTop = max(0, rowY(d.Cursor)-d.viewH/2+rowHeight/2)
	}
	s := d.Trace.Steps[d.Cursor]
	lo, hi := g.stepSpan(s)
	switch {
	case len(s.Notes) > 0 && !g.compact && g.width()-lo <= d.viewW:
		hi = g.width()
	case hi-lo > d.viewW && s.To != "" && g.laneX(s.To) > g.laneX(s.From):
		// Too wide to see whole: show where the packet goes.
		lo = hi - d.viewW
	case hi-lo > d.viewW:
		hi = lo + d.viewW
	}
	left, moveX := scrollToSpan(lo, hi, d.scrollLeft, d.viewW)
	d.scrollLeft = left
	if (moveY || moveX) && d.Mounted() {
		jsb.SetScroll(diagramScrollID, d.scrollTop, d.scrollLeft)
		d.alignHeads()
	}
}

// onScroll brings the heads along with a sideways scroll and draws the
// rows for the new scroll position, and only the diagram; nothing when
// the same rows stay in view (a sideways scroll, or the scroll the
// cursor's move just made) unless the diagram asked for a render itself.
// The handler's own update would render the page too, and go-app keeps a
// PreventUpdate until the diagram is next updated from above, cancelling
// a later scroll's update: it always prevents its own and asks with
// redraw.
func (d *diagram) onScroll(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	d.measure()
	d.alignHeads()
	if first, _ := visibleRows(d.scrollTop, d.viewH, d.rows()); first != d.drawn || d.queued {
		d.redraw()
	}
}

func (d *diagram) rows() int {
	if d.Trace == nil {
		return 0
	}
	return len(d.Trace.Steps)
}

func (d *diagram) Render() app.UI {
	d.queued = false
	t := d.Trace
	if t == nil || len(t.Steps) == 0 {
		return app.P().Class("empty").Text(tr(d.Lang, "diagram.empty"))
	}
	d.Cursor = ClampStep(d.Cursor, len(t.Steps))
	g := d.geometry()
	d.follow(g)
	first, last := visibleRows(d.scrollTop, d.viewH, len(t.Steps))
	d.drawn = first
	rows := d.placeRows(first, last, func(i int) *rowLook { return d.look(g, t.Steps[i]) })
	w := g.width()
	heads := app.Div().ID(diagramHeadsID).Class("lane-heads")
	if d.viewW != unknownW {
		// As wide as the rows' box less its scroll bar: scrolled as far
		// sideways, both show the same stretch of the diagram.
		heads = heads.Style("width", px(d.viewW))
	}
	return app.Div().Class("diagram-box").Body(
		heads.Body(&laneHeads{G: g, Trace: t, Lang: d.Lang}),
		app.Div().
			ID(diagramScrollID).
			Class("diagram-scroll").
			TabIndex(0).
			Aria("label", tr(d.Lang, "diagram.title")).
			OnScroll(d.onScroll).
			Body(
				SVG("svg").Attr("data-c", "diagram").
					ID("diagram").
					Attr("width", w).Attr("height", g.height()).
					Attr("viewBox", "0 0 "+strconv.Itoa(w)+" "+strconv.Itoa(g.height())).
					Attr("role", d.Marks.diagramRole()).
					Aria("label", tr(d.Lang, "diagram.title")).
					Body(
						&arrowMarkers{},
						&lifelines{G: g, Nodes: t.Nodes},
						SVG("g").Attr("data-c", "rows").Body(rows...),
					),
				renderPacketRun(g, t.Steps[d.Cursor]),
			),
	)
}

// placeRows puts the rows [first, last) in a fixed number of slots, step
// i in slot i mod the number of slots, the slots left over empty. go-app
// updates children by their place: a step that stays in view as the box
// scrolls keeps its element, unchanged, and only the rows coming into
// view are drawn, instead of every row being rewritten with its
// neighbour's content. The rows do not overlap, so their order in the
// SVG does not show.
func (d *diagram) placeRows(first, last int, row func(i int) *rowLook) []app.UI {
	viewH := d.viewH
	if viewH <= 0 {
		viewH = defaultViewH
	}
	// The most rows visibleRows draws for a box viewH high.
	slots := min(viewH/rowHeight+2+2*overscan, d.rows())
	out := make([]app.UI, max(slots, last-first))
	for i := range out {
		out[i] = &stepRow{}
	}
	for i := first; i < last; i++ {
		out[i%len(out)] = &stepRow{Look: row(i)}
	}
	return out
}

// arrowMarkers defines one arrowhead per flow: the same on every render,
// a component so that go-app compares nothing of it again.
type arrowMarkers struct{ app.Compo }

func (*arrowMarkers) Render() app.UI {
	markers := make([]app.UI, 0, len(flows))
	for _, f := range flows {
		markers = append(markers, SVG("marker").
			ID("head-"+string(f)).
			Attr("viewBox", "0 0 10 10").
			Attr("refX", 9).Attr("refY", 5).
			Attr("markerWidth", 7).Attr("markerHeight", 7).
			Attr("orient", "auto-start-reverse").
			Body(SVG("path").Attr("d", "M0,0 L10,5 L0,10 z").Attr("data-c", "head flow-"+string(f))))
	}
	return SVG("defs").Body(markers...)
}

// headText are the widths of a lifeline name's characters.
var headText = metrics{narrow: 8, wide: 13}

// laneHeads are the lifelines' heads above the rows' box: drawn again
// only when the trace, its layout or the language change, not on a step.
type laneHeads struct {
	app.Compo
	G     geometry
	Trace *trace.Trace
	Lang  string
}

func (h *laneHeads) Render() app.UI {
	g := h.G
	w := g.width()
	return SVG("svg").Attr("data-c", "diagram-heads").
		Attr("width", w).Attr("height", headH).
		Attr("viewBox", "0 0 "+strconv.Itoa(w)+" "+strconv.Itoa(headH)).
		Body(h.renderHeads()...)
}

func (h *laneHeads) renderHeads() []app.UI {
	g := h.G
	heads := make([]app.UI, 0, len(h.Trace.Nodes)+1)
	for _, name := range h.Trace.Nodes {
		x := g.laneX(name)
		class := "head-box"
		if name == trace.BrokerName {
			class += " broker"
		}
		title, nameY := name, 27
		var tag app.UI
		if name == trace.BrokerName && h.Trace.Source == trace.SourceLive {
			// A real broker, seen from outside: its lifeline says so.
			title, nameY = tr(h.Lang, "diagram.observed.title"), 21
			tag = svgText(x, 33, "lane-tag", headText.fit(tr(h.Lang, "diagram.observed"), g.headW-10))
		}
		heads = append(heads, SVG("g").Attr("data-c", "lane-head").Body(
			SVG("title").Text(title),
			// The lifeline's start, down to the rows' box.
			svgLine(x, 38, x, headH, "lifeline"),
			SVG("rect").Attr("x", x-g.headW/2).Attr("y", 6).Attr("width", g.headW).Attr("height", 32).Attr("rx", 6).Attr("data-c", class),
			svgText(x, nameY, "lane-name", headText.fit(name, g.headW-10)),
			tag,
		))
	}
	return heads
}

// lifelines are the lifelines down the rows' box, drawn again only when
// the layout changes.
type lifelines struct {
	app.Compo
	G     geometry
	Nodes []string
}

func (l *lifelines) Render() app.UI {
	lines := make([]app.UI, 0, len(l.Nodes))
	for _, name := range l.Nodes {
		x := l.G.laneX(name)
		lines = append(lines, svgLine(x, 0, x, l.G.height(), "lifeline"))
	}
	return SVG("g").Attr("data-c", "lifelines").Body(lines...)
}

// geometry is the layout of the trace in the box as measured, made again
// only when either changes.
func (d *diagram) geometry() geometry {
	key := geomKey{len(d.Trace.Steps), len(d.Trace.Nodes), d.viewW}
	if d.geomOf != d.Trace || d.geomKey != key || d.geom.lanes == nil {
		d.geom, d.geomOf, d.geomKey = newGeometry(d.Trace, d.viewW), d.Trace, key
	}
	return d.geom
}

// ClampStep keeps a cursor i inside a trace of n steps.
func ClampStep(i, n int) int {
	if i >= n {
		i = n - 1
	}
	if i < 0 {
		i = 0
	}
	return i
}

// ScrollDiagramToEnd scrolls the diagram's box down to its last row. A
// page whose trace grows calls it after the page is drawn: the diagram
// scrolls to the cursor as it renders, before the box has the height of
// the rows just added, and the browser would stop the scroll short.
func ScrollDiagramToEnd() { jsb.SetScrollTop(diagramScrollID, 1<<30) }

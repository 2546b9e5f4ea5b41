package ui

import "mqttviz/sim"

// Geometry of the sequence diagram, in SVG user units (CSS pixels).
const (
	laneLeft  = 90  // x of the first lifeline
	laneGap   = 210 // distance between lifelines
	rowHeight = 56  // height of one step row
	headH     = 44  // height of the lifeline heads
	notesGap  = 40  // gap between the last lifeline and the notes column
	notesW    = 380 // width of the notes column
	overscan  = 6   // rows drawn above and below the visible ones
)

// geometry places a trace's lifelines and step rows.
type geometry struct {
	lanes map[string]int
	n     int // lifelines
	rows  int // steps
}

func newGeometry(t *sim.Trace) geometry {
	g := geometry{lanes: make(map[string]int, len(t.Nodes)), n: len(t.Nodes), rows: len(t.Steps)}
	for i, name := range t.Nodes {
		g.lanes[name] = i
	}
	return g
}

// laneX is the x of a node's lifeline; unknown nodes sit on the broker's.
func (g geometry) laneX(node string) int {
	return laneLeft + g.lanes[node]*laneGap
}

// notesX is where the notes column starts.
func (g geometry) notesX() int {
	n := g.n
	if n < 1 {
		n = 1
	}
	return laneLeft + (n-1)*laneGap + notesGap
}

// width is the width of the whole diagram.
func (g geometry) width() int { return g.notesX() + notesW }

// height is the height of the step rows.
func (g geometry) height() int { return g.rows*rowHeight + rowHeight/2 }

// rowY is the top of step i's row.
func rowY(i int) int { return i * rowHeight }

// arrow returns where a packet arrow of step s starts and ends: it leaves
// From near the top of its row and arrives at To near the bottom, so time
// runs down the page.
func (g geometry) arrow(s sim.Step) (x1, y1, x2, y2 int) {
	y := rowY(s.Index)
	return g.laneX(s.From), y + 26, g.laneX(s.To), y + 44
}

// dropPoint is where a dropped packet's arrow ends: part-way to To.
func dropPoint(x1, y1, x2, y2 int) (int, int) {
	return x1 + (x2-x1)*55/100, y1 + (y2-y1)*55/100
}

// visibleRows returns the range [first, last) of rows to draw for a
// scroll position and viewport height, with overscan rows on each side.
func visibleRows(scrollTop, viewH, rows int) (first, last int) {
	if viewH <= 0 {
		viewH = 720
	}
	first = scrollTop/rowHeight - overscan
	last = (scrollTop+viewH)/rowHeight + 1 + overscan
	if first < 0 {
		first = 0
	}
	if last > rows {
		last = rows
	}
	if first > last {
		first = last
	}
	return first, last
}

// scrollToShow returns the scroll position that brings row i into a
// viewport of height viewH currently at scrollTop, moving as little as
// possible, and whether it has to move at all.
func scrollToShow(i, scrollTop, viewH, rowH int) (int, bool) {
	top := i * rowH
	bottom := top + rowH
	switch {
	case top < scrollTop:
		return top, true
	case viewH > 0 && bottom > scrollTop+viewH:
		return bottom - viewH + rowH, true
	}
	return scrollTop, false
}

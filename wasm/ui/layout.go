package ui

import "mqttviz/sim"

// Geometry of the sequence diagram, in SVG user units (CSS pixels).
const (
	laneLeft   = 90  // x of the first lifeline
	maxLaneGap = 210 // widest distance between lifelines
	minLaneGap = 130 // narrowest: below it the diagram scrolls sideways
	rowHeight  = 56  // height of one step row
	headH      = 44  // height of the lifeline heads
	headW      = 124 // width of a lifeline's head box
	notesGap   = 50  // gap between the last lifeline and the notes column
	minNotesW  = 240 // narrowest notes column
	overscan   = 4   // rows drawn above and below the visible ones
	timeColW   = 62  // the time column left of the first lifeline
	labelCharW = 8   // width of one character of an arrow label, about
	labelPad   = 8   // space kept between an arrow label and the notes
)

// geometry places a trace's lifelines and step rows in a box of a given
// width: the lifelines spread to fill it, between minLaneGap and
// maxLaneGap apart, and the notes column takes the rest.
type geometry struct {
	lanes  map[string]int
	n      int // lifelines
	rows   int // steps
	gap    int // distance between lifelines
	notesW int // width of the notes column
}

// newGeometry lays out trace t in a box availW wide; 0 means unknown (the
// server's pre-render), which gives the widest spacing.
func newGeometry(t *sim.Trace, availW int) geometry {
	g := geometry{lanes: make(map[string]int, len(t.Nodes)), n: max(len(t.Nodes), 1), rows: len(t.Steps)}
	for i, name := range t.Nodes {
		g.lanes[name] = i
	}
	g.gap, g.notesW = maxLaneGap, minNotesW+100
	if availW > 0 && g.n > 1 {
		g.gap = (availW - laneLeft - notesGap - minNotesW) / (g.n - 1)
		g.gap = max(minLaneGap, min(maxLaneGap, g.gap))
		g.notesW = max(minNotesW, availW-g.notesX()-4)
	}
	return g
}

// laneX is the x of a node's lifeline; unknown nodes sit on the broker's.
func (g geometry) laneX(node string) int {
	return laneLeft + g.lanes[node]*g.gap
}

// notesX is where the notes column starts.
func (g geometry) notesX() int {
	return laneLeft + (g.n-1)*g.gap + notesGap
}

// width is the width of the whole diagram.
func (g geometry) width() int { return g.notesX() + g.notesW }

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

package views

import "mqttviz/sim/trace"

// Geometry of the sequence diagram, in SVG user units (CSS pixels).
const (
	maxLaneGap = 210 // widest distance between lifelines
	minLaneGap = 84  // narrowest: below it the diagram scrolls sideways
	rowHeight  = 56  // height of one step row
	headH      = 44  // height of the lifeline heads
	maxHeadW   = 124 // widest head box of a lifeline
	headMargin = 8   // space between two head boxes
	notesGap   = 36  // gap between the last lifeline and the notes column
	minNotesW  = 200 // narrowest notes column
	overscan   = 4   // rows drawn above and below the visible ones
	// defaultViewH is the diagram box's height assumed before it is
	// measured.
	defaultViewH = 720
	timeColW     = 58  // the time column left of the first lifeline
	labelCharW   = 8   // width of a Latin character of an arrow label, about
	labelWideW   = 13  // width of a Chinese character of an arrow label
	markCharW    = 7   // width of a Latin character of a mark's label
	markWideW    = 12  // width of a Chinese character of a mark's label
	labelPad     = 8   // space kept between a label and the notes
	compactW     = 560 // boxes narrower than this (a phone) have no notes column
	compactGap   = 76  // narrowest distance between lifelines on a phone
	unknownW     = 0   // the box's width before the page is measured
	edgePadding  = 4   // space kept right of the diagram
)

// geometry places a trace's lifelines and step rows in a box of a given
// width: the lifelines spread to fill it, between minLaneGap and
// maxLaneGap apart, and the notes column takes the rest. A box narrower
// than compactW (a phone) has no notes column: the line above the
// diagram reads the current step's notes, and the lifelines take the
// whole width.
type geometry struct {
	lanes   map[string]int
	n       int // lifelines
	rows    int // steps
	left    int // x of the first lifeline
	gap     int // distance between lifelines
	headW   int // width of a lifeline's head box
	notesW  int // width of the notes column, 0 for none
	compact bool
}

// newGeometry lays out trace t in a box availW wide; unknownW (the
// server's pre-render) gives the widest spacing.
func newGeometry(t *trace.Trace, availW int) geometry {
	g := geometry{lanes: make(map[string]int, len(t.Nodes)), n: max(len(t.Nodes), 1), rows: len(t.Steps)}
	for i, name := range t.Nodes {
		g.lanes[name] = i
	}
	g.compact = availW != unknownW && availW < compactW
	g.setGap(maxLaneGap)
	if availW == unknownW {
		g.notesW = minNotesW + 140
		return g
	}
	minGap := minLaneGap
	if g.compact {
		minGap = compactGap
	} else {
		g.notesW = minNotesW
	}
	// The widest spacing that fits, down to minGap (then it scrolls).
	for g.n > 1 && g.gap > minGap && g.width()+edgePadding > availW {
		g.setGap(g.gap - 1)
	}
	if !g.compact {
		g.notesW = max(minNotesW, availW-g.notesX()-edgePadding)
	}
	return g
}

// setGap spaces the lifelines gap apart, with heads as wide as fit
// between them.
func (g *geometry) setGap(gap int) {
	g.gap, g.headW = gap, maxHeadW
	if g.n > 1 {
		g.headW = min(maxHeadW, gap-headMargin)
	}
	g.left = timeColW + g.headW/2
}

// laneX is the x of a node's lifeline; unknown nodes sit on the broker's.
func (g geometry) laneX(node string) int {
	return g.left + g.lanes[node]*g.gap
}

// lastLaneX is the x of the rightmost lifeline.
func (g geometry) lastLaneX() int { return g.left + (g.n-1)*g.gap }

// notesX is where the notes column starts; on a phone, where there is
// none, the diagram's right edge.
func (g geometry) notesX() int {
	if g.compact {
		return g.lastLaneX() + g.headW/2 + edgePadding
	}
	return g.lastLaneX() + notesGap
}

// labelRight is how far right a label may reach: the notes column, less
// a gap, or the diagram's edge on a phone.
func (g geometry) labelRight() int {
	if g.compact {
		return g.width()
	}
	return g.notesX() - labelPad
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
func (g geometry) arrow(s trace.Step) (x1, y1, x2, y2 int) {
	y := rowY(s.Index)
	return g.laneX(s.From), y + 26, g.laneX(s.To), y + 44
}

// stepSpan is the stretch of the diagram, left to right, that step s
// needs in view: its lifelines with their heads.
func (g geometry) stepSpan(s trace.Step) (lo, hi int) {
	lo, hi = g.laneX(s.From), g.laneX(s.From)
	if s.To != "" {
		lo, hi = min(lo, g.laneX(s.To)), max(hi, g.laneX(s.To))
	}
	return max(lo-g.headW/2-headMargin, 0), min(hi+g.headW/2+headMargin, g.width())
}

// dropPoint is where a dropped packet's arrow ends: part-way to To.
func dropPoint(x1, y1, x2, y2 int) (int, int) {
	return x1 + (x2-x1)*55/100, y1 + (y2-y1)*55/100
}

// visibleRows returns the range [first, last) of rows to draw for a
// scroll position and viewport height, with overscan rows on each side.
func visibleRows(scrollTop, viewH, rows int) (first, last int) {
	if viewH <= 0 {
		viewH = defaultViewH
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

// scrollToSpan returns the sideways scroll position that brings [lo, hi)
// into a viewport viewW wide currently at left, moving as little as
// possible, and whether it has to move. A span wider than the viewport
// shows its left end.
func scrollToSpan(lo, hi, left, viewW int) (int, bool) {
	switch {
	case viewW <= 0:
		return left, false
	case lo < left || hi-lo > viewW:
		return lo, lo != left
	case hi > left+viewW:
		return hi - viewW, true
	}
	return left, false
}

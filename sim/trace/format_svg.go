package trace

import (
	"fmt"
	"math"
)

// FormatSVG draws the whole trace as a sequence diagram in a standalone
// SVG file, in language lang ("en" or "zh"): a lifeline per node and a
// row per step, drawn as the app's diagram draws them (arrows in the
// colours and dashes of their flow, a cross where a packet was dropped or
// lost, a ring where one was refused, marks for connections, closes,
// faults, timers and notes, the first note of each step in a column on
// the right). Its styles are inline and its fonts fall back to the common
// Chinese fonts of every system, so the file draws the same anywhere.
func FormatSVG(t *Trace, lang string) string {
	return formatSVG(t, lang, 0, len(t.Steps)-1)
}

// FormatSVGRange is FormatSVG for the steps from to to (indices in
// Steps, both drawn); it fails when the range is empty or not inside the
// trace.
func FormatSVGRange(t *Trace, lang string, from, to int) (string, error) {
	if from < 0 || to < from || to >= len(t.Steps) {
		return "", fmt.Errorf("steps %d to %d are not a range of this trace's %d steps (0 to %d)", from, to, len(t.Steps), len(t.Steps)-1)
	}
	return formatSVG(t, lang, from, to), nil
}

// SVGSize is the width and height, in CSS pixels, of the diagram
// FormatSVGRange draws for steps from to to in language lang: a PNG of
// it is that times its scale.
func SVGSize(t *Trace, lang string, from, to int) (width, height int) {
	from, to = max(from, 0), min(to, len(t.Steps)-1)
	if to < from {
		from, to = 0, -1
	}
	l := newSVGLayout(t, lang, from, to)
	return l.width, l.height
}

// Geometry of the exported diagram, in SVG user units (CSS pixels), as
// the app lays out a wide box.
const (
	svgRowH      = 56  // height of one step row
	svgHeadH     = 44  // height of the lifeline heads
	svgMinGap    = 210 // distance between lifelines, at least
	svgMaxGap    = 420 // at most, however long the labels
	svgHeadW     = 124 // width of a lifeline's head box
	svgTimeColW  = 58  // the time column left of the first lifeline
	svgNotesGap  = 36  // between the last lifeline and the notes column
	svgNotesW    = 340 // width of the notes column
	svgLabelPad  = 8   // between a label and the notes column
	svgNoteLines = 3   // lines of a note, at most
	svgLegendH   = 30  // the legend of the arrows' colours, under the rows
)

// svgLayout places the lifelines and the rows of steps from..to.
type svgLayout struct {
	lanes          map[string]int
	n              int
	from, to       int
	gap, left      int
	notesX, notesW int
	width, height  int
}

// newSVGLayout spaces the lifelines so that most arrow labels fit between
// their two lifelines, and keeps a notes column when a step has notes.
func newSVGLayout(t *Trace, lang string, from, to int) svgLayout {
	l := svgLayout{lanes: make(map[string]int, len(t.Nodes)), n: max(len(t.Nodes), 1), from: from, to: to, gap: svgMinGap}
	for i, name := range t.Nodes {
		l.lanes[name] = i
	}
	hasNotes := false
	for i := from; i <= to; i++ {
		s := t.Steps[i]
		hasNotes = hasNotes || len(s.Notes) > 0
		if s.Kind != KindPacket {
			continue
		}
		if d := abs(l.lanes[s.From] - l.lanes[s.To]); d > 0 {
			need := int(math.Ceil((fontArrow.width(s.Label.In(lang)) + 24) / float64(d)))
			l.gap = min(max(l.gap, need), svgMaxGap)
		}
	}
	l.left = svgTimeColW + svgHeadW/2
	l.notesX = l.left + (l.n-1)*l.gap + svgNotesGap
	l.width = l.notesX
	if hasNotes {
		l.notesW = svgNotesW
		l.width += svgNotesW
	} else {
		l.width += svgHeadW/2 - svgNotesGap + 8
	}
	l.height = svgHeadH + (to-from+1)*svgRowH + svgRowH/2 + svgLegendH
	return l
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// laneX is the x of a node's lifeline; unknown nodes sit on the broker's.
func (l svgLayout) laneX(node string) int { return l.left + l.lanes[node]*l.gap }

// rowY is the top of step i's row.
func (l svgLayout) rowY(i int) int { return svgHeadH + (i-l.from)*svgRowH }

// labelRight is how far right a label may reach.
func (l svgLayout) labelRight() int {
	if l.notesW == 0 {
		return l.width - 4
	}
	return l.notesX - svgLabelPad
}

// svgDoc is one diagram being written.
type svgDoc struct {
	svgXML
	t    *Trace
	lang string
	l    svgLayout
}

func formatSVG(t *Trace, lang string, from, to int) string {
	if len(t.Steps) == 0 {
		from, to = 0, -1
	}
	d := &svgDoc{t: t, lang: lang, l: newSVGLayout(t, lang, from, to)}
	d.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	xmlLang := "en"
	if lang == "zh" {
		xmlLang = "zh-Hans"
	}
	d.open("svg", attrs{"xmlns", "http://www.w3.org/2000/svg", "xml:lang", xmlLang,
		"width", d.l.width, "height", d.l.height, "viewBox", fmt.Sprintf("0 0 %d %d", d.l.width, d.l.height),
		"role", "img", "font-family", svgSans, "font-size", "12", "fill", svgInk})
	d.b.WriteByte('\n')
	d.text("title", nil, d.caption())
	d.writeMarkers()
	d.empty("rect", attrs{"x", 0, "y", 0, "width", d.l.width, "height", d.l.height, "fill", svgBackground})
	d.writeLifelines()
	d.writeHeads()
	for i := from; i <= to; i++ {
		d.writeStep(t.Steps[i])
	}
	d.writeLegend()
	d.close("svg")
	return d.b.String()
}

// caption names the diagram: the trace's title (or scenario) and, for a
// part of it, which steps, numbered from 1 as the app shows them.
func (d *svgDoc) caption() string {
	c := d.t.Title.In(d.lang)
	if c == "" {
		c = d.t.Scenario
	}
	if c == "" {
		c = svgWords["diagram"].In(d.lang)
	}
	if n := len(d.t.Steps); n > 0 && (d.l.from > 0 || d.l.to < n-1) {
		c += " · " + fmt.Sprintf(svgWords["steps"].In(d.lang), d.l.from+1, d.l.to+1, n)
	}
	return c
}

// writeMarkers defines one arrowhead per flow; their ids are prefixed
// so that several exported diagrams can share one page.
func (d *svgDoc) writeMarkers() {
	d.b.WriteString("<defs>\n")
	for _, f := range svgFlows {
		d.open("marker", attrs{"id", "mqttviz-head-" + f.name, "viewBox", "0 0 10 10", "refX", 9, "refY", 5,
			"markerWidth", 7, "markerHeight", 7, "orient", "auto-start-reverse"})
		d.empty("path", attrs{"d", "M0,0 L10,5 L0,10 z", "fill", f.colour})
		d.close("marker")
	}
	d.b.WriteString("</defs>\n")
}

func (d *svgDoc) writeLifelines() {
	for _, name := range d.t.Nodes {
		x := d.l.laneX(name)
		d.empty("line", attrs{"x1", x, "y1", 38, "x2", x, "y2", d.l.height - svgLegendH, "stroke", svgLifeline,
			"stroke-width", 1.5, "stroke-dasharray", "4 4"})
	}
	d.empty("line", attrs{"x1", 0, "y1", svgHeadH, "x2", d.l.width, "y2", svgHeadH, "stroke", svgLine})
}

// writeHeads draws a box with its name on top of every lifeline; a real
// broker, seen from outside, says so under its name.
func (d *svgDoc) writeHeads() {
	for _, name := range d.t.Nodes {
		x := d.l.laneX(name)
		fill, stroke, ink := svgHeadFill, svgAccent, svgInk
		if name == BrokerName {
			fill, ink = svgAccent, "#fff"
		}
		d.open("g", nil)
		d.text("title", nil, name)
		d.empty("rect", attrs{"x", x - svgHeadW/2, "y", 6, "width", svgHeadW, "height", 32, "rx", 6,
			"fill", fill, "stroke", stroke})
		nameY := 27
		if name == BrokerName && d.t.Source == SourceLive {
			nameY = 21
			d.text("text", textAttrs(x, 33, fontHead, ink, "middle", "font-size", "10.5", "font-weight", 600),
				fontHead.fit(svgWords["observed"].In(d.lang), svgHeadW-10))
		}
		d.text("text", textAttrs(x, nameY, fontHead, ink, "middle", "font-weight", 600), fontHead.fit(name, svgHeadW-10))
		d.close("g")
	}
}

// writeLegend names the colours and dashes of the arrows on a line
// under the rows, as the app's legend does under its diagram.
func (d *svgDoc) writeLegend() {
	y := d.l.height - svgLegendH
	d.empty("rect", attrs{"x", 0, "y", y, "width", d.l.width, "height", svgLegendH, "fill", "#fff"})
	d.empty("line", attrs{"x1", 0, "y1", y, "x2", d.l.width, "y2", y, "stroke", svgLine})
	x := 12
	for _, f := range svgFlows {
		line := attrs{"x1", x, "y1", y + 15, "x2", x + 26, "y2", y + 15, "stroke", f.colour, "stroke-width", 2.2}
		if f.dashes != "" {
			line = append(line, "stroke-dasharray", f.dashes)
		}
		if f.round {
			line = append(line, "stroke-linecap", "round")
		}
		d.empty("line", line)
		name := f.legend.In(d.lang)
		d.text("text", textAttrs(x+32, y+19, fontMark, svgMuted, "start"), name)
		x += 32 + int(fontMark.width(name)) + 22
	}
}

// textAttrs are the attributes of a <text> at x, y in font f, filled
// with colour and anchored at anchor, and any more.
func textAttrs(x, y int, f svgFont, colour, anchor string, more ...any) attrs {
	a := attrs{"x", x, "y", y, "font-size", f.size, "fill", colour}
	if f.family != svgSans {
		a = append(a, "font-family", f.family)
	}
	if anchor != "start" {
		a = append(a, "text-anchor", anchor)
	}
	return append(a, more...)
}

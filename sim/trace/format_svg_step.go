package trace

import (
	"fmt"
	"strconv"
	"strings"
)

// One step row of the exported diagram: a packet's arrow with its label
// and byte bar, or a mark on a lifeline, and its first note.

func (d *svgDoc) writeStep(s Step) {
	y := d.l.rowY(s.Index)
	d.open("g", attrs{"data-step", s.Index, "data-kind", string(s.Kind)})
	d.b.WriteByte('\n')
	d.text("text", textAttrs(6, y+16, fontTime, svgMuted, "start"), fmt.Sprintf(svgWords["ms"].In(d.lang), s.Time))
	switch s.Kind {
	case KindPacket:
		d.writePacket(s, y)
	case KindConnect:
		x1, x2 := d.l.laneX(s.From), d.l.laneX(s.To)
		d.empty("line", attrs{"x1", x1, "y1", y + 26, "x2", x2, "y2", y + 44, "stroke", svgMuted,
			"stroke-width", 1.2, "stroke-dasharray", "2 3"})
		text, lx := d.centre(fontMark, KindConnect.Caption().In(d.lang), (x1+x2)/2)
		d.text("text", textAttrs(lx, y+20, fontMark, svgMuted, "middle", "font-style", "italic"), text)
	case KindFault:
		mx := d.l.laneX(s.From)
		if s.To != "" {
			mx = (mx + d.l.laneX(s.To)) / 2
		}
		d.empty("path", attrs{"d", "M" + strconv.Itoa(mx-4) + "," + strconv.Itoa(y+14) + " l8,10 l-6,0 l6,12",
			"fill", "none", "stroke", svgFault, "stroke-width", 2.5, "stroke-linejoin", "round"})
		d.sideLabel(KindFault.Caption().In(d.lang), mx, y+28)
	default: // close, timer, note, gap: a mark on the lifeline
		x, my := d.l.laneX(s.From), y+svgRowH/2
		d.laneMark(s.Kind, x, my)
		text := s.Kind.Caption().In(d.lang)
		if s.Kind == KindClose && s.To != "" {
			// Both ends close: the label goes between the two crosses.
			x2 := d.l.laneX(s.To)
			d.laneMark(s.Kind, x2, my)
			room := float64(abs(x2-x) - 28)
			d.text("text", textAttrs((x+x2)/2, my+4, fontMark, svgMuted, "middle", "font-style", "italic"), fontMark.fit(text, room))
		} else {
			d.sideLabel(text, x, my+4)
		}
	}
	if len(s.Notes) > 0 && d.l.notesW > 0 {
		d.writeNote(s, y)
	}
	d.close("g")
}

// writePacket draws a packet's arrow, to the receiver or, for a packet
// dropped or lost, to a cross part-way with the outcome under it; a ring
// at the receiver for one it refused; the label above with the whole
// label as the row's tooltip.
func (d *svgDoc) writePacket(s Step, y int) {
	f := svgFlowOf(s.Packet)
	x1, y1, x2, y2 := d.l.laneX(s.From), y+26, d.l.laneX(s.To), y+44
	line := attrs{"stroke", f.colour, "stroke-width", 2.2}
	if f.dashes != "" {
		line = append(line, "stroke-dasharray", f.dashes)
	}
	if f.round {
		line = append(line, "stroke-linecap", "round")
	}
	whole := s.Label.In(d.lang)
	d.text("title", nil, whole+d.outcomeSuffix(s.Outcome))
	switch s.Outcome {
	case Dropped, Lost:
		ex, ey := x1+(x2-x1)*55/100, y1+(y2-y1)*55/100
		d.empty("line", append(attrs{"x1", x1, "y1", y1, "x2", ex, "y2", ey}, line...))
		cross := attrs{"stroke", svgFault, "stroke-width", 3, "stroke-linecap", "round"}
		d.empty("line", append(attrs{"x1", ex - 7, "y1", ey - 7, "x2", ex + 7, "y2", ey + 7}, cross...))
		d.empty("line", append(attrs{"x1", ex - 7, "y1", ey + 7, "x2", ex + 7, "y2", ey - 7}, cross...))
		d.text("text", textAttrs(ex, ey+18, fontMark, svgFault, "middle", "font-style", "italic"), s.Outcome.Name().In(d.lang))
	default:
		d.empty("line", append(attrs{"x1", x1, "y1", y1, "x2", x2, "y2", y2, "marker-end", "url(#mqttviz-head-" + f.name + ")"}, line...))
		if s.Outcome == Refused {
			d.empty("circle", attrs{"cx", x2, "cy", y2, "r", 8, "fill", "none", "stroke", svgFault, "stroke-width", 2.5})
		}
	}
	label, lx := d.centre(fontArrow, whole, (x1+x2)/2)
	d.text("text", textAttrs(lx, y1-8, fontArrow, f.colour, "middle", "class", "arrow-label"), label)
	d.sectionBar(s.Sections, lx, y1-5)
}

// outcomeSuffix is " (dropped)" for a packet that was not delivered.
func (d *svgDoc) outcomeSuffix(o Outcome) string {
	if o == "" || o == Delivered {
		return ""
	}
	return parens(d.lang, o.Caption())
}

// centre shortens s with "…" to fit between the time column and the
// notes, and centres it at x, moved to stay between them.
func (d *svgDoc) centre(f svgFont, s string, x int) (string, int) {
	right := d.l.labelRight()
	s = f.fit(s, float64(right-svgTimeColW))
	half := int(f.width(s)) / 2
	if x-half < svgTimeColW {
		x = svgTimeColW + half
	}
	if x+half > right {
		x = max(right-half, svgTimeColW+half)
	}
	return s, x
}

// sideLabel writes a mark's label beside the mark at x: right of it when
// it fits before the notes, else left of it, else right and shortened.
func (d *svgDoc) sideLabel(text string, x, y int) {
	const gap = 14 // from the mark's centre to the label
	right := d.l.labelRight()
	w := int(fontMark.width(text))
	anchor, lx := "start", x+gap
	switch {
	case x+gap+w <= right:
	case x-gap-w >= svgTimeColW:
		anchor, lx = "end", x-gap
	default:
		text = fontMark.fit(text, float64(max(right-x-gap, 14)))
	}
	d.text("text", textAttrs(lx, y, fontMark, svgMuted, anchor, "font-style", "italic"), text)
}

// laneMark draws a connection close (a cross), a timer (a clock) or a
// note (a square) on a lifeline.
func (d *svgDoc) laneMark(kind StepKind, x, y int) {
	switch kind {
	case KindClose:
		cross := attrs{"stroke", svgFault, "stroke-width", 3, "stroke-linecap", "round"}
		d.empty("line", append(attrs{"x1", x - 8, "y1", y - 8, "x2", x + 8, "y2", y + 8}, cross...))
		d.empty("line", append(attrs{"x1", x - 8, "y1", y + 8, "x2", x + 8, "y2", y - 8}, cross...))
	case KindTimer:
		ping := svgFlows[4].colour
		d.empty("circle", attrs{"cx", x, "cy", y, "r", 8, "fill", "#fff", "stroke", ping, "stroke-width", 2})
		hand := attrs{"stroke", ping, "stroke-width", 1.6, "stroke-linecap", "round"}
		d.empty("line", append(attrs{"x1", x, "y1", y, "x2", x, "y2", y - 5}, hand...))
		d.empty("line", append(attrs{"x1", x, "y1", y, "x2", x + 4, "y2", y}, hand...))
	default:
		d.empty("rect", attrs{"x", x - 6, "y", y - 6, "width", 12, "height", 12, "fill", svgNoteFill, "stroke", svgRule})
	}
}

// sectionBar draws, under an arrow's label, a thin bar split in the
// colours of the packet's fixed header, variable header and payload (n
// bytes each), each as long as its bytes (2 px a byte, at most 120 px).
func (d *svgDoc) sectionBar(n [3]int, cx, y int) {
	total := n[0] + n[1] + n[2]
	if total == 0 {
		return
	}
	scale := 2.0
	if total*2 > 120 {
		scale = 120 / float64(total)
	}
	x := float64(cx) - float64(total)*scale/2
	for i, colour := range svgSections {
		w := float64(n[i]) * scale
		if w == 0 {
			continue
		}
		d.empty("rect", attrs{"x", x, "y", y, "width", w, "height", 3, "fill", colour})
		x += w
	}
}

// writeNote writes the step's first note in the notes column, wrapped on
// up to three lines, with the rule behind it and how many more notes
// the step has.
func (d *svgDoc) writeNote(s Step, y int) {
	n := s.Notes[0]
	maxW := float64(d.l.notesW - 8)
	var extras []string
	if n.Rule != "" {
		extras = append(extras, n.Rule)
	}
	if len(s.Notes) > 1 {
		extras = append(extras, "+"+strconv.Itoa(len(s.Notes)-1))
	}
	extraW := 0.0
	for _, e := range extras {
		extraW += fontRule.width(" " + e)
	}
	lines := wrapText(fontNote, n.Text.In(d.lang), maxW, svgNoteLines)
	ownLine := false
	if last := len(lines) - 1; len(extras) > 0 && fontNote.width(lines[last])+extraW > maxW {
		if len(lines) < svgNoteLines {
			ownLine = true
		} else {
			lines[last] = fontNote.fit(lines[last]+"…", maxW-extraW)
		}
	}
	x := d.l.notesX
	d.open("text", textAttrs(x, y+15, fontNote, svgMuted, "start"))
	for i, ln := range lines {
		d.inline("tspan", attrs{"x", x, "y", y + 15 + i*15}, ln)
	}
	for i, e := range extras {
		a := attrs{"font-family", svgMono, "font-size", fontRule.size, "fill", svgRule}
		if ownLine && i == 0 {
			a = append(a, "x", x, "y", y+15+len(lines)*15)
		} else {
			e = " " + e
		}
		d.inline("tspan", a, e)
	}
	d.close("text")
}

// wrapText breaks s into lines no wider than maxW in font f, between
// words and around Chinese characters, never before Chinese closing
// punctuation (，。) ; past n lines the last is shortened with "…".
func wrapText(f svgFont, s string, maxW float64, n int) []string {
	var lines []string
	var cur []rune
	brk := -1 // the last place in cur a line may break, before cur[brk]
	for _, r := range s {
		if r == '\n' || r == '\t' {
			r = ' '
		}
		if r == ' ' && len(cur) == 0 {
			continue
		}
		k := len(cur)
		if k > 0 && r != ' ' && !noBreakBefore(r) && (f.wide(r) || cur[k-1] == ' ' || f.wide(cur[k-1])) {
			brk = k
		}
		if k > 0 && r != ' ' && f.width(string(cur))+f.width(string(r)) > maxW {
			if brk > 0 {
				lines, cur = append(lines, trimSpaces(cur[:brk])), []rune(trimSpaces(cur[brk:]))
			} else {
				lines, cur = append(lines, trimSpaces(cur)), nil
			}
			brk = -1
		}
		cur = append(cur, r)
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, trimSpaces(cur))
	}
	if len(lines) > n {
		lines = append(lines[:n-1], f.fit(lines[n-1]+"…", maxW))
	}
	return lines
}

// noBreakBefore reports whether r is punctuation a Chinese line must not
// start with.
func noBreakBefore(r rune) bool {
	return strings.ContainsRune("，。、；：！？）」』》〉】”’…·", r)
}

// trimSpaces is rs without spaces at either end.
func trimSpaces(rs []rune) string {
	for len(rs) > 0 && rs[0] == ' ' {
		rs = rs[1:]
	}
	for len(rs) > 0 && rs[len(rs)-1] == ' ' {
		rs = rs[:len(rs)-1]
	}
	return string(rs)
}

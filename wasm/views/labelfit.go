package views

import "mqttviz/codec"

// Fitting the diagram's labels into the room they have, from an estimate
// of their width: SVG text cannot wrap, and measuring it would cost a
// layout per row.

// metrics are the widths of a label's characters, about: Latin ones and
// wide (Chinese) ones.
type metrics struct{ narrow, wide int }

var (
	arrowText = metrics{labelCharW, labelWideW}
	markText  = metrics{markCharW, markWideW}
)

// width estimates how wide s is drawn.
func (m metrics) width(s string) int {
	w := 0
	for _, r := range s {
		w += m.runeW(r)
	}
	return w
}

// runeW is r's width: wide for what a terminal gives two columns
// (codec.RuneWidth), nothing for combining marks, narrow otherwise.
func (m metrics) runeW(r rune) int {
	switch codec.RuneWidth(r) {
	case 2:
		return m.wide
	case 0:
		return 0
	}
	return m.narrow
}

// fit shortens s with "…" until it is at most maxW wide.
func (m metrics) fit(s string, maxW int) string {
	if m.width(s) <= maxW {
		return s
	}
	r := []rune(s)
	w := m.narrow // the …
	for i, c := range r {
		if w+m.runeW(c) > maxW {
			return string(r[:i]) + "…"
		}
		w += m.runeW(c)
	}
	return s
}

// centre shortens s with "…" so that it fits between the time column
// and right, and centres it at x as labelX does.
func (m metrics) centre(s string, x, right int) (string, int) {
	s = m.fit(s, max(right-timeColW, 2*m.narrow))
	return s, labelX(x, m.width(s), right)
}

// fitLabel is centre for an arrow label: right is the notes column's
// edge.
func fitLabel(label string, x, right int) (string, int) { return arrowText.centre(label, x, right) }

// labelX centres a label w wide at x, moved so that it neither covers the
// time column nor runs past right.
func labelX(x, w, right int) int {
	half := w / 2
	if x-half < timeColW {
		x = timeColW + half
	}
	if x+half > right {
		x = max(right-half, timeColW+half)
	}
	return x
}

// sideLabel places a mark's label beside the mark at x: right of it when
// it fits before right (the notes column), else left of it when it fits
// after the time column, else right of it shortened with "…". It returns
// the text, its x and its SVG text-anchor.
func sideLabel(text string, x, right int) (string, int, string) {
	const gap = 14 // from the mark's centre to the label
	w := markText.width(text)
	switch {
	case x+gap+w <= right:
		return text, x + gap, "start"
	case x-gap-w >= timeColW:
		return text, x - gap, "end"
	}
	return markText.fit(text, max(right-x-gap, 2*markCharW)), x + gap, "start"
}

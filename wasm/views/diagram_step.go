package views

import (
	"mqttviz/sim/trace"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// One step row of the sequence diagram: a packet's arrow with its label,
// byte bar and travelling dot, or a mark on a lifeline, and its note.

// stepRow is one slot of the diagram's rows as a component of its own:
// go-app compares its Look with the one it drew and draws the row again
// only when it changed. A step moves the current row and leaves the
// others as they are; every row in view was built and compared again on
// every step (about 40 on a full box), a third of a step's time.
//
// Look is a pointer (nil for an empty slot): go-app compares a
// component's fields as interface values, and a struct as large as
// rowLook was copied to the heap twice per row on every step to do so.
type stepRow struct {
	app.Compo
	Look *rowLook
}

// rowLook is everything a row is drawn from.
type rowLook struct {
	G                         geometry
	Step                      trace.Step
	Current, Changed, Actions bool
	Lang                      string
}

func (r *stepRow) Render() app.UI {
	if r.Look == nil {
		return SVG("g")
	}
	return renderStep(*r.Look)
}

// look is how the diagram draws step s.
func (d *diagram) look(g geometry, s trace.Step) *rowLook {
	return &rowLook{G: g, Step: s, Current: s.Index == d.Cursor,
		Changed: d.Marks.changed(s.Index), Actions: d.Marks.Actions, Lang: d.Lang}
}

func renderStep(l rowLook) app.UI {
	g, s := l.G, l.Step
	y := rowY(s.Index)
	current := l.Current
	class := "step kind-" + string(s.Kind)
	if current {
		class += " current"
	}
	if l.Changed {
		class += " changed"
	}
	body := []app.UI{
		SVG("rect").Attr("data-c", "row-bg").Attr("x", 0).Attr("y", y).Attr("width", g.width()).Attr("height", rowHeight),
	}
	if l.Changed {
		// Under every text of the row, so that none is drawn over.
		body = append(body, renderChanged(l.Lang, y))
	}
	body = append(body, svgText(6, y+16, "row-time", tr(l.Lang, "time.ms", s.Time)))
	switch s.Kind {
	case trace.KindPacket:
		body = append(body, renderPacket(g, s, l.Lang)...)
	case trace.KindConnect:
		x1, y1, x2, y2 := g.arrow(s)
		text, lx := markText.centre(trace.KindConnect.Caption().In(l.Lang), (x1+x2)/2, g.labelRight())
		body = append(body,
			svgLine(x1, y1, x2, y2, "link-open"),
			svgText(lx, y1-6, "mark-label", text))
	case trace.KindFault:
		x1, _, x2, _ := g.arrow(s)
		if s.To == "" {
			x2 = x1
		}
		mx := (x1 + x2) / 2
		body = append(body,
			SVG("path").Attr("data-c", "mark fault").Attr("d", "M"+strconv.Itoa(mx-4)+","+strconv.Itoa(y+14)+" l8,10 l-6,0 l6,12"),
			renderSideLabel(trace.KindFault.Caption().In(l.Lang), mx, y+28, g.labelRight()))
	default: // close, timer, note: a mark on the lifeline
		x := g.laneX(s.From)
		body = append(body, renderLaneMark(s.Kind, x, y+rowHeight/2))
		text := s.Kind.Caption().In(l.Lang)
		if s.Kind == trace.KindClose && s.To != "" {
			// Both ends close: the label goes between the two crosses.
			x2 := g.laneX(s.To)
			body = append(body, renderLaneMark(s.Kind, x2, y+rowHeight/2))
			lx := (x + x2) / 2
			room := max(x, x2) - min(x, x2) - 28
			body = append(body, svgText(lx, y+rowHeight/2+4, "mark-label", markText.fit(text, room)))
		} else {
			body = append(body, renderSideLabel(text, x, y+rowHeight/2+4, g.labelRight()))
		}
	}
	if len(s.Notes) > 0 && !g.compact {
		body = append(body, renderNotes(g, s, l.Lang))
	}
	if l.Actions && s.Kind == trace.KindPacket {
		x1, y1, x2, y2 := g.arrow(s)
		ax, ay := actionsAt(x1, y1, x2, y2)
		body = append(body, renderActionsButton(l.Lang, s.Index, ax, ay))
	}
	idx := s.Index
	return SVG("g").
		Attr("data-c", class).
		DataSet("step", s.Index).
		DataSet("kind", string(s.Kind)).
		DataSet("outcome", string(s.Outcome)).
		// The scope makes go-app swap the handler when a row is reused
		// for another step: it compares handlers by code pointer.
		OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(ActGoto, idx) }, idx).
		Body(body...)
}

func renderPacket(g geometry, s trace.Step, lang string) []app.UI {
	x1, y1, x2, y2 := g.arrow(s)
	f := string(flowOf(s.Packet))
	out := []app.UI{}
	switch s.Outcome {
	case trace.Dropped, trace.Lost:
		ex, ey := dropPoint(x1, y1, x2, y2)
		out = append(out,
			svgLine(x1, y1, ex, ey, "arrow flow-"+f+" outcome-"+string(s.Outcome)),
			svgLine(ex-7, ey-7, ex+7, ey+7, "cross"),
			svgLine(ex-7, ey+7, ex+7, ey-7, "cross"))
	default:
		out = append(out, svgLine(x1, y1, x2, y2, "arrow flow-"+f+" outcome-"+string(s.Outcome)).
			Attr("marker-end", "url(#head-"+f+")"))
		if s.Outcome == trace.Refused {
			out = append(out, SVG("circle").Attr("data-c", "refused").Attr("cx", x2).Attr("cy", y2).Attr("r", 8))
		}
	}
	whole := s.Label.In(lang)
	label, lx := fitLabel(whole, (x1+x2)/2, g.labelRight())
	out = append(out,
		svgText(lx, y1-8, "arrow-label flow-"+f, label).Attr("text-anchor", "middle"),
		// The whole label, for a pointer's tooltip and screen readers.
		SVG("title").Text(whole))
	out = append(out, renderSectionBar(s.Sections, lx, y1-5))
	return out
}

// renderPacketRun is the dot that travels along the current step's arrow,
// from its sender to where the packet ends (its receiver, or the cross
// where it is lost), nil when the step is no packet. It is an element
// of the page over the diagram, not of the SVG: the browser runs a
// transform's animation of a page element on its compositor, while an
// SVG element's is drawn again by the page, every frame of the 0.6 s,
// and a key pressed meanwhile waited behind it. Alternating the
// animation's name restarts it on every step.
func renderPacketRun(g geometry, s trace.Step) app.UI {
	if s.Kind != trace.KindPacket {
		return nil
	}
	x1, y1, ex, ey := g.arrow(s)
	if s.Outcome == trace.Dropped || s.Outcome == trace.Lost {
		ex, ey = dropPoint(x1, y1, ex, ey)
	}
	anim := "travel-a"
	if s.Index%2 == 1 {
		anim = "travel-b"
	}
	return app.Span().
		Class("packet-run flow-"+string(flowOf(s.Packet))+" "+anim).
		Aria("hidden", "true").
		Style("--x1", px(x1)).Style("--y1", px(y1)).
		Style("--x2", px(ex)).Style("--y2", px(ey)).
		Style("transform", "translate("+px(ex)+","+px(ey)+")")
}

// renderSectionBar draws, under an arrow's label, a thin bar split in
// the colours of the packet's fixed header, variable header and payload
// (n bytes each), each as long as its bytes (2 px a byte, at most 120 px
// in all).
func renderSectionBar(n [3]int, cx, y int) app.UI {
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
		parts = append(parts, SVG("rect").Attr("data-c", class).
			Attr("x", strconv.FormatFloat(x, 'f', 1, 64)).Attr("y", y).
			Attr("width", strconv.FormatFloat(w, 'f', 1, 64)).Attr("height", 3))
		x += w
	}
	return SVG("g").Attr("data-c", "section-bar").Body(parts...)
}

// renderSideLabel writes a mark's label beside the mark at x, on the side
// where it stays clear of the notes column (sideLabel).
func renderSideLabel(text string, x, y, right int) app.UI {
	text, lx, anchor := sideLabel(text, x, right)
	return svgText(lx, y, "mark-label anchor-"+anchor, text)
}

// renderLaneMark draws a connection close (a cross), a timer (a clock) or
// a note (a square) on a lifeline.
func renderLaneMark(kind trace.StepKind, x, y int) app.UI {
	switch kind {
	case trace.KindClose:
		return SVG("g").Attr("data-c", "mark close").Body(
			svgLine(x-8, y-8, x+8, y+8, ""),
			svgLine(x-8, y+8, x+8, y-8, ""))
	case trace.KindTimer:
		return SVG("g").Attr("data-c", "mark timer").Body(
			SVG("circle").Attr("cx", x).Attr("cy", y).Attr("r", 8),
			svgLine(x, y, x, y-5, ""),
			svgLine(x, y, x+4, y, ""))
	}
	return SVG("rect").Attr("data-c", "mark note").Attr("x", x-6).Attr("y", y-6).Attr("width", 12).Attr("height", 12)
}

// renderNotes writes the step's first note in the notes column, with the
// rule behind it and how many more there are; the line under the player
// reads all of them.
func renderNotes(g geometry, s trace.Step, lang string) app.UI {
	n := s.Notes[0]
	var rule, more app.UI
	if n.Rule != "" {
		rule = app.Span().Class("rule").Text(n.Rule)
	}
	if len(s.Notes) > 1 {
		more = app.Span().Class("more").Text("+" + strconv.Itoa(len(s.Notes)-1))
	}
	return SVG("foreignObject").
		Attr("x", g.notesX()).Attr("y", rowY(s.Index)+3).
		Attr("width", g.notesW).Attr("height", rowHeight-6).
		Body(app.Div().Class("notes").Body(
			app.Span().Text(n.Text.In(lang)), rule, more))
}

// StepSummary is a step in one line of plain text: the event list and the
// screen-reader announcement use it. A note step, which belongs to no
// lifeline, is just "Note".
func StepSummary(lang string, s trace.Step) string {
	var b strings.Builder
	switch {
	case s.Kind == trace.KindPacket:
		b.WriteString(s.From + " → " + s.To + tr(lang, "sep.colon") + s.Label.In(lang))
		if s.Outcome != "" && s.Outcome != trace.Delivered {
			b.WriteString(" (" + s.Outcome.Caption().In(lang) + ")")
		}
	case s.Kind == trace.KindNote && s.From == "":
		b.WriteString(tr(lang, "step.note"))
	default:
		b.WriteString(s.From)
		if s.To != "" {
			b.WriteString(" → " + s.To)
		}
		b.WriteString(tr(lang, "sep.colon") + s.Kind.Caption().In(lang))
	}
	return b.String()
}

package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
)

// renderStatus says what the page read: what is wrong with the text as
// typed (beside the last good breakdown, which stays), how many packets
// a stream holds and how many are drawn, and whether the address
// carries the bytes.
func (p *decodePage) renderStatus() app.UI {
	var lines []app.UI
	if p.problem != nil {
		msg := tr(p.lang, "decode.problem", p.problem.Where().In(p.lang), p.problem.Message.In(p.lang))
		if p.size > 0 {
			msg += " " + tr(p.lang, "decode.kept")
		}
		lines = append(lines, app.P().ID("decode-error").Class("error").Text(msg))
	}
	if n := p.count; n > 1 {
		msg := tr(p.lang, "decode.stream", n, p.size)
		if drawn := p.drawn(); drawn < n {
			msg += " " + tr(p.lang, "decode.capped", drawn, n-drawn)
		}
		lines = append(lines, app.P().ID("decode-summary").Class("summary").Text(msg))
	}
	if p.unshared {
		lines = append(lines, app.P().ID("decode-unshared").Class("summary").Text(tr(p.lang, "decode.unshared", p.size, maxShareBytes)))
	}
	if p.problem == nil && p.size == 0 {
		lines = append(lines, app.P().Class("empty").Text(tr(p.lang, "decode.empty")))
	}
	return app.Div().ID("decode-status").Aria("live", "polite").Body(lines...)
}

// drawn is how many packets of the stream are drawn: those kept (at
// most maxDrawnPackets), and no more than maxDrawnCells hex cells, but
// always the first.
func (p *decodePage) drawn() int {
	cells := 0
	for i, sp := range p.packets {
		cells += min(len(sp.Bytes), maxHexCells)
		if i > 0 && cells > maxDrawnCells {
			return i
		}
	}
	return len(p.packets)
}

// renderPackets draws each packet drawn: a heading with its type and
// size (in a stream, its number and offset too), a note when it is cut
// short, and the inspector.
func (p *decodePage) renderPackets() []app.UI {
	n := p.drawn()
	out := make([]app.UI, n)
	for i, sp := range p.packets[:n] {
		name := codec.PacketType(sp.Bytes[0] >> 4).String()
		size := tr(p.lang, "decode.bytes", len(sp.Bytes))
		if len(sp.Bytes) == 1 {
			size = tr(p.lang, "decode.byte")
		}
		head := tr(p.lang, "decode.packet", name, size)
		if p.count > 1 {
			head = tr(p.lang, "decode.packet.nth", i+1, sp.Offset, name, size)
		}
		var missing app.UI
		if sp.Missing > 0 {
			missing = app.P().Class("packet-missing").Text(tr(p.lang, "decode.missing", sp.Missing))
		}
		out[i] = app.Section().
			Class("panel inspector-panel packet").
			DataSet("offset", sp.Offset).
			Body(
				app.H2().Class("packet-head").Text(head),
				missing,
				newInspector(sp.Bytes, p.lang),
			)
	}
	return out
}

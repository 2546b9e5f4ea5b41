package ui

import (
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"strconv"

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
		lines = append(lines, app.P().ID("decode-summary").Class("summary").Text(msg), p.renderIndex())
	}
	if p.unshared {
		lines = append(lines, app.P().ID("decode-unshared").Class("summary").Text(tr(p.lang, "decode.unshared", p.size, maxShareBytes)))
	}
	if p.problem == nil && p.size == 0 {
		lines = append(lines, app.P().Class("empty").Text(tr(p.lang, "decode.empty")))
	}
	return app.Div().ID("decode-status").Aria("live", "polite").Body(lines...)
}

// renderIndex lists the packets drawn, one line each with its verdict;
// a line scrolls to its packet.
func (p *decodePage) renderIndex() app.UI {
	items := make([]app.UI, p.drawn())
	for i := range items {
		sp := p.packets[i]
		class, verdict := "ok", tr(p.lang, "decode.index.ok")
		switch err := codec.Annotate(sp.Bytes).Err; {
		case sp.Missing > 0 || err != nil && !err.Malformed():
			class, verdict = "bad", tr(p.lang, "decode.index.short")
		case err != nil:
			class, verdict = "bad", tr(p.lang, "decode.index.bad", err.Rule)
		}
		id := "packet-" + strconv.Itoa(i+1)
		items[i] = app.Li().Class(class).Body(app.Button().
			Type("button").
			Class("index-item").
			OnClick(func(ctx app.Context, e app.Event) {
				jsb.ScrollIntoView(id)
			}, id).
			Text(tr(p.lang, "decode.index", i+1, packetName(sp), packetSize(p.lang, len(sp.Bytes)), verdict)))
	}
	return app.Ol().ID("packet-index").Class("packet-index").Body(items...)
}

// packetName is the name of the packet type in the packet's first byte.
func packetName(sp codec.StreamPacket) string { return codec.PacketType(sp.Bytes[0] >> 4).String() }

// packetSize is "36 bytes", "1 byte" in lang.
func packetSize(lang string, n int) string {
	if n == 1 {
		return tr(lang, "decode.byte")
	}
	return tr(lang, "decode.bytes", n)
}

// drawn is how many packets of the stream are drawn: those kept (at
// most maxDrawnPackets), and no more than maxDrawnCells hex cells, but
// always the first.
func (p *decodePage) drawn() int {
	cells := 0
	for i, sp := range p.packets {
		cells += min(len(sp.Bytes), views.MaxHexCells)
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
		name, size := packetName(sp), packetSize(p.lang, len(sp.Bytes))
		head := tr(p.lang, "decode.packet", name, size)
		if p.count > 1 {
			head = tr(p.lang, "decode.packet.nth", i+1, sp.Offset, name, size)
		}
		var missing app.UI
		if sp.Missing > 0 {
			missing = app.P().Class("packet-missing").Text(tr(p.lang, "decode.missing", sp.Missing))
		}
		out[i] = app.Section().
			ID("packet-"+strconv.Itoa(i+1)).
			Class("panel inspector-panel packet").
			DataSet("offset", sp.Offset).
			Body(
				app.H2().Class("packet-head").Text(head),
				missing,
				views.NewInspector(sp.Bytes, p.lang),
			)
	}
	return out
}

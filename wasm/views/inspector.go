package views

import (
	"mqttviz/wasm/jsb"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
)

// inspector shows one packet's bytes in hex, coloured by section, beside
// the list of its fields as codec.Annotate reads them. Hovering a field,
// or giving it the keyboard focus, lights its bytes; hovering a byte
// lights its field and scrolls it into view inside its own box. A
// malformed packet shows the fields up to the fault, then the fault.
type inspector struct {
	app.Compo

	Bytes []byte
	Lang  string

	hover int // index of the highlighted field, or -1
	// owner is the field of each byte drawn, as last rendered.
	owner []int

	// annotated are the bytes annotation was made of: a packet is
	// annotated once while it is shown, not on every hover.
	annotated  []byte
	annotation codec.Annotation
}

// annotate returns the annotation of in.Bytes, made once for each packet
// shown.
func (in *inspector) annotate() codec.Annotation {
	if !sameBytes(in.annotated, in.Bytes) {
		in.annotated, in.annotation = in.Bytes, codec.Annotate(in.Bytes)
	}
	return in.annotation
}

// sameBytes reports whether a and b are the same slice: the same bytes
// in memory, not merely equal ones.
func sameBytes(a, b []byte) bool {
	return len(a) == len(b) && len(a) > 0 && &a[0] == &b[0]
}

func NewInspector(b []byte, lang string) *inspector {
	return &inspector{Bytes: b, Lang: lang, hover: -1}
}

// sectionClass is the CSS class of a section: the same three colours in
// the diagram's legend, the hex dump and the field list.
func sectionClass(s codec.Section) string {
	switch s {
	case codec.FixedHeader:
		return "sec-fixed"
	case codec.VariableHeader:
		return "sec-variable"
	case codec.Payload:
		return "sec-payload"
	}
	return "sec-none"
}

// fieldOfByte maps each byte offset to the index of the field that covers
// it, or -1.
func fieldOfByte(n int, fields []codec.Field) []int {
	owner := make([]int, n)
	for i := range owner {
		owner[i] = -1
	}
	for fi, f := range fields {
		for o := f.Offset; o < f.Offset+f.Length && o < n; o++ {
			if o >= 0 {
				owner[o] = fi
			}
		}
	}
	return owner
}

// The bytes and the fields light on the pointer and the keyboard focus
// through one listener per list (on the hex dump, on the field list),
// which finds the byte or field from the event's element: a packet of
// 30 bytes and 10 fields had 100 listeners of their own, each added and
// released by every step.

// overByte lights the field of the byte under the pointer (none for a
// byte no field covers) and, once drawn, brings it into view in the box
// that scrolls it, however far down the list it is.
func (in *inspector) overByte(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	off, ok := jsb.DataIndex(e.Value, ctx.JSSrc(), jsb.EventTarget, "offset")
	if !ok || off >= len(in.owner) {
		return
	}
	i := in.owner[off]
	if !in.light(ctx, i) || i < 0 {
		return
	}
	src := ctx.JSSrc()
	ctx.Defer(func(app.Context) { jsb.RevealField(src, i) })
}

// outOfItem puts the light out when the pointer or the focus leaves the
// list's items for somewhere else than another of them (which lights
// its own): attr names the items' data attribute.
func (in *inspector) outOfItem(attr string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.PreventUpdate()
		if _, ok := jsb.DataIndex(e.Value, ctx.JSSrc(), jsb.EventRelated, attr); !ok {
			in.light(ctx, -1)
		}
	}
}

// overField lights the field under the pointer or given the focus.
func (in *inspector) overField(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if i, ok := jsb.DataIndex(e.Value, ctx.JSSrc(), jsb.EventTarget, "field"); ok {
		in.light(ctx, i)
	}
}

// light lights field i, and renders the inspector alone when that
// changes what it shows: go-app would render the whole page after a
// pointer event. Its PreventUpdate marks the inspector until it is next
// updated, which drops the update of every later event of it (go-app
// v9.8.0): every hover handler prevents, and one that changes the field
// asks for the inspector's render itself (Update), which clears the
// mark. The inspector's own elements have no other handlers.
func (in *inspector) light(ctx app.Context, i int) bool {
	ctx.PreventUpdate()
	if in.hover == i {
		return false
	}
	in.hover = i
	in.Update()
	return true
}

func (in *inspector) Render() app.UI {
	if len(in.Bytes) == 0 {
		return app.Div().Class("inspector").Body(
			app.P().Class("empty").Text(tr(in.Lang, "inspector.none")))
	}
	a := in.annotate()
	owner := fieldOfByte(len(in.Bytes), a.Fields)
	in.owner = owner
	return app.Div().Class("inspector").Body(
		// A box of its own beside the diagram, which scrolls a long
		// packet's bytes: the keyboard can scroll it too.
		app.Div().Class("hex-col").TabIndex(0).Attr("role", "group").Aria("label", tr(in.Lang, "inspector.bytes")).Body(
			app.H3().Text(tr(in.Lang, "inspector.bytes")),
			in.renderHex(a, owner),
			renderSectionLegend(in.Lang),
		),
		app.Div().Class("fields-col").Body(
			app.H3().Text(tr(in.Lang, "inspector.fields")),
			in.renderFields(a),
			in.renderFault(a.Err),
		),
	)
}

// MaxHexCells is how many bytes the hex dump draws: a pasted megabyte
// would otherwise take the page seconds to lay out. The field list still
// covers the whole packet.
const MaxHexCells = 1024

func (in *inspector) renderHex(a codec.Annotation, owner []int) app.UI {
	shown := in.Bytes[:min(len(in.Bytes), MaxHexCells)]
	cells := make([]app.UI, len(shown), len(shown)+1)
	for i, b := range shown {
		class := "byte sec-none"
		fi := owner[i]
		if fi >= 0 {
			class = "byte " + sectionClass(a.Fields[fi].Section)
			if fi == in.hover {
				class += " lit"
			}
		}
		if a.Err != nil && a.Err.Offset == i {
			class += " fault"
		}
		cells[i] = app.Span().
			Class(class).
			DataSet("offset", i).
			Text(hexByte(b))
	}
	if rest := len(in.Bytes) - len(shown); rest > 0 {
		cells = append(cells, app.Span().ID("hex-more").Class("hex-more").Text(tr(in.Lang, "inspector.more", rest)))
	}
	return app.Div().Class("hex").
		OnMouseOver(in.overByte).
		OnMouseOut(in.outOfItem("offset")).
		Body(cells...)
}

func (in *inspector) renderFields(a codec.Annotation) app.UI {
	rows := make([]app.UI, len(a.Fields))
	for i, f := range a.Fields {
		class := "field " + sectionClass(f.Section)
		if i == in.hover {
			class += " lit"
		}
		var parts app.UI
		if len(f.Parts) > 0 {
			parts = in.renderParts(f.Parts)
		}
		var explain app.UI
		if e := f.Explain.In(in.Lang); e != "" {
			explain = app.P().Class("explain").Text(e)
		}
		rows[i] = app.Li().
			Class(class).
			DataSet("field", i).
			TabIndex(0).
			Body(
				app.Div().Class("field-head").Body(
					app.Span().Class("chip").Text(f.Section.Name().In(in.Lang)),
					app.Span().Class("field-name").Text(f.Name.In(in.Lang)),
					app.Span().Class("field-value").Text(f.Value.In(in.Lang)),
					app.Span().Class("field-span").Text(byteSpan(f.Offset, f.Length)),
				),
				explain,
				parts,
			)
	}
	return app.Ul().Class("fields").
		OnMouseOver(in.overField).
		OnMouseOut(in.outOfItem("field")).
		On("focusin", in.overField).
		On("focusout", in.outOfItem("field")).
		Body(rows...)
}

// byteSpan names the bytes a field covers: "byte 0" or "bytes 2–5".
func byteSpan(off, n int) string {
	if n <= 1 {
		return "[" + strconv.Itoa(off) + "]"
	}
	return "[" + strconv.Itoa(off) + "–" + strconv.Itoa(off+n-1) + "]"
}

// partPlace names where a part sits in lang: a bit range as the codec
// writes it ("7-4") or a byte of a multi-byte field ("byte 1", 第 1 字节).
func partPlace(lang string, p codec.Place) string {
	if p.IsByte() {
		return p.Name().In(lang)
	}
	return p.String()
}

func (in *inspector) renderParts(parts []codec.Part) app.UI {
	rows := make([]app.UI, len(parts))
	head := tr(in.Lang, "inspector.bytes.col")
	for i, p := range parts {
		if !p.Place.IsByte() {
			head = tr(in.Lang, "inspector.bits")
		}
		rows[i] = app.Tr().Body(
			app.Td().Class("bits").Text(partPlace(in.Lang, p.Place)),
			app.Td().Class("part-name").Text(p.Name.In(in.Lang)),
			app.Td().Class("part-value").Text(p.Value.In(in.Lang)),
			app.Td().Class("part-explain").Text(p.Explain.In(in.Lang)),
		)
	}
	return app.Table().Class("parts").Body(
		// Only the first column's name shows: the others are plain to see,
		// and named for screen readers.
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text(head),
			app.Th().Scope("col").Body(app.Span().Class("visually-hidden").Text(tr(in.Lang, "inspector.part.name"))),
			app.Th().Scope("col").Body(app.Span().Class("visually-hidden").Text(tr(in.Lang, "inspector.part.value"))),
			app.Th().Scope("col").Body(app.Span().Class("visually-hidden").Text(tr(in.Lang, "inspector.part.means"))),
		)),
		app.TBody().Body(rows...),
	)
}

func (in *inspector) renderFault(err *codec.Error) app.UI {
	if err == nil {
		return nil
	}
	return app.Div().Class("fault-box").Aria("live", "polite").Body(
		app.H4().Text(tr(in.Lang, "inspector.fault")),
		app.P().Body(
			app.Span().Class("fault-rule").Text(err.Rule),
			app.Text(" · "),
			app.Span().Class("fault-offset").DataSet("offset", err.Offset).Text(tr(in.Lang, "inspector.offset", err.Offset)),
		),
		app.P().Class("fault-message").Text(err.Message.In(in.Lang)),
	)
}

// renderSectionLegend names the three section colours.
func renderSectionLegend(lang string) app.UI {
	return app.Div().Class("sec-legend").Body(
		app.Span().Class("chip sec-fixed").Text(codec.FixedHeader.Name().In(lang)),
		app.Span().Class("chip sec-variable").Text(codec.VariableHeader.Name().In(lang)),
		app.Span().Class("chip sec-payload").Text(codec.Payload.Name().In(lang)),
	)
}

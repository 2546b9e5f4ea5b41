package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
)

// seedExamples are packets from the tutorials students bring, printed the
// way the tutorials print them, the broken one first.
var seedExamples = []struct {
	Name codec.Text
	Hex  string
}{
	{codec.Text{EN: "PUBLISH (RL 11, 9 bytes follow)", ZH: "PUBLISH（剩余长度 11，实际 9 字节）"}, "30 0b 00 04 31 31 31 31 39 39 39"},
	{codec.Text{EN: "CONNECT", ZH: "CONNECT"}, "10 22 00 04 4D 51 54 54 04 C2 00 78 00 06 31 32 33 34 35 36 00 04 79 61 6E 67 00 08 31 31 32 32 33 33 34 34"},
	{codec.Text{EN: "SUBSCRIBE", ZH: "SUBSCRIBE"}, "82 09 00 01 00 04 32 32 32 32 00"},
	{codec.Text{EN: "PUBLISH QoS 1", ZH: "PUBLISH QoS 1"}, "32 0b 00 04 31 31 31 31 00 01 39 39 39"},
	{codec.Text{EN: "SUBACK 0x80 (failure)", ZH: "SUBACK 0x80（订阅失败）"}, "90 03 00 01 80"},
}

// decodePage is /decode: paste the hex of one packet and read it in the
// inspector, faults explained.
type decodePage struct {
	app.Compo
	language

	initial string // the text the page opened with, from ?hex=
	bytes   []byte
	bad     codec.Text // why the text is not hex
}

func newDecodePage() *decodePage { return &decodePage{} }

func (p *decodePage) OnPreRender(ctx app.Context) { p.open(ctx); p.retitle(ctx, p.pageTitle) }

func (p *decodePage) pageTitle(lang string) string { return tr(lang, "title.decode") }

func (p *decodePage) OnNav(ctx app.Context) { p.open(ctx) }

// open decodes the bytes of ?hex=, so that a lesson can link a packet
// here.
func (p *decodePage) open(ctx app.Context) {
	p.initial = ctx.Page().URL().Query().Get("hex")
	p.setInput(p.initial)
	if app.IsClient {
		app.Window().GetElementByID("decode-input").Set("value", p.initial)
	}
}

func (p *decodePage) OnMount(ctx app.Context) {
	p.observe(ctx, p.pageTitle)
	ctx.Defer(func(app.Context) { perfMark("mqttviz-interactive") })
}

// setInput parses the hex text the user typed. The text area is not
// re-rendered from it: the browser owns what is being typed.
func (p *decodePage) setInput(s string) {
	b, err := parseHex(s)
	var he *hexError
	if errors.As(err, &he) {
		p.bytes, p.bad = nil, he.Text
		return
	}
	p.bytes, p.bad = b, codec.Text{}
}

func (p *decodePage) onInput(ctx app.Context, e app.Event) {
	p.setInput(ctx.JSSrc().Get("value").String())
}

func (p *decodePage) Render() app.UI {
	examples := make([]app.UI, len(seedExamples))
	for i, ex := range seedExamples {
		hex := ex.Hex
		examples[i] = app.Li().Body(app.Button().
			Type("button").
			Class("example").
			OnClick(func(ctx app.Context, e app.Event) {
				p.setInput(hex)
				app.Window().GetElementByID("decode-input").Set("value", hex)
			}, i).
			Text(ex.Name.In(p.lang)))
	}
	var result app.UI
	switch {
	case p.bad.EN != "":
		result = app.P().ID("decode-error").Class("error").Text(tr(p.lang, "decode.badhex", p.bad.In(p.lang)))
	case len(p.bytes) == 0:
		result = app.P().Class("empty").Text(tr(p.lang, "decode.empty"))
	default:
		result = newInspector(p.bytes, p.lang)
	}
	return app.Div().Class("page").Body(
		newHeader(p.lang),
		app.Main().ID(mainID).Class("content decode").Body(
			app.H1().ID("decode-title").Text(tr(p.lang, "decode.title")),
			app.P().Class("intro").Text(tr(p.lang, "decode.intro")),
			app.Label().For("decode-input").Text(tr(p.lang, "decode.input")),
			app.Textarea().
				ID("decode-input").
				Rows(3).
				Spellcheck(false).
				Placeholder("30 0b 00 04 31 31 31 31 39 39 39").
				OnInput(p.onInput).
				Text(p.initial),
			app.Div().Class("examples").Body(
				app.Span().Text(tr(p.lang, "decode.examples")),
				app.Ul().Body(examples...),
			),
			app.Section().Class("panel inspector-panel").Body(app.H2().Text(tr(p.lang, "inspector.title")), result),
		),
	)
}

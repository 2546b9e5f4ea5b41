package ui

import (
	"encoding/hex"
	"errors"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"sync/atomic"
	"time"

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
	{codec.Text{EN: "A client's stream: CONNECT, SUBSCRIBE, PINGREQ", ZH: "客户端发出的报文流：CONNECT、SUBSCRIBE、PINGREQ"},
		"10 22 00 04 4D 51 54 54 04 C2 00 78 00 06 31 32 33 34 35 36 00 04 79 61 6E 67 00 08 31 31 32 32 33 33 34 34\n82 09 00 01 00 04 32 32 32 32 00\nc0 00"},
	{codec.Text{EN: "A stream as hexdump -C prints it", ZH: "hexdump -C 打印的报文流"},
		"00000000  32 0b 00 04 31 31 31 31  00 01 39 39 39 c0 00     |2...1111..999..|\n0000000f"},
}

// What the decode page reads at once, draws and shares, so that typing
// stays instant whatever is pasted.
const (
	// instantText is the longest text read on every keystroke; a longer
	// one is read when typing pauses for typingPause.
	instantText = 16 << 10
	typingPause = 300 * time.Millisecond
	// maxDrawnPackets and maxDrawnCells bound the packets of a stream that
	// are drawn and the hex cells drawn for them (the inspector draws at
	// most views.MaxHexCells of each packet).
	maxDrawnPackets = 16
	maxDrawnCells   = 4 * views.MaxHexCells
	// maxShareBytes is the most bytes ?hex= carries: twice as many
	// characters keep the address under the 8 KB that common servers
	// accept in a request line.
	maxShareBytes = 2048
)

// decodePage is /decode: paste the bytes of packets, in hex as a
// tutorial or a tool prints them, and read each packet in the inspector,
// faults explained.
type decodePage struct {
	app.Compo
	language

	packets  []codec.StreamPacket // the first packets of the bytes last read
	count    int                  // how many packets the bytes are
	size     int                  // how many bytes
	problem  *codec.HexError      // why the text as typed is not bytes, or nil
	unshared bool                 // the bytes typed are too many for the address
	// lastInput is when a long text was last changed (Unix ns), waiting
	// whether a read is waiting for typing to pause.
	lastInput atomic.Int64
	waiting   bool
	// sharing is the Share dialog of the packets shown.
	sharing shareDialog
}

func newDecodePage() *decodePage {
	p := &decodePage{}
	p.sharing.of, p.sharing.has = p.shareTarget, p.canShare
	return p
}

// OnPreRender titles the page; the server pre-renders from the path
// alone, so ?hex= is read in the browser (OnNav).
func (p *decodePage) OnPreRender(ctx app.Context) { p.prerender(ctx, p.pageTitle) }

func (p *decodePage) pageTitle(lang string) string { return tr(lang, "title.decode") }

// OnNav reads the bytes of ?hex=, so that a lesson or a writer can link
// packets here. The page is interactive once its box holds them: marked
// in the same deferred function, never a frame before, so that nothing
// typed or pasted as soon as the page takes it is replaced by them.
func (p *decodePage) OnNav(ctx app.Context) {
	if !app.IsClient {
		return
	}
	text := ctx.Page().URL().Query().Get("hex")
	p.read(text)
	ctx.Defer(func(app.Context) {
		setDecodeInput(text)
		jsb.MarkInteractive()
	})
}

func (p *decodePage) OnMount(ctx app.Context) {
	p.observe(ctx, p.pageTitle)
	p.sharing.mount(ctx)
}

func (p *decodePage) OnDismount() { p.sharing.dismount() }

// setDecodeInput puts text in the text area. The text area is not
// rendered from the page's state: the browser owns what is being typed.
func setDecodeInput(text string) {
	jsb.SetValue("decode-input", text)
}

// read reads the text typed as bytes and cuts them into packets. Text
// that is not bytes keeps the last breakdown and says what is wrong
// beside it; ok is false then.
func (p *decodePage) read(text string) (b []byte, ok bool) {
	b, err := codec.ParseHex(text)
	var he *codec.HexError
	if errors.As(err, &he) {
		p.problem = he
		return nil, false
	}
	p.problem, p.unshared = nil, false
	p.packets, p.count, p.size = nil, 0, len(b)
	for sp := range codec.StreamPackets(b) {
		if p.count < maxDrawnPackets {
			p.packets = append(p.packets, sp)
		}
		p.count++
	}
	jsb.PerfMark("mqttviz-decoded")
	return b, true
}

// readAndShare reads the text, then writes its bytes in the address.
func (p *decodePage) readAndShare(ctx app.Context, text string) {
	if b, ok := p.read(text); ok {
		p.share(ctx, b)
	}
}

// share writes the bytes in the address as ?hex=, replacing the current
// history entry, so that a copied address opens what is shown; bytes too
// many for an address take ?hex= away, and the page says so.
func (p *decodePage) share(ctx app.Context, b []byte) {
	p.unshared = len(b) > maxShareBytes
	u := *ctx.Page().URL()
	before := u.String()
	q := u.Query()
	if len(b) == 0 || p.unshared {
		q.Del("hex")
	} else {
		q.Set("hex", hex.EncodeToString(b))
	}
	u.RawQuery = q.Encode()
	if u.String() != before {
		ctx.Page().ReplaceURL(&u)
	}
}

// onInput reads a short text at once. A long one is read once typing
// pauses for typingPause, so that no keystroke waits for a megabyte to
// be read again: one wait at a time, which the last input extends.
func (p *decodePage) onInput(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	if jsb.IntProp(src, "textLength") <= instantText {
		p.readAndShare(ctx, jsb.StringProp(src, "value"))
		return
	}
	ctx.PreventUpdate()
	p.lastInput.Store(time.Now().UnixNano())
	if p.waiting {
		return
	}
	p.waiting = true
	ctx.Async(func() {
		for {
			wait := typingPause - time.Since(time.Unix(0, p.lastInput.Load()))
			if wait <= 0 {
				break
			}
			time.Sleep(wait)
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.waiting = false
			p.readAndShare(ctx, jsb.StringProp(src, "value"))
		})
	})
}

func (p *decodePage) Render() app.UI {
	examples := make([]app.UI, len(seedExamples))
	for i, ex := range seedExamples {
		text := ex.Hex
		examples[i] = app.Li().Body(app.Button().
			Type("button").
			Class("example").
			OnClick(func(ctx app.Context, e app.Event) {
				setDecodeInput(text)
				p.readAndShare(ctx, text)
			}, i).
			Text(ex.Name.In(p.lang)))
	}
	body := []app.UI{
		app.H1().ID("decode-title").Text(tr(p.lang, "decode.title")),
		app.P().Class("intro").Text(tr(p.lang, "decode.intro")),
		app.Label().For("decode-input").Text(tr(p.lang, "decode.input")),
		app.Textarea().
			ID("decode-input").
			Rows(3).
			Spellcheck(false).
			Placeholder("30 0b 00 04 31 31 31 31 39 39 39").
			OnInput(p.onInput),
		app.Div().Class("examples").Body(
			app.Span().Text(tr(p.lang, "decode.examples")),
			app.Ul().Body(examples...),
		),
		p.renderStatus(),
		app.Div().Class("decode-share").Body(p.sharing.renderButton(p.lang)),
	}
	body = append(body, p.renderPackets()...)
	if p.sharing.open {
		body = append(body, p.sharing.render(p.shareTrace(), 0, p.lang))
	}
	return app.Div().Class("page").Body(
		newHeader(p.lang),
		app.Main().ID(mainID).Class("content decode").Body(body...),
	)
}

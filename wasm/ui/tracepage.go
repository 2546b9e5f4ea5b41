package ui

import (
	"errors"
	"mqttviz/codec"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/jsb"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// tracePage is /trace: open a saved trace (a file chosen, dropped or
// pasted) and play it with the lesson page's views. Everything happens
// in the browser: the server renders the empty page, and the file's
// text (titles, node names, topics) is only ever put in text nodes.
type tracePage struct {
	app.Compo
	language
	player

	ctx app.Context
	// file names the file the trace shown came from ("" for pasted text).
	file string
	// problem is why the last file did not open, problemFile which file
	// it was ("" for pasted text); the trace shown stays.
	problem     *codec.Text
	problemFile string
	// opened is set once a file has opened, for the status line.
	opened bool
}

func newTracePage() *tracePage {
	p := &tracePage{player: player{speed: 1, addr: stepKeeper{keep: true}}}
	p.share.of, p.share.has = p.shareTarget, p.canShare
	return p
}

// traceInputID, traceDropID and tracePasteID name the page's file input,
// drop zone and paste box.
const (
	traceInputID = "trace-file"
	traceDropID  = "trace-drop"
	tracePasteID = "trace-paste"
)

func (p *tracePage) OnPreRender(ctx app.Context) { p.prerender(ctx, p.pageTitle) }

func (p *tracePage) OnNav(ctx app.Context) {
	p.ctx = ctx
	p.addr.aim(ctx.Page().URL())
	takeLang(ctx, ctx.Page().URL())
	p.retitle(ctx, p.pageTitle)
	ctx.Defer(func(app.Context) { jsb.MarkInteractive() })
}

func (p *tracePage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.observe(ctx, p.pageTitle)
	p.player.mount(ctx)
}

func (p *tracePage) OnDismount() { p.player.dismount() }

// pageTitle is the open trace's title, or the page's own.
func (p *tracePage) pageTitle(lang string) string {
	if p.trace == nil {
		return tr(lang, "title.trace")
	}
	return tr(lang, "title.traceof", p.traceTitle(lang))
}

// traceTitle is what the trace calls itself: its title, else its
// scenario's name, else the file's.
func (p *tracePage) traceTitle(lang string) string {
	for _, s := range []string{p.trace.Title.In(lang), p.trace.Scenario, p.file} {
		if s != "" {
			return s
		}
	}
	return tr(lang, "trace.untitled")
}

// onChoose reads the file chosen in the file input.
func (p *tracePage) onChoose(ctx app.Context, e app.Event) {
	jsb.ReadChosenFile(ctx.JSSrc(), trace.MaxReadBytes, p.fileRead)
}

// onDragOver lets the page take a dropped file.
func (p *tracePage) onDragOver(ctx app.Context, e app.Event) { e.PreventDefault() }

// onDrop reads the file dropped on the page.
func (p *tracePage) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	jsb.ReadDroppedFile(e.Value, trace.MaxReadBytes, p.fileRead)
}

// onPaste opens the JSON in the paste box.
func (p *tracePage) onPaste(ctx app.Context, e app.Event) {
	text := jsb.TextOf(tracePasteID)
	if text == "" {
		p.refuse("", both("trace.nothing"))
		return
	}
	p.openBytes(ctx, "", []byte(text))
}

// fileRead is called, on the JavaScript event goroutine, with a file the
// user chose or dropped.
func (p *tracePage) fileRead(f jsb.OpenedFile) {
	if p.ctx == nil {
		return
	}
	p.ctx.Dispatch(func(ctx app.Context) {
		switch {
		case f.TooLarge:
			p.refuse(f.Name, trace.TooLargeError(f.Size).Text)
		case f.Err != nil:
			p.refuse(f.Name, both("trace.unreadable", f.Err.Error()))
		default:
			p.openBytes(ctx, f.Name, f.Data)
		}
	})
}

// openBytes shows the trace in b, or why it is none, keeping the trace
// shown then.
func (p *tracePage) openBytes(ctx app.Context, name string, b []byte) {
	t, err := trace.Read(b)
	if err != nil {
		msg := codec.Text{EN: err.Error(), ZH: err.Error()}
		var re *trace.ReadError
		if errors.As(err, &re) {
			msg = re.Text
		}
		p.refuse(name, msg)
		return
	}
	p.problem, p.file, p.opened = nil, name, true
	p.load(t)
	p.retitle(ctx, p.pageTitle)
}

// refuse says why the file name did not open.
func (p *tracePage) refuse(name string, why codec.Text) {
	p.problem, p.problemFile = &why, name
}

// both is a catalogue string in English and Chinese.
func both(key string, args ...any) codec.Text {
	return codec.Text{EN: tr(i18n.EN, key, args...), ZH: tr(i18n.ZH, key, args...)}
}

// fileWord names a file in a sentence: «name», or the pasted text.
func (p *tracePage) fileWord(name string) string {
	if name == "" {
		return tr(p.lang, "trace.pasted")
	}
	return "“" + name + "”"
}

func (p *tracePage) Render() app.UI {
	var view app.UI
	if p.trace != nil {
		view = p.renderView([]app.UI{
			app.H2().ID("trace-title").Text(p.traceTitle(p.lang)),
			app.P().ID("trace-meta").Class("trace-meta").Text(p.meta()),
			p.renderDescription(),
			newExpectationList(p.lang, p.trace.Expectations),
		}, p.lang)
	}
	// The whole page takes a dropped file: dropped beside the zone, the
	// browser would leave the page for the file, and the trace with it.
	return app.Div().Class("page").OnDragOver(p.onDragOver).OnDrop(p.onDrop).Body(
		newHeader(p.lang),
		app.Main().ID(mainID).Class("content trace-page").Body(
			app.H1().ID("trace-heading").Text(tr(p.lang, "trace.heading")),
			p.renderIntro(),
			p.renderOpen(),
			p.renderProblem(),
			view,
		),
	)
}

// renderIntro says what a trace is, until one is open: then the trace
// has the room.
func (p *tracePage) renderIntro() app.UI {
	if p.trace != nil {
		return nil
	}
	return app.P().Class("intro").Text(tr(p.lang, "trace.intro"))
}

// renderOpen is the file input in its drop zone, and the paste box; with
// a trace open, the paste box is folded away.
func (p *tracePage) renderOpen() app.UI {
	class := "trace-open"
	if p.trace != nil {
		class += " compact"
	}
	return app.Div().Class(class).Body(
		app.Div().ID(traceDropID).Class("drop-zone").Body(
			app.Label().For(traceInputID).Class("drop-label").Text(tr(p.lang, "trace.choose")),
			// The browser's own file button speaks the browser's language,
			// not the page's: it is hidden (still focusable), and a label
			// in the page's language stands for it.
			app.Input().ID(traceInputID).Type("file").Accept(".json,application/json").OnChange(p.onChoose),
			app.Label().For(traceInputID).Class("file-button").Text(tr(p.lang, "trace.pick")),
			app.P().Class("drop-hint").Text(tr(p.lang, "trace.drop")+" · "+tr(p.lang, "trace.limit", trace.MaxReadBytes>>20)),
		),
		app.Div().Class("paste-box").Body(
			app.Label().For(tracePasteID).Text(tr(p.lang, "trace.paste")),
			app.Textarea().ID(tracePasteID).Rows(3).Spellcheck(false).Attr("autocomplete", "off"),
			app.Button().ID("trace-paste-open").Type("button").OnClick(p.onPaste).Text(tr(p.lang, "trace.paste.open")),
		),
	)
}

// renderProblem says why the last file did not open (and that the trace
// shown stays), or which file is open.
func (p *tracePage) renderProblem() app.UI {
	if p.problem != nil {
		kept := ""
		if p.trace != nil {
			kept = " " + tr(p.lang, "trace.kept")
		}
		return app.P().ID("trace-error").Class("error").Role("alert").
			Text(tr(p.lang, "trace.cannot", p.fileWord(p.problemFile), p.problem.In(p.lang)) + kept)
	}
	if p.opened && p.trace != nil {
		return app.P().ID("trace-status").Role("status").Text(tr(p.lang, "trace.opened", p.fileWord(p.file), len(p.trace.Steps)))
	}
	return nil
}

// renderDescription is the trace's description, when it has one.
func (p *tracePage) renderDescription() app.UI {
	if d := p.trace.Description.In(p.lang); d != "" {
		return app.P().ID("trace-description").Class("lesson-desc").Text(d)
	}
	return nil
}

// meta is the line under the trace's title: its source, scenario and
// seed, or for a live trace when it started on the wall clock.
func (p *tracePage) meta() string {
	t, lang := p.trace, p.lang
	parts := []string{tr(lang, "trace.source", t.Source.Name().In(lang))}
	if t.Scenario != "" {
		parts = append(parts, tr(lang, "trace.scenario", t.Scenario))
	}
	if ms, ok := t.StartMillis(); ok {
		parts = append(parts, tr(lang, "trace.started", time.UnixMilli(ms).UTC().Format("2006-01-02 15:04:05.000 UTC")))
	} else if !t.Source.Live() {
		parts = append(parts, tr(lang, "trace.seed", t.Seed))
	}
	if p.file != "" {
		parts = append(parts, tr(lang, "trace.file", p.file))
	}
	out := parts[0]
	for _, s := range parts[1:] {
		out += " · " + s
	}
	return out
}

package ui

import (
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// embedDecodePage is /embed/decode/?hex=…: the decode page's breakdown
// of the bytes of the address, without the site's header and without
// the box to type in, for an iframe. Its poster is pre-rendered by the
// server like every embed's.
type embedDecodePage struct {
	decodePage
	host embedHost
}

func newEmbedDecodePage() *embedDecodePage { return &embedDecodePage{} }

func (p *embedDecodePage) OnPreRender(ctx app.Context) { p.prerender(ctx, p.pageTitle) }

func (p *embedDecodePage) pageTitle(lang string) string {
	return tr(lang, "embed.pagetitle", tr(lang, "embed.decode"))
}

// OnMount sets the language of the address, not persisted, and keeps the
// host page told of the height; a decode embed has no steps to play.
func (p *embedDecodePage) OnMount(ctx app.Context) {
	ctx.SetState(views.StateLang, parseEmbedOptions(app.Window().URL().Query()).Lang)
	p.observe(ctx, p.pageTitle)
	p.host.listen(ctx, &player{}, func(ctx app.Context, lang string) { ctx.SetState(views.StateLang, lang) })
	jsb.KeepForOffline()
}

func (p *embedDecodePage) OnDismount() { p.host.release() }

// OnNav reads the bytes of ?hex=.
func (p *embedDecodePage) OnNav(ctx app.Context) {
	p.read(ctx.Page().URL().Query().Get("hex"))
	ctx.Defer(func(app.Context) {
		p.host.ready(embedReport{Lang: p.lang})
		jsb.MarkInteractive()
	})
}

func (p *embedDecodePage) Render() app.UI {
	if app.IsServer {
		return renderPoster(embedDecodePoster)
	}
	p.host.tell(embedReport{Lang: p.lang})
	body := append([]app.UI{p.renderStatus()}, p.renderPackets()...)
	return renderEmbed(p.lang, tr(p.lang, "embed.decode"), fullPage(app.Window().URL(), 0, p.lang),
		app.Div().Class("embed-decode").Body(body...))
}

package ui

import (
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// notFoundPage is every address that is not a page. It never repeats the
// address: the server pre-renders it once for all of them.
type notFoundPage struct {
	app.Compo
	language
}

func newNotFoundPage() *notFoundPage { return &notFoundPage{} }

func (p *notFoundPage) pageTitle(lang string) string { return tr(lang, "title.notfound") }

func (p *notFoundPage) OnPreRender(ctx app.Context) { p.prerender(ctx, p.pageTitle) }

func (p *notFoundPage) OnMount(ctx app.Context) {
	p.observe(ctx, p.pageTitle)
	ctx.Defer(func(app.Context) { jsb.MarkInteractive() })
}

func (p *notFoundPage) Render() app.UI {
	return app.Div().Class("page").Body(
		newHeader(p.lang),
		app.Main().ID(mainID).Class("content").Body(
			app.H1().ID("notfound-title").Text(tr(p.lang, "notfound.title")),
			app.P().Text(tr(p.lang, "notfound.text")),
			app.A().Href(link("/")).Text(tr(p.lang, "picker.title")),
		),
	)
}

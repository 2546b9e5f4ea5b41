package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// link returns an address inside the app: under a sub-path (GitHub Pages'
// /repo/) go-app's root prefix goes in front.
func link(path string) string {
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + path
}

// header is the top bar: the name, the navigation and the language switch.
type header struct {
	app.Compo

	Lang string
}

func newHeader(lang string) *header { return &header{Lang: lang} }

func (h *header) Render() app.UI {
	return app.Header().Class("topbar").Body(
		app.A().Class("brand").Href(link("/")).Body(
			app.Img().Src("/web/icon.svg").Alt("").Class("logo"),
			app.Span().Text("mqttviz"),
			app.Span().Class("tagline").Text(tr(h.Lang, "brand.tagline")),
		),
		app.Nav().Aria("label", tr(h.Lang, "nav.main")).Body(
			app.A().ID("nav-lessons").Href(link("/")).Text(tr(h.Lang, "nav.lessons")),
			app.A().ID("nav-decode").Href(link("/decode")).Text(tr(h.Lang, "nav.decode")),
			app.A().ID("nav-scenario").Href(link("/scenario")).Text(tr(h.Lang, "nav.scenario")),
		),
		app.Div().Class("lang-switch").Role("group").Aria("label", tr(h.Lang, "lang.label")).Body(
			h.langButton(langEN, "en", "English"),
			h.langButton(langZH, "zh-CN", "简体中文"),
		),
	)
}

// langButton switches to lang. Its name is written in that language and
// marked so (tag), so that a screen reader reads 简体中文 in Chinese on an
// English page.
func (h *header) langButton(lang, tag, name string) app.UI {
	return app.Button().
		ID("lang-"+lang).
		Lang(tag).
		Type("button").
		Class("lang").
		Aria("pressed", h.Lang == lang).
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.SetState(stateLang, lang, app.Persist)
		}).
		Text(name)
}

// language keeps a page's language in step with the language state.
type language struct {
	lang string
}

// observe subscribes the component of ctx to the language state; the value is
// stored in l.lang and mirrored on <html lang>.
func (l *language) observe(ctx app.Context) {
	ctx.ObserveState(stateLang).
		OnChange(func() { l.lang = normLang(l.lang); setDocumentLang(l.lang) }).
		Value(&l.lang)
	l.lang = normLang(l.lang)
	setDocumentLang(l.lang)
}

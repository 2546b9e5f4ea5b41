package ui

import (
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// mainID is the id of every page's <main>, where the skip link leads.
const mainID = "main"

// header is the top bar: the skip link, the name, the navigation and the
// language switch; and, when a new version of the app is installed, the
// notice that says so.
type header struct {
	app.Compo

	Lang string
	// updateReady: a new version is installed and waits for a reload.
	updateReady bool
	// updated: this page is the first of a new version.
	updated bool
}

// OnMount asks the service worker to keep app.wasm, now that the app has
// started, and shows the update notice if a new version already waits,
// or the quiet one if this page is the first of a new version.
func (h *header) OnMount(ctx app.Context) {
	jsb.KeepForOffline()
	h.updated = noteVersion(ctx)
	h.updateReady = ctx.AppUpdateAvailable()
	jsb.OnUpdateWaiting(func() {
		ctx.Dispatch(func(app.Context) { h.updateReady = true })
	})
}

// OnAppUpdate shows the update notice: go-app calls it when a new
// version has installed while the page is open.
func (h *header) OnAppUpdate(ctx app.Context) { h.updateReady = true }

func newHeader(lang string) *header { return &header{Lang: lang} }

func (h *header) Render() app.UI {
	return app.Header().Class("topbar").Body(
		renderSkipLink(h.Lang),
		app.A().Class("brand").Href(link("/")).Body(
			app.Img().Src("/web/icon.svg").Alt("").Class("logo"),
			app.Span().Text("mqttviz"),
			app.Span().Class("tagline").Text(tr(h.Lang, "brand.tagline")),
		),
		app.Nav().Aria("label", tr(h.Lang, "nav.main")).Body(
			app.A().ID("nav-lessons").Href(link("/")).Text(tr(h.Lang, "nav.lessons")),
			app.A().ID("nav-decode").Href(link("/decode/")).Text(tr(h.Lang, "nav.decode")),
			app.A().ID("nav-scenario").Href(link("/scenario/")).Text(tr(h.Lang, "nav.scenario")),
			app.A().ID("nav-trace").Href(link("/trace/")).Text(tr(h.Lang, "nav.trace")),
			app.A().ID("nav-live").Href(link("/live/")).Text(tr(h.Lang, "nav.live")),
			renderWatchLink(h.Lang),
			app.A().ID("nav-docs").Href(docsLink(i18n.Norm(h.Lang))).Text(tr(h.Lang, "nav.docs")),
		),
		app.Div().Class("lang-switch").Role("group").Aria("label", tr(h.Lang, "lang.label")).Body(
			h.langButton(i18n.EN, "en", "English"),
			h.langButton(i18n.ZH, "zh-CN", "简体中文"),
		),
		app.If(h.updateReady, renderUpdateNotice(h.Lang)).
			ElseIf(h.updated, renderUpdatedNotice(h.Lang, func() { h.updated = false })),
	)
}

// renderSkipLink is the first focusable element of every page: it moves
// the focus past the header to the page's <main>. The click is handled
// here, not by go-app's navigation, which would put #main in the address
// (where a shared scenario may be) and open the page again.
func renderSkipLink(lang string) app.UI {
	return app.A().
		ID("skip-link").
		Class("skip-link").
		Href("#" + mainID).
		OnClick(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			e.StopImmediatePropagation()
			jsb.Focus(mainID)
		}).
		Text(tr(lang, "skip.content"))
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
		Aria("pressed", i18n.Norm(h.Lang) == lang).
		OnClick(func(ctx app.Context, e app.Event) {
			ctx.SetState(views.StateLang, lang, app.Persist)
		}).
		Text(name)
}

// language keeps a page's language, and the document's title, in step
// with the language state.
type language struct {
	lang string
}

// observe subscribes the component of ctx to the language state; the
// value is stored in l.lang and mirrored on <html lang>, and the document
// is titled title(l.lang), again whenever the language changes.
func (l *language) observe(ctx app.Context, title func(lang string) string) {
	ctx.ObserveState(views.StateLang).
		OnChange(func() { l.lang = i18n.Norm(l.lang); l.show(ctx, title) }).
		Value(&l.lang)
	l.lang = i18n.Norm(l.lang)
	l.show(ctx, title)
}

// show puts l.lang on <html lang> and in the title, and tells the
// service worker, which then opens the next page pre-rendered in it
// (ui.PageIn). An embed's language is its address's, not the reader's
// choice: an embed does not tell.
func (l *language) show(ctx app.Context, title func(lang string) string) {
	jsb.SetDocumentLang(l.lang)
	l.retitle(ctx, title)
	if !isEmbed(ctx.Page().URL().Path) {
		jsb.TellWorkerLang(l.lang)
	}
}

// prerender takes the language the server renders the page in and
// titles the page. The server renders each page once in each language
// from a built-in address (ui.PageIn: ?lang=zh on the page's own path),
// never from a request: the language is read from that address here,
// since the server has no language state.
func (l *language) prerender(ctx app.Context, title func(lang string) string) {
	if !app.IsClient {
		l.lang = i18n.Norm(AddressLang(ctx.Page().URL().Query()))
	}
	l.retitle(ctx, title)
}

// retitle titles the document title(l.lang). A page calls it when it is
// pre-rendered, and again when what its title shows has changed.
func (l *language) retitle(ctx app.Context, title func(lang string) string) {
	ctx.Page().SetTitle(title(i18n.Norm(l.lang)))
}

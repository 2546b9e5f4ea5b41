package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/jsb"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// NotFoundPath is the address the server pre-renders for every address
// that is not a page: a neutral page that never repeats the address.
const NotFoundPath = "/404.html"

var registerOnce sync.Once

// Register routes the app's pages. The server calls it before serving or
// writing the static site, the browser before app.RunWhenOnBrowser.
//
// Every page answers to NAME, NAME/ and NAME/index.html: links use NAME/,
// which every static host resolves to the file NAME/index.html, and
// the published links without the slash keep opening on `mqttviz serve`.
func Register() {
	jsb.RepairAddresses(escapeStrayPercent)
	registerOnce.Do(func() {
		picker := func() app.Composer { return newPickerPage() }
		app.RouteWithRegexpFunc(`^/(index\.html)?$`, picker)
		// /lessons/ with no name left on it is the picker too, not a 404.
		app.RouteWithRegexpFunc(`^/lessons/?(index\.html)?$`, picker)
		app.RouteWithRegexpFunc(`^/decode/?(index\.html)?$`, func() app.Composer { return newDecodePage() })
		app.RouteWithRegexpFunc(`^/scenario/?(index\.html)?$`, func() app.Composer { return newScenarioPage() })
		app.RouteWithRegexpFunc(`^/trace/?(index\.html)?$`, func() app.Composer { return newTracePage() })
		app.RouteWithRegexpFunc(`^/live/?(index\.html)?$`, func() app.Composer { return newLivePage() })
		app.RouteWithRegexpFunc(`^/watch/?(index\.html)?$`, func() app.Composer { return newWatchPage() })
		app.RouteWithRegexpFunc(`^/lessons/[^/]+/?(index\.html)?$`, func() app.Composer { return newLessonPage() })
		app.RouteWithRegexpFunc(`^/docs/`, func() app.Composer { return newDocsPage() })
		registerEmbeds()
		app.RouteWithRegexpFunc(`.*`, func() app.Composer { return newNotFoundPage() })
	})
}

// Pages lists every page, in the form links use: the picker, the
// decoder, the scenario editor, the trace page, the live page, the
// watch page (of `mqttviz broker`), one page per built-in lesson and
// the embeds (embed.go).
func Pages() []string {
	pages := []string{"/", "/lessons/", "/decode/", "/scenario/", "/trace/", "/live/", "/watch/"}
	for _, name := range lessons.LessonNames() {
		pages = append(pages, "/lessons/"+name+"/")
	}
	return append(pages, embedPages()...)
}

// PagePath returns the page of Pages that an address path opens, and
// whether there is one: /decode, /decode/ and /decode/index.html are
// all /decode/, and a lesson's name must be a built-in one.
func PagePath(path string) (string, bool) {
	if strings.HasSuffix(path, "/index.html") {
		path = strings.TrimSuffix(path, "index.html")
	}
	if !strings.HasSuffix(path, "/") {
		path += "/"
	}
	for _, p := range Pages() {
		if p == path {
			return p, true
		}
	}
	return "", false
}

// link returns an address inside the app: under a sub-path (GitHub Pages'
// /repo/) go-app's root prefix goes in front.
func link(path string) string {
	return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + path
}

// Translated lists the pages the server pre-renders in every language
// the app speaks: every page of Pages but the embeds (an embed's
// language is its address's, ?lang=, and its poster holds both), and
// the not-found page.
func Translated() []string {
	var out []string
	for _, p := range Pages() {
		if !strings.HasPrefix(p, embedPrefix+"/") {
			out = append(out, p)
		}
	}
	return append(out, NotFoundPath)
}

// PageIn returns the address of the file holding page (one of
// Translated) pre-rendered in lang: the page itself in English;
// NAME/index.zh.html, or 404.zh.html, in Chinese. A Chinese reader's
// browser opens it at the page's own address, never at this one: the
// server and the service worker choose the file by the reader's
// language.
func PageIn(page, lang string) string {
	if i18n.Norm(lang) != i18n.ZH {
		return page
	}
	if strings.HasSuffix(page, "/") {
		return page + "index.zh.html"
	}
	return strings.TrimSuffix(page, ".html") + ".zh.html"
}

package main

import (
	"context"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
)

// beforeApp records, in every document of the tab, what the page shows
// when its HTML has been parsed: before app.wasm can have started (the
// loader starts it after the first paint), so it is the page the server
// or the service worker sent.
const beforeApp = `document.addEventListener("DOMContentLoaded", () => {
	window.mqttvizBeforeApp = {
		lang: document.documentElement.lang,
		title: document.title,
		h1: document.querySelector("h1")?.textContent ?? "",
		pressed: document.querySelector("#lang-zh")?.getAttribute("aria-pressed") ?? "",
	};
});`

// pageBeforeApp is what beforeApp recorded of the page open.
type pageBeforeApp struct {
	Lang    string `json:"lang"`
	Title   string `json:"title"`
	H1      string `json:"h1"`
	Pressed string `json:"pressed"`
}

// han reports whether s holds a Chinese character.
func han(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// checkBeforeApp opens path and checks that the page as sent, before the
// app ran, is in lang: <html lang>, the title and the heading, and the
// language switch pressed on that language.
func checkBeforeApp(t *testing.T, ctx context.Context, base, path, lang string) {
	t.Helper()
	open(t, ctx, base, path)
	got := eval[pageBeforeApp](t, ctx, `window.mqttvizBeforeApp`)
	zh := lang == "zh"
	wantTag, wantPressed := "en", "false"
	if zh {
		wantTag, wantPressed = "zh-CN", "true"
	}
	if got.Lang != wantTag || han(got.Title) != zh || han(got.H1) != zh || got.Pressed != wantPressed {
		t.Errorf("%s as sent, before the app: %+v, want it in %s", path, got, lang)
	}
}

// waitWorkerLang waits until the service worker of the site at base keeps
// lang as the reader's language.
func waitWorkerLang(t *testing.T, ctx context.Context, base, lang string) {
	t.Helper()
	waitFor(t, ctx, `(async () => {
		const kept = await caches.match(new URL("`+base+`/.mqttviz-lang", location.href).href, {cacheName: "mqttviz-prefs:" + new URL("`+base+`/", location.href).pathname});
		return kept !== undefined && (await kept.text()) === "`+lang+`";
	})()`)
}

// TestBrowserPagesInChosenLanguage: a reader who chose Chinese gets every
// page pre-rendered in Chinese, from the first byte, not an English page
// the app re-draws a second later: after the service worker knows the
// choice, on `mqttviz serve` and on a static site under a sub-path; and
// a link with ?lang=zh opens in Chinese on `mqttviz serve` even on a
// first visit. Choosing English again gives English pages.
func TestBrowserPagesInChosenLanguage(t *testing.T) {
	serve := serveLoopback(t, "127.0.0.1", webHandler(t, webDir))
	sites := []struct{ name, base string }{
		{"serve", serve},
		{"static", staticSite(t)},
	}
	for _, site := range sites {
		t.Run(site.name, func(t *testing.T) {
			ctx := newBrowserWithWorker(t, 1280, 800)
			onEveryDocument(t, ctx, beforeApp)
			checkBeforeApp(t, ctx, site.base, "/decode/", "en")
			resp, err := http.Get(site.base + "/app-worker.js")
			if err != nil {
				t.Fatal(err)
			}
			waitCached(t, ctx, parseWorkerConfig(t, resp))
			do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
			waitWorkerLang(t, ctx, site.base, "zh")
			for _, p := range []string{"/decode/", "/lessons/qos2/", "/", "/scenario/", "/lessons/wildcards/index.html"} {
				checkBeforeApp(t, ctx, site.base, p, "zh")
			}
			checkBeforeApp(t, ctx, site.base, "/decode/?lang=en", "en")
			do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))
			waitWorkerLang(t, ctx, site.base, "en")
			checkBeforeApp(t, ctx, site.base, "/lessons/qos2/", "en")
		})
	}
	t.Run("serve first visit", func(t *testing.T) {
		ctx := newBrowserWithWorker(t, 1280, 800)
		onEveryDocument(t, ctx, beforeApp)
		checkBeforeApp(t, ctx, serve, "/lessons/qos2/?lang=zh&step=3", "zh")
		if got := eval[string](t, ctx, `location.search`); got != "?lang=zh&step=3" {
			t.Errorf("the address is %q after the app took over", got)
		}
	})
}

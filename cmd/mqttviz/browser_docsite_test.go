package main

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"mqttviz/docs"
	"mqttviz/internal/docsite"
)

// openDoc navigates to a page of the documentation (plain HTML: no
// wasm, nothing to wait for but the document).
func openDoc(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(url))
	waitDoc(t, ctx, url[strings.Index(url, "/mqttviz/"):])
}

// waitDoc waits until the tab shows the documentation's page path, loaded:
// after a click the document is replaced while the poll runs, which takes
// the poll's execution context with it, so it polls again in the new one.
func waitDoc(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	cond := `location.pathname === ` + jsQuote(path) + ` && document.readyState === "complete" && !!document.querySelector(".docs-article h1, .docs-chooser h1")`
	var err error
	for try := 0; try < 5; try++ {
		_, err = chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(30*time.Second)))
		if !documentGone(err) {
			break
		}
	}
	if err != nil {
		where, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		t.Fatalf("waiting for the page %s (the tab is at %s): %v", path, where, err)
	}
}

// jsQuote quotes s as a JavaScript string.
func jsQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestBrowserDocsite walks the documentation of the static site under a
// sub-path (python3 -m http.server): from the English index by its
// links to a page, to the same page in Chinese by the language switch,
// on by the pager; a lesson embedded where the text talks about it.
func TestBrowserDocsite(t *testing.T) {
	site := staticSite(t)
	ctx := newBrowser(t, 1280, 800)

	openDoc(t, ctx, site+"/docs/en/")
	if got := eval[string](t, ctx, `document.documentElement.lang + " " + document.title`); got != "en Documentation · mqttviz documentation" {
		t.Errorf("the English index is %q", got)
	}
	do(t, ctx, chromedp.Click(`.docs-nav a[href="/mqttviz/docs/en/getting-started/"]`))
	waitDoc(t, ctx, "/mqttviz/docs/en/getting-started/")
	if got := eval[string](t, ctx, `document.querySelector(".docs-article h1").textContent + " | " + document.querySelector('.docs-nav a[aria-current="page"]').textContent`); got != "Getting started | Getting started" {
		t.Errorf("getting started shows %q", got)
	}

	do(t, ctx, chromedp.Click(`#doc-lang-zh-Hans`))
	waitDoc(t, ctx, "/mqttviz/docs/zh/getting-started/")
	if got := eval[string](t, ctx, `document.documentElement.lang + " " + document.querySelector(".docs-article h1").textContent + " " + document.title`); got != "zh-Hans 快速上手 快速上手 · mqttviz 文档" {
		t.Errorf("the Chinese page is %q", got)
	}
	// The lesson the text talks about, embedded in the page's language.
	frame := eval[string](t, ctx, `(() => { const f = document.querySelector(".docs-frame iframe"); return f.getAttribute("src") + " " + f.loading + " " + f.title })()`)
	if want := "/mqttviz/embed/lessons/qos2/?step=9&lang=zh lazy 嵌入的课程：QoS 2：只有一次，四次握手"; frame != want {
		t.Errorf("the embedded lesson is %q, want %q", frame, want)
	}

	do(t, ctx, chromedp.Click(`.docs-pager .docs-next`))
	waitDoc(t, ctx, "/mqttviz/docs/zh/lessons/")
	frame = eval[string](t, ctx, `document.querySelector(".docs-frame iframe").src`)
	if want := site + "/embed/lessons/qos1-lost-puback/?step=12&lang=zh"; frame != want {
		t.Errorf("the lessons page embeds %q, want %q", frame, want)
	}
	// The frame, its poster shown, takes the height its content reports.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(".docs-frame").scrollIntoView({block: "center"})`))
	waitForWithin(t, ctx, `(() => {
		const f = document.querySelector(".docs-frame iframe"), d = f.contentDocument;
		const poster = d && d.querySelector(".poster:not([hidden])");
		return !!poster && f.style.height !== "" && Math.abs(f.getBoundingClientRect().height - d.documentElement.getBoundingClientRect().height) <= 2;
	})()`, 30*time.Second)
	do(t, ctx, chromedp.Click(`#doc-lang-en`))
	waitDoc(t, ctx, "/mqttviz/docs/en/lessons/")
	do(t, ctx, chromedp.Click(`.docs-nav a[href="/mqttviz/docs/en/catalogue/"]`))
	waitDoc(t, ctx, "/mqttviz/docs/en/catalogue/")
	if n := eval[int](t, ctx, `document.querySelectorAll(".docs-catalogue > li").length`); n < 30 {
		t.Errorf("the catalogue lists %d lessons", n)
	}
}

// crawlDocs is run in a page of the site: from /docs/ it fetches every
// page of the documentation it can reach by links, and checks every
// address of the site those pages name (links, pictures, styles,
// frames): each must answer 200, and a fragment must be an id of its
// page. It resolves to the failures, one line each, and the number of
// pages and addresses checked.
const crawlDocs = `(async (root) => {
	const pages = [root], seen = new Set(pages), checked = new Map(), bad = [];
	const docs = new Map();
	const get = async (url) => {
		if (!checked.has(url)) {
			checked.set(url, fetch(url).then(async (r) => ({status: r.status, type: r.headers.get("Content-Type") || "", text: r.ok ? await r.text() : ""})));
		}
		return checked.get(url);
	};
	for (let i = 0; i < pages.length; i++) {
		const r = await get(pages[i]);
		if (r.status !== 200) { bad.push(pages[i] + ": " + r.status); continue; }
		const doc = new DOMParser().parseFromString(r.text, "text/html");
		docs.set(pages[i], doc);
		for (const el of doc.querySelectorAll("a[href], img[src], link[href], iframe[src]")) {
			const raw = el.getAttribute(el.hasAttribute("href") ? "href" : "src");
			const u = new URL(raw, pages[i]);
			if (u.origin !== location.origin) continue;
			const file = u.origin + u.pathname;
			const target = await get(u.origin + u.pathname + u.search);
			if (target.status !== 200) { bad.push(pages[i] + " → " + raw + ": " + target.status); continue; }
			if (u.pathname.startsWith(new URL(root).pathname) && target.type.startsWith("text/html") && !seen.has(file)) {
				seen.add(file); pages.push(file);
			}
			if (u.hash.length > 1) {
				const id = decodeURIComponent(u.hash.slice(1));
				const tdoc = file === pages[i] ? doc : new DOMParser().parseFromString(target.text, "text/html");
				if (!tdoc.getElementById(id)) bad.push(pages[i] + " → " + raw + ": no id " + id);
			}
		}
	}
	return JSON.stringify({bad, pages: pages.length, checked: checked.size});
})`

// TestBrowserDocsiteLinks crawls the documentation of the static site:
// no address of the site that a page of it names is missing, in either
// language, the lessons' frames and the catalogue's embed links too.
func TestBrowserDocsiteLinks(t *testing.T) {
	site := staticSite(t)
	ctx := newBrowser(t, 1280, 800)
	openDoc(t, ctx, site+"/docs/en/")
	var res struct {
		Bad            []string
		Pages, Checked int
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](crawlDocs+`(`+jsQuote(site+"/docs/")+`)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	for _, b := range res.Bad {
		t.Error(b)
	}
	// /docs/, two indexes, two catalogues and two of every file's page.
	if res.Pages < 15 {
		t.Errorf("the crawl reached %d pages of the documentation", res.Pages)
	}
	t.Logf("%d pages, %d addresses checked", res.Pages, res.Checked)
}

// TestBrowserDocsiteFromApp: the app's header links to the
// documentation in the page's language, and the link opens the
// documentation's page, not the app's not-found page.
func TestBrowserDocsiteFromApp(t *testing.T) {
	site := staticSite(t)
	ctx := newBrowser(t, 1280, 800)
	for _, lang := range []string{"en", "zh"} {
		open(t, ctx, site, "/lessons/qos2/")
		if lang == "zh" {
			setLang(t, ctx, "zh")
		}
		want := "/mqttviz/docs/" + lang + "/"
		waitFor(t, ctx, `document.querySelector("#nav-docs").getAttribute("href") === `+jsQuote(want))
		do(t, ctx, chromedp.Click(`#nav-docs`))
		waitDoc(t, ctx, want)
		if got := eval[string](t, ctx, `document.documentElement.lang`); got != map[string]string{"en": "en", "zh": "zh-Hans"}[lang] {
			t.Errorf("%s: the documentation opened in %q", lang, got)
		}
	}
}

// TestBrowserDocsiteA11y runs axe-core on every page of the
// documentation in both languages and on /docs/ at 1280×800, and on four of them on a
// phone (390×844), where no page may be wider than the screen; it takes
// the four's screenshots at both sizes.
func TestBrowserDocsiteA11y(t *testing.T) {
	site := staticSite(t)
	names, err := docsite.Pages(docs.Files)
	if err != nil {
		t.Fatal(err)
	}
	type page struct{ lang, name string }
	all := []page{{"", ""}} // /docs/, the choice of language
	for _, lang := range []string{"en", "zh"} {
		all = append(all, page{lang, ""})
		for _, n := range names {
			all = append(all, page{lang, n})
		}
	}
	shots := []page{{"en", "getting-started"}, {"zh", "getting-started"}, {"en", "catalogue"}, {"zh", "lessons"}}
	for _, size := range []struct {
		name  string
		w, h  int
		pages []page
	}{{"1280", 1280, 800, all}, {"390", 390, 844, shots}} {
		ctx := newBrowser(t, size.w, size.h)
		do(t, ctx, chromedp.EmulateViewport(int64(size.w), int64(size.h)))
		for _, p := range size.pages {
			path := "/docs/" + p.lang + "/"
			if p.lang == "" {
				path = "/docs/"
			}
			if p.name != "" {
				path += p.name + "/"
			}
			openDoc(t, ctx, site+path)
			if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > size.w {
				t.Errorf("%s: the page is %d px wide on a %d px screen", path, w, size.w)
			}
			checkAxe(t, ctx, path+" at "+size.name)
			if slices.Contains(shots, p) {
				shoot(t, ctx, "docs-"+p.name+"-"+size.name+"-"+p.lang)
			}
			if *screenshots && p == (page{"zh", "lessons"}) {
				// The first lesson the page embeds, its poster shown.
				do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector(".docs-frame").scrollIntoView({block: "center"})`))
				waitForWithin(t, ctx, `(() => { const d = document.querySelector(".docs-frame iframe").contentDocument; const img = d && d.querySelector(".poster:not([hidden]) .poster-still"); return !!img && (img.tagName !== "IMG" || (img.complete && img.naturalWidth > 0)); })()`, 30*time.Second)
				shoot(t, ctx, "docs-frame-"+size.name+"-zh")
			}
		}
	}
}

// TestBrowserDocsiteOffline: after one visit to the app, with the static
// site's server stopped and the HTTP cache cleared, the documentation's
// pages never opened before open from the service worker's cache, the
// language switch too.
func TestBrowserDocsiteOffline(t *testing.T) {
	base, stop := stoppableStaticSite(t)
	ctx := newBrowserWithWorker(t, 1280, 800)
	open(t, ctx, base, "/")
	worker, err := http.Get(base + "/app-worker.js")
	if err != nil {
		t.Fatal(err)
	}
	waitCached(t, ctx, parseWorkerConfig(t, worker))
	stop()
	clearHTTPCache(t, ctx)
	openDoc(t, ctx, base+"/docs/zh/lessons/")
	if got := navigationStatus(t, ctx); got != http.StatusOK {
		t.Errorf("the Chinese lessons page, offline, answered %d", got)
	}
	do(t, ctx, chromedp.Click(`#doc-lang-en`))
	waitDoc(t, ctx, "/mqttviz/docs/en/lessons/")
	if got := eval[bool](t, ctx, `document.styleSheets.length === 2 && getComputedStyle(document.querySelector(".docs-nav a[aria-current]")).color === "rgb(255, 255, 255)"`); !got {
		t.Error("the English lessons page, offline, has lost its styles")
	}
}

// TestBrowserDocsiteServe: `mqttviz serve` answers the documentation's
// pages; an address under /docs/ that is no page gets the app's
// not-found page, which the app shows as such, loaded once (the app does
// not load it again from the server, in a loop).
func TestBrowserDocsiteServe(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	do(t, ctx, chromedp.Navigate(base+"/docs/zh/catalogue/"))
	waitFor(t, ctx, `document.documentElement.lang === "zh-Hans" && document.querySelector(".docs-article h1").textContent === "课程目录"`)
	open(t, ctx, base, "/docs/no-such-page/")
	waitFor(t, ctx, `document.querySelector("#notfound-title") !== null`)
	if got := eval[string](t, ctx, `performance.getEntriesByType("navigation")[0].type + " " + performance.getEntriesByType("navigation")[0].responseStatus`); got != "navigate 404" {
		t.Errorf("the not-found page under /docs/ was loaded as %q, want navigate 404", got)
	}
}

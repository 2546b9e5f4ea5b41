package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// embedServer is the app, served as `mqttviz serve` serves it, counting
// the requests for what only a started app asks for.
type embedServer struct {
	url                 string
	wasm, appJS, worker atomic.Int64
}

// newEmbedServer serves the app on a free loopback port (127.0.0.1)
// until the test ends.
func newEmbedServer(t *testing.T) *embedServer {
	t.Helper()
	ensureWASM(t)
	h := webHandler(t, webDir)
	es := &embedServer{}
	srv := serveLoopback(t, "127.0.0.1", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/web/app.wasm":
			es.wasm.Add(1)
		case "/app.js":
			es.appJS.Add(1)
		case "/app-worker.js":
			es.worker.Add(1)
		}
		h.ServeHTTP(w, r)
	}))
	es.url = srv
	return es
}

// serveLoopback serves h on a free port of host until the test ends and
// returns its address, http://host:PORT.
func serveLoopback(t *testing.T, host string, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + host + ":" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

// requests says what the app server has been asked for so far.
func (es *embedServer) requests() string {
	return fmt.Sprintf("app.wasm %d, app.js %d, app-worker.js %d", es.wasm.Load(), es.appJS.Load(), es.worker.Load())
}

// evilPage is a page of the host's origin in a frame beside the embeds:
// asked by the test, it posts to the first embed, as another window of
// the host's page could.
const evilPage = `<!DOCTYPE html><html lang="en"><title>sibling</title><body><script>
addEventListener("message", (e) => {
  if (e.source !== parent) return;
  for (const m of e.data.msgs) parent.frames[e.data.target].postMessage(m, "*");
  parent.postMessage({ sibling: "sent" }, "*");
});
parent.postMessage({ sibling: "ready" }, "*");
</script></body></html>`

// hostSite serves the repository's host page (web/embed-host.html, .js,
// .css) on another origin than the app's: localhost instead of
// 127.0.0.1, another port. Its frames point at the app's server.
func hostSite(t *testing.T, app string) string {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(webDir, "embed-host.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := strings.ReplaceAll(string(page), `data-embed="../embed/`, `data-embed="`+app+`/embed/`)
	if html == string(page) {
		t.Fatal("the host page embeds nothing at ../embed/")
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/web/embed-host.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(html))
	})
	for _, f := range []string{"embed-host.js", "embed-host.css", "icon.svg"} {
		name := f
		mux.HandleFunc("/web/"+name, func(w http.ResponseWriter, r *http.Request) {
			http.ServeFile(w, r, filepath.Join(webDir, name))
		})
	}
	mux.HandleFunc("/sibling.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(evilPage))
	})
	return serveLoopback(t, "localhost", mux)
}

// frameState returns a data- attribute the host page keeps on an embed's
// iframe from its messages.
func frameState(t *testing.T, ctx context.Context, id, key string) string {
	t.Helper()
	return eval[string](t, ctx, `document.getElementById("`+id+`").dataset.`+key+` || ""`)
}

// clickFrame clicks the middle of an iframe, where its poster's button
// is, until the frame says it is loading. A frame that has only just
// been drawn may not get the first click: Chromium routes a click to a
// frame of another site only once it knows where that frame is drawn.
func clickFrame(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("`+id+`").scrollIntoView({block: "center"})`))
	for try := 0; try < 20; try++ {
		box := eval[[]float64](t, ctx, `(() => { const r = document.getElementById("`+id+`").getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
		do(t, ctx, chromedp.MouseClickXY(box[0], box[1]))
		for wait := 0; wait < 20; wait++ {
			if frameState(t, ctx, id, "state") != "poster" {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	t.Fatalf("20 clicks on %s, and it still shows its poster", id)
}

// pressHostButton presses the host page's button of the first frame:
// a DOM click, not the mouse at its place, since the frame above it
// resizes as its steps change and moves the buttons (a mouse click once
// missed the pause button in a full run).
func pressHostButton(t *testing.T, ctx context.Context, class string) {
	t.Helper()
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-for="embed-1"] .`+class+`').click()`))
}

// TestBrowserEmbedHost: the host page on another origin embeds two
// lessons. Until a frame is clicked nothing asks for app.wasm; each
// frame resizes to its content, reports its steps, obeys play, pause,
// goto and lang; a malformed message, or one from a sibling frame,
// changes nothing.
func TestBrowserEmbedHost(t *testing.T) {
	app := newEmbedServer(t)
	host := hostSite(t, app.url)
	ctx := newBrowser(t, 1280, 800)
	do(t, ctx, chromedp.Navigate(host+"/web/embed-host.html"))
	// Both posters are up and have said their height.
	waitForWithin(t, ctx, `document.readyState === "complete" && ["embed-1", "embed-2"].every((id) => { const f = document.getElementById(id); return f.dataset.state === "poster" && f.dataset.height > 0 && f.style.height === f.dataset.height + "px"; })`, 30*time.Second)
	if app.wasm.Load() != 0 || app.appJS.Load() != 0 || app.worker.Load() != 0 {
		t.Fatalf("before any click the server was asked for %s", app.requests())
	}
	posterHeight, _ := strconv.Atoi(frameState(t, ctx, "embed-1", "height"))
	axeSource(t)
	checkAxe(t, ctx, "host page with two posters")

	// A click loads the first frame, at its first step, and resizes it.
	clickFrame(t, ctx, "embed-1")
	steps := lessonSteps(t, "qos2")
	waitForWithin(t, ctx, `document.getElementById("embed-1").dataset.state === "ready"`, 60*time.Second)
	if app.wasm.Load() == 0 {
		t.Errorf("the frame is ready but app.wasm was never asked for: %s", app.requests())
	}
	if got := frameState(t, ctx, "embed-2", "state"); got != "poster" {
		t.Errorf("the second frame is %q after a click on the first, want still a poster", got)
	}
	if got, want := frameState(t, ctx, "embed-1", "step")+"/"+frameState(t, ctx, "embed-1", "steps"), "1/"+strconv.Itoa(steps); got != want {
		t.Errorf("ready at step %s, want %s", got, want)
	}
	waitFor(t, ctx, `(() => { const f = document.getElementById("embed-1"); return f.dataset.height > `+strconv.Itoa(posterHeight)+` && f.style.height === f.dataset.height + "px"; })()`)
	// Install a log of every step the frames report from here on.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`window.reports = []; addEventListener("message", (e) => { if (e.data && e.data.type === "mqttviz:step") reports.push(e.data); })`))

	// The host page's buttons drive it.
	pressHostButton(t, ctx, "host-forward")
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.step === "2"`)
	do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-for="embed-1"] .host-step`), "5"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-for="embed-1"] .host-step').dispatchEvent(new Event("change"))`))
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.step === "5"`)
	pressHostButton(t, ctx, "host-play")
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.playing === "true"`)
	waitFor(t, ctx, `Number(document.getElementById("embed-1").dataset.step) >= 6`)
	pressHostButton(t, ctx, "host-play")
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.playing === "false"`)
	paused := frameState(t, ctx, "embed-1", "step")
	// Paused, it stays: three ticks of the player's speed go by.
	time.Sleep(3 * 1200 * time.Millisecond)
	if got := frameState(t, ctx, "embed-1", "step"); got != paused {
		t.Errorf("paused at step %s, then at %s", paused, got)
	}
	pressHostButton(t, ctx, "host-lang")
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.lang === "zh"`)

	// Malformed messages from the parent change nothing; the goto after
	// them is the fence that says they have all been read.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const f = document.getElementById("embed-1").contentWindow;
		reports.length = 0;
		for (const m of [
			{type: "mqttviz:goto", v: 1, step: "2"}, {type: "mqttviz:goto", v: 2, step: 2}, {type: "mqttviz:goto", step: 2},
			{type: "mqttviz:goto", v: 1, step: 0}, {type: "mqttviz:goto", v: 1, step: 2.5}, {type: "mqttviz:goto", v: 1, step: 1e9},
			{type: "mqttviz:goto", v: "1", step: 2}, {type: "goto", v: 1, step: 2}, {type: "mqttviz:play", v: "1"},
			{type: "mqttviz:lang", v: 1, lang: "fr"}, {type: "mqttviz:lang", v: 1, lang: ["en"]}, ["mqttviz:goto", 1, 2],
			"mqttviz:play", null, 7, {type: "mqttviz:reload", v: 1},
		]) f.postMessage(m, "*");
		f.postMessage({type: "mqttviz:goto", v: 1, step: 3}, "*");
	})()`))
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.step === "3"`)
	if got := eval[string](t, ctx, `JSON.stringify(reports.map((r) => [r.step, r.playing, r.lang]))`); got != `[[3,false,"zh"]]` {
		t.Errorf("after the malformed messages and a goto to 3 the frame reported %s", got)
	}

	// A sibling frame of the host's own origin posts to the embed: ignored.
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		const s = document.createElement("iframe");
		s.id = "sibling"; s.title = "sibling"; s.src = "/sibling.html";
		window.siblingSent = window.siblingReady = false;
		addEventListener("message", (e) => {
			if (e.data && e.data.sibling === "ready") siblingReady = true;
			if (e.data && e.data.sibling === "sent") siblingSent = true;
		});
		document.body.appendChild(s);
	})()`))
	waitFor(t, ctx, `siblingReady`)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`(() => {
		reports.length = 0;
		const s = document.getElementById("sibling").contentWindow;
		s.postMessage({target: 0, msgs: [{type: "mqttviz:goto", v: 1, step: 7}, {type: "mqttviz:play", v: 1}, {type: "mqttviz:lang", v: 1, lang: "en"}]}, "*");
	})()`))
	waitFor(t, ctx, `siblingSent`)
	do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("embed-1").contentWindow.postMessage({type: "mqttviz:goto", v: 1, step: 4}, "*")`))
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.step === "4"`)
	if got := eval[string](t, ctx, `JSON.stringify(reports.map((r) => [r.step, r.playing, r.lang]))`); got != `[[4,false,"zh"]]` {
		t.Errorf("after the sibling's messages and a goto to 4 the frame reported %s", got)
	}

	// The second frame opens at the step of its address.
	clickFrame(t, ctx, "embed-2")
	waitForWithin(t, ctx, `document.getElementById("embed-2").dataset.state === "ready"`, 60*time.Second)
	if got := frameState(t, ctx, "embed-2", "step"); got != "5" {
		t.Errorf("the second frame opened at step %s, want 5 (?step=5)", got)
	}
	if got := frameState(t, ctx, "embed-2", "steps"); got != strconv.Itoa(lessonSteps(t, "will-keepalive")) {
		t.Errorf("the second frame has %s steps", got)
	}
}

// openPoster opens an embed page in the tab itself (no frame) and waits
// for its poster, shown in the address's language.
func openPoster(t *testing.T, ctx context.Context, base, path string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate(base+path))
	waitForWithin(t, ctx, `document.readyState === "complete" && document.querySelector(".poster:not([hidden]) .poster-start") !== null`, 30*time.Second)
}

// startPosterByKeyboard tabs to the poster's button and presses Enter;
// the app then replaces the poster and marks itself interactive.
func startPosterByKeyboard(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, chromedp.KeyEvent(kb.Tab))
	waitFor(t, ctx, `document.activeElement && document.activeElement.matches(".poster:not([hidden]) .poster-start")`)
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitForWithin(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0 && document.querySelector("#embed-title") !== null`, 60*time.Second)
}

// TestBrowserEmbedPoster: an embed page opened by itself shows its
// poster in the language of its address, with the still drawn, and
// nothing asks for app.wasm; the keyboard reaches the button, and Enter
// starts the app at the address's step with the panels it names.
// axe-core finds nothing on the poster or on the player, in English and
// in Chinese. ?poster=0 loads at once; the scenario and decode embeds
// open what their address carries.
func TestBrowserEmbedPoster(t *testing.T) {
	app := newEmbedServer(t)
	axeSource(t)
	steps := lessonSteps(t, "qos2")
	for _, lang := range []string{"en", "zh"} {
		// As tall as a host that resizes the frame to its content makes it.
		ctx := newBrowser(t, 640, 1100)
		before := app.requests()
		openPoster(t, ctx, app.url, "/embed/lessons/qos2/?step=4&panels=state,inspector&lang="+lang)
		waitFor(t, ctx, `document.querySelector(".poster:not([hidden]) .poster-still").naturalWidth > 0`)
		wantTag := map[string]string{"en": "en", "zh": "zh-CN"}[lang]
		if got := eval[string](t, ctx, `document.documentElement.lang + " " + document.querySelector(".poster:not([hidden])").dataset.lang + " " + document.querySelectorAll(".poster:not([hidden])").length`); got != wantTag+" "+lang+" 1" {
			t.Errorf("%s: html lang, poster shown, posters shown: %s", lang, got)
		}
		if got := eval[string](t, ctx, `document.querySelector(".poster:not([hidden]) .poster-open").getAttribute("href")`); got != app.url+"/lessons/qos2/?lang="+lang {
			t.Errorf("%s: the poster links %s", lang, got)
		}
		checkAxe(t, ctx, "embed poster "+lang)
		if after := app.requests(); after != before {
			t.Fatalf("%s: the poster alone asked for more than the poster: %s before it, %s after", lang, before, after)
		}
		startPosterByKeyboard(t, ctx)
		if got, want := eval[string](t, ctx, `document.getElementById("position").textContent`), map[string]string{"en": fmt.Sprintf("Step 4 of %d", steps), "zh": fmt.Sprintf("第 4 步，共 %d 步", steps)}[lang]; got != want {
			t.Errorf("%s: the player opened at %q, want %q", lang, got, want)
		}
		if got := eval[string](t, ctx, `document.documentElement.lang + " " + !!document.querySelector(".state-panel") + " " + !!document.querySelector(".inspector-panel") + " " + !!document.querySelector(".events-panel") + " " + !!document.querySelector(".topbar")`); got != wantTag+" true true false false" {
			t.Errorf("%s: lang, state, inspector, events, header: %s", lang, got)
		}
		// The player bar stays at the top of the frame: with the page
		// scrolled, axe could not tell the colours of what is under it.
		eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
		checkAxe(t, ctx, "embed player with panels "+lang)
	}

	// A frame of 320×240 that the host does not resize.
	ctx := newBrowser(t, 800, 600)
	do(t, ctx, chromedp.EmulateViewport(320, 240))
	// ?poster=0 loads at once, here with autoplay at speed 4.
	do(t, ctx, chromedp.Navigate(app.url+"/embed/lessons/qos2/?poster=0&autoplay=1&speed=4"))
	waitForWithin(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0 && document.getElementById("ctl-speed") !== null`, 60*time.Second)
	waitFor(t, ctx, `document.getElementById("ctl-speed").value === "4" && /^Step [2-9]/.test(document.getElementById("position").textContent)`)
	width := eval[int](t, ctx, `document.documentElement.scrollWidth`)
	top := eval[float64](t, ctx, `document.getElementById("diagram-scroll").getBoundingClientRect().top`)
	if width != 320 || top > 140 {
		t.Errorf("at 320×240 the page is %d px wide and the diagram's box starts at %.0f px; want 320 and in the top 140 px", width, top)
	}
	// A scenario link's fragment, and decode's ?hex=.
	const src = "title en: Embedded\ntitle zh: 嵌入的场景\nclient a\nconnect a\n"
	do(t, ctx, chromedp.Navigate(app.url+"/embed/scenario/?poster=0&lang=zh#"+shareFragment(src)))
	waitForWithin(t, ctx, `document.getElementById("embed-title") !== null && document.getElementById("embed-title").textContent === "嵌入的场景"`, 60*time.Second)
	do(t, ctx, chromedp.Navigate(app.url+"/embed/decode/?poster=0&hex=c000"))
	waitForWithin(t, ctx, `document.querySelectorAll(".inspector-panel .byte").length === 2 && document.getElementById("decode-input") === null`, 60*time.Second)
}

// TestBrowserEmbedStatic: the static site under a sub-path, served by a
// plain file server, has every embed page: the poster's still and links
// resolve under the sub-path, and the app starts at the address's step.
func TestBrowserEmbedStatic(t *testing.T) {
	base := staticSite(t)
	ctx := newBrowser(t, 800, 600)
	openPoster(t, ctx, base, "/embed/lessons/qos1/?step=2")
	waitFor(t, ctx, `document.querySelector(".poster:not([hidden]) .poster-still").naturalWidth > 0`)
	if got := eval[string](t, ctx, `new URL(document.querySelector(".poster:not([hidden]) .poster-still").src).pathname`); got != "/mqttviz/embed/lessons/qos1/poster.svg" {
		t.Errorf("the still is %s", got)
	}
	startPosterByKeyboard(t, ctx)
	if got := eval[string](t, ctx, `document.getElementById("position").textContent`); !strings.HasPrefix(got, "Step 2 of ") {
		t.Errorf("the static embed opened at %q", got)
	}
	if got := eval[string](t, ctx, `new URL(document.getElementById("embed-open").href).pathname`); got != "/mqttviz/lessons/qos1/" {
		t.Errorf("the embed links %s", got)
	}
	// The host page is a page of the site, here in Chinese.
	axeSource(t)
	do(t, ctx, chromedp.Navigate(base+"/web/embed-host.html?lang=zh"))
	waitForWithin(t, ctx, `document.readyState === "complete" && document.getElementById("embed-1").dataset.state === "poster" && document.documentElement.lang === "zh-CN"`, 30*time.Second)
	checkAxe(t, ctx, "host page in Chinese")
}

// TestBrowserEmbedScreenshots saves the host page with its two embeds,
// as posters and with the first loaded, at 1280×800 and 390×844, in
// English and Chinese (-screenshots).
func TestBrowserEmbedScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("run with -screenshots")
	}
	app := newEmbedServer(t)
	host := hostSite(t, app.url)
	for _, size := range [][2]int{{1280, 800}, {390, 844}} {
		for _, lang := range []string{"en", "zh"} {
			ctx := newBrowser(t, size[0], size[1])
			name := fmt.Sprintf("embed-host-%%s-%d-%s", size[0], lang)
			do(t, ctx, chromedp.Navigate(host+"/web/embed-host.html?lang="+lang))
			waitForWithin(t, ctx, `document.readyState === "complete" && ["embed-1", "embed-2"].every((id) => document.getElementById(id).dataset.state === "poster" && document.getElementById(id).dataset.height > 0)`, 30*time.Second)
			do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("demo1-title").scrollIntoView()`))
			// Both stills have drawn.
			time.Sleep(time.Second)
			shoot(t, ctx, fmt.Sprintf(name, "poster"))
			clickFrame(t, ctx, "embed-1")
			waitForWithin(t, ctx, `document.getElementById("embed-1").dataset.state === "ready"`, 60*time.Second)
			do(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("demo1-title").scrollIntoView()`))
			// The frame has drawn at its new height.
			waitFor(t, ctx, `document.getElementById("embed-1").style.height === document.getElementById("embed-1").dataset.height + "px"`)
			time.Sleep(time.Second)
			shoot(t, ctx, fmt.Sprintf(name, "loaded"))
		}
	}
}

// TestBrowserEmbedOffline: an embed started once (its first visit: the
// poster asks for no app.wasm, the click downloads it once) keeps the
// app for offline use; with the server gone and the HTTP cache cleared,
// another lesson's embed, never opened, shows its poster and starts.
func TestBrowserEmbedOffline(t *testing.T) {
	srv := newOfflineServer(t, webDir)
	ctx := newBrowserWithWorker(t, 800, 600)
	openPoster(t, ctx, srv.url, "/embed/lessons/qos1/")
	if n := srv.wasmDownloads.Load(); n != 0 {
		t.Fatalf("the poster downloaded app.wasm %d times", n)
	}
	startPosterByKeyboard(t, ctx)
	cfg := workerConfig(t, srv.handler(), "/app-worker.js")
	waitCached(t, ctx, cfg)
	if n := srv.wasmDownloads.Load(); n != 1 {
		t.Errorf("app.wasm was downloaded %d times, want once", n)
	}
	srv.stop()
	clearHTTPCache(t, ctx)
	openPoster(t, ctx, srv.url, "/embed/lessons/qos2/?step=3&lang=zh")
	startPosterByKeyboard(t, ctx)
	if got := eval[string](t, ctx, `document.getElementById("position").textContent`); !strings.HasPrefix(got, "第 3 步") {
		t.Errorf("offline, the embed opened at %q", got)
	}
}

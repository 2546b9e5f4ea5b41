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
	s, err := loadSite(webDir)
	if err != nil {
		t.Fatal(err)
	}
	<-s.ready
	h, err := s.Handler()
	if err != nil {
		t.Fatal(err)
	}
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
	shoot(t, ctx, "embed-host-poster-1280-en")

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
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-for="embed-1"] .host-forward`)))
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.step === "2"`)
	do(t, ctx, chromedp.SetValue(chromedp.CSS(`[data-for="embed-1"] .host-step`), "5"),
		chromedp.Evaluate[chromedp.Void](`document.querySelector('[data-for="embed-1"] .host-step').dispatchEvent(new Event("change"))`))
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.step === "5"`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-for="embed-1"] .host-play`)))
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.playing === "true"`)
	waitFor(t, ctx, `Number(document.getElementById("embed-1").dataset.step) >= 6`)
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-for="embed-1"] .host-play`)))
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.playing === "false"`)
	paused := frameState(t, ctx, "embed-1", "step")
	// Paused, it stays: three ticks of the player's speed go by.
	time.Sleep(3 * 1200 * time.Millisecond)
	if got := frameState(t, ctx, "embed-1", "step"); got != paused {
		t.Errorf("paused at step %s, then at %s", paused, got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`[data-for="embed-1"] .host-lang`)))
	waitFor(t, ctx, `document.getElementById("embed-1").dataset.lang === "zh"`)
	shoot(t, ctx, "embed-host-loaded-1280-en")

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

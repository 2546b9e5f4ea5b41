package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
)

// TestBrowserOfflineServe visits the home page of `mqttviz serve` once,
// stops the server and clears the HTTP cache: the app then opens by
// any link, pages never visited included, from the service worker's
// cache, and app.wasm was downloaded once.
func TestBrowserOfflineServe(t *testing.T) {
	srv := newOfflineServer(t, webDir)
	ctx := newBrowserWithWorker(t, 1280, 800)
	open(t, ctx, srv.url, "/")
	cfg := workerConfig(t, srv.handler(), "/app-worker.js")
	waitCached(t, ctx, cfg)
	if n := srv.wasmDownloads.Load(); n != 1 {
		t.Errorf("app.wasm was downloaded %d times on the first visit, want once", n)
	}
	if *perf {
		size, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(async () => {
			const c = await caches.open(`+strconv.Quote(cacheName(cfg))+`);
			let n = 0;
			for (const r of await c.keys()) n += (await (await c.match(r)).blob()).size;
			return n;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("first visit of /, until the cache is full: %d requests, %d bytes sent by the server (compressed as the browser accepts), of which app.wasm %d", srv.requests.Load(), srv.sent.Load(), srv.wasmSent.Load())
		t.Logf("cache %s: %d files, %d bytes", cacheName(cfg), len(cfg.Files), int(size))
		srv.requests.Store(0)
		srv.sent.Store(0)
		do(t, ctx, chromedp.Reload())
		waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0`)
		time.Sleep(time.Second)
		t.Logf("a second visit: %d requests, %d bytes sent by the server", srv.requests.Load(), srv.sent.Load())
	}
	// Installable: a manifest with local icons and a service worker.
	inst, err := chromedp.Call(ctx, page.GetInstallabilityErrors, cdp.Empty{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range inst.InstallabilityErrors {
		t.Errorf("not installable: %s", e.ErrorID)
	}
	srv.stop()
	clearHTTPCache(t, ctx)
	checkOffline(t, ctx, srv.url)
	checkCrossOrigin(t, ctx)
}

// checkCrossOrigin: a request to another origin goes to its server every
// time, and nothing of it is cached, the site's own server being gone.
func checkCrossOrigin(t *testing.T, ctx context.Context) {
	t.Helper()
	var seen atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen.Add(1)
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Write([]byte("from the other origin"))
	}))
	defer other.Close()
	for i := 0; i < 2; i++ {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(`+strconv.Quote(other.URL+"/x")+`).then((r) => r.text(), (e) => String(e))`, chromedp.EvalAwaitPromise))
		if err != nil || got != "from the other origin" {
			t.Fatalf("a request to another origin gave %q (%v)", got, err)
		}
	}
	if n := seen.Load(); n != 2 {
		t.Errorf("the other origin's server saw %d of 2 requests", n)
	}
	for name, paths := range cacheContents(t, ctx) {
		if slices.Contains(paths, "/x") {
			t.Errorf("the cache %s holds the other origin's /x", name)
		}
	}
}

// TestBrowserOfflineStatic is TestBrowserOfflineServe on the static site
// under a sub-path, served by a plain file server that is then stopped.
func TestBrowserOfflineStatic(t *testing.T) {
	base, stop := stoppableStaticSite(t)
	ctx := newBrowserWithWorker(t, 1280, 800)
	open(t, ctx, base, "/")
	worker, err := http.Get(base + "/app-worker.js")
	if err != nil {
		t.Fatal(err)
	}
	cfg := parseWorkerConfig(t, worker)
	if cfg.Base != "/mqttviz/" {
		t.Fatalf("the static site's worker has base %q", cfg.Base)
	}
	waitCached(t, ctx, cfg)
	stop()
	clearHTTPCache(t, ctx)
	checkOffline(t, ctx, base)
}

// TestBrowserOfflineUpdate serves a new build (app.wasm with other bytes)
// at the same address: the page says a new version is ready and keeps
// its own until the reader reloads; then the new build's cache is the
// only one, filled with one download of the new app.wasm.
func TestBrowserOfflineUpdate(t *testing.T) {
	srv := newOfflineServer(t, webDir)
	ctx := newBrowserWithWorker(t, 1280, 800)
	open(t, ctx, srv.url, "/")
	old := workerConfig(t, srv.handler(), "/app-worker.js")
	waitCached(t, ctx, old)

	newWeb := rebuiltWeb(t)
	srv.swap(t, newWeb)
	next := workerConfig(t, srv.handler(), "/app-worker.js")
	if next.Version == old.Version {
		t.Fatalf("a new app.wasm kept version %s", old.Version)
	}
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0`)
	waitForWithin(t, ctx, `document.querySelector("#update-notice") !== null`, 30*time.Second)
	if got := eval[string](t, ctx, `document.querySelector("#update-notice").textContent`); got != "A new version is ready.Reload" {
		t.Errorf("the update notice says %q", got)
	}
	// Until the reload, the page runs on the old build's cache, beside
	// which the new one waits, full.
	caches := cacheContents(t, ctx)
	if len(caches) != 2 || len(caches[cacheName(old)]) != len(old.Files) || len(caches[cacheName(next)]) != len(next.Files) {
		t.Errorf("while the new version waits, the caches are %v", cacheSizes(caches))
	}

	do(t, ctx, chromedp.Click(chromedp.ID("update-reload")))
	deadline := time.Now().Add(30 * time.Second)
	for {
		caches = cacheContents(t, ctx)
		if _, ok := caches[cacheName(old)]; !ok && len(caches) == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the reload the caches are %v, want only %s", cacheSizes(caches), cacheName(next))
		}
		time.Sleep(200 * time.Millisecond)
	}
	// The first page of the new version says, quietly, that it is new.
	waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0 && document.querySelector("#update-notice") === null && document.querySelector("#update-done") !== null`)
	if got := eval[string](t, ctx, `document.querySelector("#update-done span").textContent`); got != "mqttviz has been updated." {
		t.Errorf("after the update the page says %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("update-dismiss")))
	waitFor(t, ctx, `document.querySelector("#update-done") === null`)
	if n := srv.wasmDownloads.Load(); n != 1 {
		t.Errorf("the new app.wasm was downloaded %d times, want once", n)
	}
	// And the new build works with the server gone.
	srv.stop()
	clearHTTPCache(t, ctx)
	open(t, ctx, srv.url, "/decode/?hex=c000")
	waitFor(t, ctx, `document.querySelectorAll(".inspector-panel .byte").length === 2`)
}

// checkOffline opens, with the site's server gone, a lesson never
// visited (with a query), decode with ?hex=, a scenario shared by its
// fragment, the trace and live pages and an address that is no page.
func checkOffline(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	// The network is gone indeed: what the worker does not answer (an
	// address with a query) fails.
	gone, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(`+strconv.Quote(base+"/web/icon.svg?network")+`).then(() => "reached", () => "gone")`, chromedp.EvalAwaitPromise))
	if err != nil || gone != "gone" {
		t.Fatalf("with the server stopped, the network %s (%v)", gone, err)
	}
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0 && document.querySelector(".lesson-card") !== null`)

	name, tr := richestLesson(t)
	openOffline(t, ctx, base, "/lessons/"+name+"/?step=3")
	waitFor(t, ctx, `document.querySelector("#lesson-title") !== null`)
	// The link's step, read by the app from the address, then the next.
	checkStep(t, ctx, tr, 2)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	checkStep(t, ctx, tr, 3)

	// Every form of a page's address, as the server resolves it.
	for _, p := range []string{"/decode?hex=c000", "/decode/index.html?hex=c000"} {
		openOffline(t, ctx, base, p)
		waitFor(t, ctx, `document.querySelector("#decode-input").value === "c000" && document.querySelectorAll(".inspector-panel .byte").length === 2`)
	}
	first := lessons.Lessons()[0]
	openOffline(t, ctx, base, "/lessons/"+first.Name+"?seed=2")
	waitFor(t, ctx, `(document.querySelector("#lesson-title") || {}).textContent === `+strconv.Quote(first.Title.EN))

	sc, err := script.Run("scenario", linkScenario, 1)
	if err != nil {
		t.Fatal(err)
	}
	openOffline(t, ctx, base, "/scenario/#"+shareFragment(linkScenario))
	waitFor(t, ctx, `(document.querySelector("#scenario-heading") || {}).textContent === `+strconv.Quote(sc.Title.EN))
	waitFor(t, ctx, `(document.querySelector("#position") || {}).textContent === `+strconv.Quote("Step 1 of "+strconv.Itoa(len(sc.Steps))))

	for _, p := range []string{"/trace/", "/live/"} {
		openOffline(t, ctx, base, p)
	}
	open(t, ctx, base, "/no/such/page?x=1")
	if got := navigationStatus(t, ctx); got != http.StatusNotFound {
		t.Errorf("an address that is no page, offline, answered %d", got)
	}
	if got := eval[string](t, ctx, `document.title`); !strings.Contains(got, "not found") {
		t.Errorf("an address that is no page, offline, is titled %q", got)
	}
}

// openOffline opens a page and checks that the worker answered with the
// page itself (200), not with the not-found page, in which the app would
// route to the same view.
func openOffline(t *testing.T, ctx context.Context, base, path string) {
	t.Helper()
	open(t, ctx, base, path)
	if got := navigationStatus(t, ctx); got != http.StatusOK {
		t.Errorf("%s, offline: the page answered %d", path, got)
	}
}

// navigationStatus is the HTTP status of the page's own response.
func navigationStatus(t *testing.T, ctx context.Context) int {
	t.Helper()
	return int(eval[float64](t, ctx, `performance.getEntriesByType("navigation")[0].responseStatus`))
}

// offlineServer serves a site as `mqttviz serve` does, on a loopback
// port, where a new build can replace it and which can be stopped. It
// counts the downloads of app.wasm (200s, not 304s) of its build.
type offlineServer struct {
	url           string
	srv           *http.Server
	current       atomic.Pointer[http.Handler]
	wasmDownloads atomic.Int32
	// requests and sent count the requests and the bytes of the bodies
	// sent, for -perf.
	requests atomic.Int32
	sent     atomic.Int64
	wasmSent atomic.Int64
	// log is every request's path and the time it came, in order.
	logMu sync.Mutex
	log   []servedRequest
}

// servedRequest is a request the offline server answered: its path and
// when it came.
type servedRequest struct {
	path string
	at   time.Time
}

func newOfflineServer(t *testing.T, web string) *offlineServer {
	t.Helper()
	ensureWASM(t)
	chromiumPath(t)
	o := &offlineServer{}
	o.swap(t, web)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	o.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.logMu.Lock()
		o.log = append(o.log, servedRequest{r.URL.Path, time.Now()})
		o.logMu.Unlock()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		(*o.current.Load()).ServeHTTP(rec, r)
		o.requests.Add(1)
		o.sent.Add(rec.sent)
		if r.URL.Path == "/web/app.wasm" && rec.status == http.StatusOK {
			o.wasmDownloads.Add(1)
			o.wasmSent.Add(rec.sent)
		}
	})}
	go o.srv.Serve(ln)
	t.Cleanup(o.stop)
	o.url = "http://" + ln.Addr().String()
	return o
}

// swap serves the build of the web/ directory web from now on and counts
// its downloads of app.wasm from zero.
func (o *offlineServer) swap(t *testing.T, web string) {
	t.Helper()
	h := webHandler(t, web)
	o.current.Store(&h)
	o.wasmDownloads.Store(0)
}

func (o *offlineServer) handler() http.Handler { return *o.current.Load() }

// requestLog is every request answered so far.
func (o *offlineServer) requestLog() []servedRequest {
	o.logMu.Lock()
	defer o.logMu.Unlock()
	return slices.Clone(o.log)
}

// stop closes the listener and every connection: the network is gone.
func (o *offlineServer) stop() { o.srv.Close() }

// statusRecorder notes the status and the body's size of a response.
type statusRecorder struct {
	http.ResponseWriter
	status int
	sent   int64
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.sent += int64(n)
	return n, err
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// rebuiltWeb is a copy of web/ whose app.wasm has other bytes and runs
// the same: a custom section appended, which WebAssembly ignores.
func rebuiltWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join(webDir, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if err := copyDir(dir, webDir); err != nil {
		t.Fatal(err)
	}
	name, payload := "mqttviz-test", "another build"
	section := append([]byte{0, byte(1 + len(name) + len(payload)), byte(len(name))}, name+payload...)
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), append(b, section...), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// workerConfig reads the build's list from the service worker h serves
// at path.
func workerConfig(t *testing.T, h http.Handler, path string) offlineConfig {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return parseWorkerConfig(t, rec.Result())
}

func parseWorkerConfig(t *testing.T, resp *http.Response) offlineConfig {
	t.Helper()
	defer resp.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(resp.Body)
	_, rest, ok := strings.Cut(buf.String(), "const offline = ")
	line, _, _ := strings.Cut(rest, ";\n")
	var cfg offlineConfig
	if err := json.Unmarshal([]byte(line), &cfg); !ok || err != nil || len(cfg.Files) == 0 {
		t.Fatalf("the service worker holds no build list (%v): %.200s", err, buf.String())
	}
	return cfg
}

func cacheName(cfg offlineConfig) string { return "mqttviz:" + cfg.Base + ":" + cfg.Version }

// waitCached waits until the service worker is active and its cache
// holds every file of the build cfg.
func waitCached(t *testing.T, ctx context.Context, cfg offlineConfig) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`navigator.serviceWorker.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("the service worker never became active: %v", err)
	}
	want := make([]string, 0, len(cfg.Files))
	for _, f := range cfg.Files {
		want = append(want, cfg.Base+strings.TrimPrefix(f.Path, "/"))
	}
	sort.Strings(want)
	deadline := time.Now().Add(30 * time.Second)
	for {
		caches := cacheContents(t, ctx)
		got := caches[cacheName(cfg)]
		sort.Strings(got)
		if strings.Join(got, " ") == strings.Join(want, " ") {
			if len(caches) != 1 {
				t.Errorf("caches %v, want only %s", cacheSizes(caches), cacheName(cfg))
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the cache %s holds %d of %d files: %q", cacheName(cfg), len(got), len(want), got)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// cacheContents lists the page's caches of builds: for each, the paths
// it holds. The reader's language is kept in a cache of its own, which
// outlives the builds (mqttviz-prefs:BASE), and is not listed.
func cacheContents(t *testing.T, ctx context.Context) map[string][]string {
	t.Helper()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const out = {};
		for (const k of await caches.keys()) {
			if (k.startsWith("mqttviz-prefs:")) {
				continue;
			}
			const c = await caches.open(k);
			out[k] = (await c.keys()).map((r) => new URL(r.url).pathname);
		}
		return JSON.stringify(out);
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	var out map[string][]string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func cacheSizes(caches map[string][]string) map[string]int {
	out := map[string]int{}
	for k, v := range caches {
		out[k] = len(v)
	}
	return out
}

// clearHTTPCache empties the browser's HTTP cache, so that nothing but
// the service worker's cache can answer.
func clearHTTPCache(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
}

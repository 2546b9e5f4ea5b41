package main

import (
	"context"
	"flag"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var (
	screenshots = flag.Bool("screenshots", false, "browser tests: save screenshots of the main views under docs/screenshots/")
	perf        = flag.Bool("perf", false, "browser tests: measure and print the app's size and timings")
)

// webDir is the repository's web/ directory, seen from this package.
const webDir = "../../web"

// chromiumPath finds Debian's Chromium, installing it with apt-get when it
// is missing and the test runs as root. Outside CI a browser that cannot
// be had skips the browser tests with a loud message; under CI=true it
// fails them.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Geteuid() == 0 {
		t.Log("chromium is missing: installing it with apt-get")
		install := exec.Command("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium")
		if out, err := install.CombinedOutput(); err != nil {
			t.Logf("apt-get install chromium failed: %v\n%s", err, out)
		} else if _, err := os.Stat("/usr/bin/chromium"); err == nil {
			return "/usr/bin/chromium"
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed and could not be installed: the browser tests cannot run")
	}
	t.Skip("\n\n*** SKIPPING THE BROWSER TESTS: chromium is not installed and could not be installed (apt-get install chromium). ***\n")
	return ""
}

// ensureWASM builds web/app.wasm when `make build` has not.
func ensureWASM(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(webDir, "app.wasm")); err == nil {
		return
	}
	t.Log("web/app.wasm is missing: building it")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(webDir, "app.wasm"), "../../wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building app.wasm: %v\n%s", err, out)
	}
}

var (
	serverOnce sync.Once
	serverURL  string
	serverErr  error
)

// appURL serves the app on a free loopback port, once per test binary,
// with the same handler as `mqttviz serve`.
func appURL(t *testing.T) string {
	t.Helper()
	ensureWASM(t)
	serverOnce.Do(func() {
		s, err := loadSite(webDir)
		if err != nil {
			serverErr = err
			return
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			serverErr = err
			return
		}
		<-s.ready // serve app.wasm compressed, as a browser usually gets it
		h, err := s.Handler()
		if err != nil {
			serverErr = err
			return
		}
		go http.Serve(ln, h)
		serverURL = "http://" + ln.Addr().String()
	})
	if serverErr != nil {
		t.Fatal(serverErr)
	}
	return serverURL
}

// webHandler is the handler of `mqttviz serve` for the web/ directory
// dir, once app.wasm is compressed, as a browser usually gets it.
func webHandler(t *testing.T, dir string) http.Handler {
	t.Helper()
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	<-s.ready
	return siteHandler(t, s)
}

// newBrowser starts headless Chromium with a fresh profile and returns a
// tab's context, which ends after 90 s; the browser closes when the test
// ends. Its pages have no service worker (see noWorker):
// newBrowserWithWorker for the tests of what the worker does and for the
// figures of `make perf`, measured as a reader gets the app.
func newBrowser(t *testing.T, width, height int) context.Context {
	t.Helper()
	return startBrowser(t, width, height, 90*time.Second, false)
}

// newBrowserWithWorker is newBrowser with the app's service worker, as a
// reader's browser has it: it caches the whole build behind the first
// page and answers every page after it.
func newBrowserWithWorker(t *testing.T, width, height int) context.Context {
	t.Helper()
	return startBrowser(t, width, height, 90*time.Second, true)
}

// newBrowserWith is newBrowser with more options for Chromium (a flag).
func newBrowserWith(t *testing.T, width, height int, more ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	return startBrowser(t, width, height, 90*time.Second, false, more...)
}

// newBrowserWithin is newBrowser with a tab's context that ends after d.
func newBrowserWithin(t *testing.T, width, height int, d time.Duration) context.Context {
	t.Helper()
	return startBrowser(t, width, height, d, false)
}

// noWorker runs in every document of a browser started without the
// service worker: its pages see no navigator.serviceWorker, as on an
// origin that is not secure (the app served over plain HTTP to another
// machine), where go-app registers no worker and the app works without
// one. A fresh profile's worker otherwise fetches and hashes every file
// of the build behind the first page, and the second page compiles
// app.wasm again from the worker's cache: about 5 s of CPU a browser,
// which most tests, one or two pages long, spent for nothing.
const noWorker = `delete Navigator.prototype.serviceWorker`

// noBrowserUI are the features of Chromium's own window that headless
// Chromium would otherwise start with every browser: the omnibox's
// pop-ups, web pages of their own (chrome://omnibox-popup.top-chrome),
// which it loads ahead in a renderer process nobody sees. Without them
// starting a browser and opening a lesson cost about a quarter less CPU
// (3.9–4.1 s instead of 5.1–5.3 here, the lesson's two seconds after it
// included), and most tests start a browser or more.
const noBrowserUI = "WebUIOmniboxPopup,WebUIOmniboxAimPopup"

// startBrowser starts Chromium for newBrowser and its variants.
func startBrowser(t *testing.T, width, height int, d time.Duration, worker bool, more ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", noBrowserUI),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	}
	opts = append(opts, more...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancelTime := context.WithTimeout(ctx, d)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	if !worker {
		onEveryDocument(t, ctx, noWorker)
	}
	return ctx
}

// downloadsTo lets ctx's browser write downloads to dir.
func downloadsTo(t *testing.T, ctx context.Context, dir string) {
	t.Helper()
	do(t, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := cdp.Call(ctx, chromedp.FromContext(ctx).Browser, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir,
		})
		return err
	}))
}

// open navigates to path and waits until the wasm app has mounted the
// page (it marks "mqttviz-interactive" then).
func open(t *testing.T, ctx context.Context, base, path string) {
	t.Helper()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+path),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			// A page that replaces its document while the poll starts
			// (the address rewritten, the service worker taking over)
			// takes the poll's execution context with it: poll again in
			// the new document.
			var err error
			for try := 0; try < 3; try++ {
				_, err = chromedp.Poll[bool](`performance.getEntriesByName("mqttviz-interactive").length > 0`,
					chromedp.WithPollingTimeout(30*time.Second))(ctx, tg)
				if !documentGone(err) {
					return err
				}
			}
			return err
		}),
	); err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
}

// onEveryDocument makes script run in every new document of ctx's tab,
// before the document's own scripts.
func onEveryDocument(t *testing.T, ctx context.Context, script string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script}); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript condition until it holds, for at most 10 s.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	waitForWithin(t, ctx, cond, 10*time.Second)
}

// waitForWithin polls a JavaScript condition until it holds, for at most
// d: for the work that takes seconds on a loaded machine (a 2 MB paste).
// A document replaced while it polls (a navigation that commits late, the
// address rewritten) takes the poll's execution context with it: it polls
// again in the new document, within the same d.
func waitForWithin(t *testing.T, ctx context.Context, cond string, d time.Duration) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if !documentGone(err) || time.Until(deadline) <= 0 {
			where, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
			t.Fatalf("waiting for %s (the tab is at %s): %v", cond, where, err)
		}
	}
}

// documentGone reports whether err says the page's document went away
// under a running evaluation.
func documentGone(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "Cannot find context") || strings.Contains(msg, "context was destroyed") ||
		strings.Contains(msg, "navigated or closed")
}

// do runs actions that return nothing.
func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// shoot saves a screenshot of the viewport under docs/screenshots/ when
// -screenshots is given.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if !*screenshots {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	dir := "../../docs/screenshots"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

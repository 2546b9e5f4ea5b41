package main

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// heldSite serves the app as `mqttviz serve` does, but answers
// app.wasm only once release is called (or after 30 s): the
// pre-rendered page stays the page until then, as on a slow network.
// Each call of hold starts holding again.
type heldSite struct {
	base string
	mu   sync.Mutex
	gate chan struct{}
}

func newHeldSite(t *testing.T) *heldSite {
	t.Helper()
	ensureWASM(t)
	h := webHandler(t, webDir)
	hs := &heldSite{}
	held := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/app.wasm") {
			hs.mu.Lock()
			gate := hs.gate
			hs.mu.Unlock()
			select {
			case <-gate:
			case <-time.After(30 * time.Second):
			case <-r.Context().Done():
			}
		}
		h.ServeHTTP(w, r)
	})
	hs.base = serveLoopback(t, "127.0.0.1", held)
	return hs
}

// hold makes app.wasm wait again; the function it returns lets it go.
func (hs *heldSite) hold() (release func()) {
	gate := make(chan struct{})
	hs.mu.Lock()
	hs.gate = gate
	hs.mu.Unlock()
	var once sync.Once
	return func() { once.Do(func() { close(gate) }) }
}

// TestBrowserTypedBeforeTheAppKept: what a visitor types, ticks or
// chooses in the page the server pre-rendered, while app.wasm is still
// on its way, is in the app's page once it takes over, with the focus
// and the caret where they were, and the app acts on it: the decode page
// reads the bytes typed (its address carries them, not the link's), the
// live page's form keeps the broker address and the unticked box through
// a re-render (the language switched). Before, go-app's page replaced
// the pre-rendered one and everything typed was gone.
func TestBrowserTypedBeforeTheAppKept(t *testing.T) {
	hs := newHeldSite(t)

	t.Run("decode", func(t *testing.T) {
		release := hs.hold()
		defer release()
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.Navigate(hs.base+"/decode/?hex=d000"))
		do(t, ctx, chromedp.SendKeys(chromedp.ID("decode-input"), "c0 00"))
		if n := eval[int](t, ctx, `performance.getEntriesByName("mqttviz-interactive").length`); n != 0 {
			t.Fatal("the app took the page over before app.wasm was let go")
		}
		release()
		waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0`)
		waitFor(t, ctx, `location.search === "?hex=c000"`)
		if got := eval[string](t, ctx, `document.querySelector("#decode-input").value`); got != "c0 00" {
			t.Errorf("the box holds %q, want what was typed, %q", got, "c0 00")
		}
		if got := eval[string](t, ctx, `document.activeElement.id + " " + document.activeElement.selectionStart`); got != "decode-input 5" {
			t.Errorf("focus and caret: %q, want %q", got, "decode-input 5")
		}
		if got := eval[string](t, ctx, `document.querySelector(".packet h3, .packet")?.textContent ?? ""`); !strings.Contains(got, "PINGREQ") {
			t.Errorf("the breakdown shows %q, want the PINGREQ typed", got)
		}
	})

	t.Run("live", func(t *testing.T) {
		release := hs.hold()
		defer release()
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.Navigate(hs.base+"/live/"))
		do(t, ctx,
			chromedp.Click(chromedp.ID("live-c1-clean")),
			chromedp.SendKeys(chromedp.ID("live-broker"), "ws://127.0.0.1:9/mqtt"))
		release()
		waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0`)
		do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
		waitFor(t, ctx, `document.documentElement.lang === "zh-CN"`)
		if got := eval[string](t, ctx, `document.querySelector("#live-broker").value`); got != "ws://127.0.0.1:9/mqtt" {
			t.Errorf("the broker address is %q after the app took over and re-rendered", got)
		}
		if eval[bool](t, ctx, `document.querySelector("#live-c1-clean").checked`) {
			t.Error("the clean session box unticked before the app took over is ticked again")
		}
		do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))
	})
}

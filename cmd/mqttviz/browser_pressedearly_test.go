package main

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserPressedBeforeTheAppKept: what a reader presses in the page
// the server pre-rendered while app.wasm is still on its way is done by
// the app once it takes over, in order, each press on the page the one
// before left: three clicks on Step forward, one on Step back (still
// disabled in the pre-rendered page, at the first step) and the right
// arrow leave the lesson three steps on; a click on 简体中文 switches the
// language; Space plays and does not scroll the pre-rendered page.
// Before, every such press was lost.
func TestBrowserPressedBeforeTheAppKept(t *testing.T) {
	hs := newHeldSite(t)

	t.Run("steps", func(t *testing.T) {
		release := hs.hold()
		defer release()
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.Navigate(hs.base+"/lessons/qos2/"))
		do(t, ctx, chromedp.WaitVisible(chromedp.ID("ctl-forward")))
		before := eval[string](t, ctx, `document.querySelector("#position").textContent`)
		for range 3 {
			do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
		}
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-back")), chromedp.KeyEvent(kb.ArrowRight))
		do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
		if n := eval[int](t, ctx, `performance.getEntriesByName("mqttviz-interactive").length`); n != 0 {
			t.Fatal("the app took the page over before app.wasm was let go")
		}
		if got := eval[string](t, ctx, `document.querySelector("#position").textContent`); got != before {
			t.Fatalf("the pre-rendered page moved on its own: %q, was %q", got, before)
		}
		release()
		waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0`)
		waitFor(t, ctx, `document.documentElement.lang === "zh-CN"`)
		waitFor(t, ctx, `document.querySelector("#position").textContent.startsWith("第 4 步")`)
		// The address follows once the run of steps pauses
		// (jsb.ReplaceAddressSoon), not with the step itself.
		waitFor(t, ctx, `new URLSearchParams(location.search).get("step") === "4"`)
	})

	t.Run("space", func(t *testing.T) {
		release := hs.hold()
		defer release()
		ctx := newBrowser(t, 390, 844)
		do(t, ctx, chromedp.Navigate(hs.base+"/lessons/qos2/"))
		do(t, ctx, chromedp.WaitVisible(chromedp.ID("ctl-play")))
		if !eval[bool](t, ctx, `document.scrollingElement.scrollHeight > innerHeight`) {
			t.Fatal("the phone's page does not scroll: the test would show nothing")
		}
		do(t, ctx, chromedp.KeyEvent(" "))
		if y := eval[float64](t, ctx, `scrollY`); y != 0 {
			t.Errorf("Space scrolled the pre-rendered page to %v", y)
		}
		release()
		waitFor(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0`)
		waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "Pause"`)
	})
}

package main

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserStepBackFullLoad: ?step= survives Back from another page
// loaded in full (not within the app): the lesson opened at step 4 in
// Chinese, moved to step 6, then a full load of /decode/, then Back
// (history.back(), and a wait for the new document). Chromium runs
// without its back/forward cache: the page then loads anew (a value left
// on window is gone) and must open at step 6 in Chinese from its address
// alone, which is what a browser does when it keeps no page in memory.
// With the cache, the page comes back as it was left, and chromedp loses
// the restored document (NavigateBack waits for a load event that never
// comes, and a poll for the document hangs the same way), so that case
// is not driven here.
func TestBrowserStepBackFullLoad(t *testing.T) {
	base := appURL(t)
	ctx := newBrowserWith(t, 1280, 800, chromedp.Flag("disable-features", "BackForwardCache,"+noBrowserUI))
	open(t, ctx, base, "/lessons/qos1/?lang=zh&step=4")
	positionIs(t, ctx, 4)
	pressKey(t, ctx, kb.ArrowRight)
	pressKey(t, ctx, kb.ArrowRight)
	positionIs(t, ctx, 6)
	waitFor(t, ctx, `new URLSearchParams(location.search).get("step") === "6"`)
	eval[bool](t, ctx, `(window.mqttvizBefore = true)`)

	open(t, ctx, base, "/decode/")
	if !eval[bool](t, ctx, `window.mqttvizBefore === undefined`) {
		t.Fatal("/decode/ was not loaded in full")
	}
	eval[bool](t, ctx, `(setTimeout(() => history.back(), 0), true)`)
	waitForWithin(t, ctx, `location.pathname === "/lessons/qos1/" && document.readyState === "complete" &&
		performance.getEntriesByName("mqttviz-interactive").length > 0`, 30*time.Second)
	if !eval[bool](t, ctx, `window.mqttvizBefore === undefined`) {
		t.Error("Back did not load the page anew")
	}
	positionIs(t, ctx, 6)
	if got := addressStep(t, ctx); got != "6" {
		t.Errorf("after Back the address says step=%q, want 6", got)
	}
	waitFor(t, ctx, `document.documentElement.lang === "zh-CN" && document.querySelector("#position").textContent.startsWith("第")`)
}

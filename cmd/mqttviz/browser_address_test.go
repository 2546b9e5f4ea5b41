package main

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserAddressFollowsSteps holds → down on a lesson (twelve steps
// as fast as the browser takes the keys): the address follows the last
// step with far fewer history.replaceState calls than steps (a step wrote
// the address each time, a few milliseconds of every step, and browsers
// ignore hundreds of calls in a few seconds); another page opened straight
// after a step, before the address was due, and Back: that step.
func TestBrowserAddressFollowsSteps(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__replaced = 0;
		const replace = history.replaceState.bind(history);
		history.replaceState = (...a) => { window.__replaced++; return replace(...a); };`}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base, "/lessons/qos2/")
	eval[bool](t, ctx, `(window.__replaced = 0, true)`)
	do(t, ctx, chromedp.KeyEvent(strings.Repeat(kb.ArrowRight, 12)))
	positionIs(t, ctx, 13)
	waitFor(t, ctx, `new URLSearchParams(location.search).get("step") === "13"`)
	if n := eval[int](t, ctx, `window.__replaced`); n > 6 {
		t.Errorf("12 steps in a row wrote the address %d times, want a few", n)
	}
	// A step and at once another page: the page writes the step as it is
	// left, and Back opens that step.
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	positionIs(t, ctx, 14)
	open(t, ctx, base, "/decode/")
	eval[bool](t, ctx, `(setTimeout(() => history.back(), 0), true)`)
	waitAcross(t, ctx, `location.pathname === "/lessons/qos2/" && document.readyState === "complete" && performance.getEntriesByName("mqttviz-interactive").length > 0`)
	if got := eval[string](t, ctx, `document.querySelector("#position").textContent`); got != "Step 14 of 16" {
		t.Errorf("Back opened %q, want step 14", got)
	}
}

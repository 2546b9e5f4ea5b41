package main

import (
	"fmt"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserScrollAfterIdleScroll scrolls the diagram and the event list
// of a long trace a little (the same rows stay in view: nothing to draw),
// then far: the rows of the new place must be drawn. go-app keeps a
// skipped update of a component until the component is next updated from
// above, so a handler that skipped its own update once skipped every
// later one too, and the list drew nothing where it was scrolled to.
func TestBrowserScrollAfterIdleScroll(t *testing.T) {
	src, _ := longScenario(t, 2000)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, appURL(t), "/scenario?src="+url.QueryEscape(src))
	for _, box := range []struct{ id, rows string }{
		{"diagram-scroll", "#diagram g[data-step]"},
		{"events-scroll", "#events-scroll li[data-step]"},
	} {
		scroll := func(top int) {
			eval[bool](t, ctx, fmt.Sprintf(`(document.getElementById(%q).scrollTop = %d, true)`, box.id, top))
			do(t, ctx, chromedp.Sleep(300e6))
		}
		scroll(4)
		scroll(20000)
		// The first row drawn is a few rows above the top of the box.
		cond := fmt.Sprintf(`(() => {
			const box = document.getElementById(%q);
			const rows = [...document.querySelectorAll(%q)];
			return rows.some(r => { const b = r.getBoundingClientRect(), o = box.getBoundingClientRect(); return b.bottom > o.top && b.top < o.bottom; });
		})()`, box.id, box.rows)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5e9))); err != nil {
			first := eval[string](t, ctx, fmt.Sprintf(`(document.querySelector(%q) || {dataset: {}}).dataset.step || "none"`, box.rows))
			t.Errorf("%s scrolled to 20000 px after a scroll of 4 px: no row drawn in view (first row drawn: step %s)", box.id, first)
		}
	}
}

// TestBrowserEventKeysAfterOtherKey presses a key the event list leaves
// alone, then ↓: the active row must move (the list skipped its update
// for the first key, which must not skip the next).
func TestBrowserEventKeysAfterOtherKey(t *testing.T) {
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, appURL(t), "/lessons/qos2")
	eval[bool](t, ctx, `(document.getElementById("events-scroll").focus(), true)`)
	before := eval[string](t, ctx, `document.getElementById("events-scroll").getAttribute("aria-activedescendant")`)
	do(t, ctx, chromedp.KeyEvent("x"), chromedp.Sleep(200e6), chromedp.KeyEvent(kb.ArrowDown))
	cond := fmt.Sprintf(`document.getElementById("events-scroll").getAttribute("aria-activedescendant") !== %q`, before)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5e9))); err != nil {
		t.Errorf("↓ after x did not move the active row from %s", before)
	}
}

// TestBrowserStartsOverPaintedPage opens a lesson and checks what the
// Go program does at start: it lets the pre-rendered page paint before
// go-app builds its own ("mqttviz-painted" after the first contentful
// paint; at load 10 and more the next animation frame, which the app
// waited for before, came a second before that paint reached the
// screen), and it mounts the lesson whole: the player view comes in with
// the page, not added afterwards to a "Loading" page it mounted first
// (which rendered and mounted the page twice).
func TestBrowserStartsOverPaintedPage(t *testing.T) {
	ctx := newBrowser(t, 1280, 800)
	onEveryDocument(t, ctx, `
		window.__viewsAdded = 0;
		// The parser adds the pre-rendered page's nodes one by one.
		document.addEventListener("DOMContentLoaded", () => { window.__viewsAdded = 0; });
		new MutationObserver(ms => {
			for (const m of ms) for (const n of m.addedNodes) {
				if (n.nodeType === 1 && n.classList.contains("player-view")) window.__viewsAdded++;
			}
		}).observe(document, {childList: true, subtree: true});`)
	open(t, ctx, appURL(t), "/lessons/qos2/")
	if n := eval[int](t, ctx, `window.__viewsAdded`); n != 0 {
		t.Errorf("the player view was added on its own %d times: the lesson was drawn over a page mounted without it", n)
	}
	fcp := eval[float64](t, ctx, `(performance.getEntriesByName("first-contentful-paint")[0] || {startTime: -1}).startTime`)
	painted := eval[float64](t, ctx, `(performance.getEntriesByName("mqttviz-painted")[0] || {startTime: -1}).startTime`)
	if fcp < 0 || painted < fcp {
		t.Errorf("first contentful paint at %.0f ms, the app's wait for it ended at %.0f ms (-1: none)", fcp, painted)
	}
}

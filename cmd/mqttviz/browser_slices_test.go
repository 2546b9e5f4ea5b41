package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserStartupGivesTurns: the app's start-up (the Go program's
// start, the lesson's or scenario's run, go-app's mount and first
// update) runs in slices with the browser's own tasks in between, so
// that the page scrolls, answers input and paints while app.wasm starts
// (and Lighthouse finds no long task in it). It ran as one task: a timer
// set for every 10 ms ran at most once between Go's main starting and
// the page being interactive.
func TestBrowserStartupGivesTurns(t *testing.T) {
	base := appURL(t)
	// The pages whose start-up runs the most (the decoder's is short).
	for _, path := range []string{"/lessons/qos2/", "/scenario/"} {
		t.Run(path, func(t *testing.T) {
			ctx := newBrowser(t, 1280, 800)
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
				window.__ticks = [];
				const tick = () => { window.__ticks.push(performance.now()); if (window.__ticks.length < 5000) setTimeout(tick, 10); };
				setTimeout(tick, 10);`}); err != nil {
				t.Fatal(err)
			}
			open(t, ctx, base, path)
			ticks := eval[int](t, ctx, `(() => {
				const start = performance.getEntriesByName("mqttviz-start")[0].startTime;
				const ready = performance.getEntriesByName("mqttviz-interactive")[0].startTime;
				return window.__ticks.filter(t => t > start && t < ready).length;
			})()`)
			if ticks < 3 {
				t.Errorf("the browser ran a 10 ms timer %d times between Go's main and the page being interactive, want at least 3: the start-up held the page", ticks)
			}
		})
	}
}

// TestBrowserDiagramDrawnOnceAtStart: the diagram and the event list
// are drawn, on the app's mount, for the boxes the page shows, measured
// in the pre-rendered page they replace; nothing in them changes once
// the page is in the document. Before, go-app's first render assumed a
// box of a default size and the update after the mount laid the whole
// diagram out again (about 200 attributes and nodes on /lessons/wildcards).
// The current step of a deep link is in view all the same.
func TestBrowserDiagramDrawnOnceAtStart(t *testing.T) {
	base := appURL(t)
	for _, c := range []struct{ path string }{{"/lessons/wildcards/"}, {"/lessons/qos2/?step=13"}} {
		t.Run(c.path, func(t *testing.T) {
			ctx := newBrowser(t, 1280, 800)
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
				window.__mounted = false;
				window.__changed = [];
				// The parser adds the pre-rendered page's nodes one by one;
				// go-app adds its page whole, after.
				let parsed = false;
				document.addEventListener("DOMContentLoaded", () => { parsed = true; });
				new MutationObserver(ms => {
					for (const m of ms) {
						for (const n of m.addedNodes) if (parsed && n.nodeType === 1 && n.classList.contains("page")) window.__mounted = true;
						if (!window.__mounted) continue;
						const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
						if (el && el.closest("#diagram-scroll, #lane-heads, #events-scroll")) window.__changed.push(m.type + " " + el.tagName + " " + (m.attributeName || ""));
					}
				}).observe(document, {childList: true, subtree: true, attributes: true, characterData: true});`}); err != nil {
				t.Fatal(err)
			}
			open(t, ctx, base, c.path)
			if !eval[bool](t, ctx, `window.__mounted`) {
				t.Fatal("the app's page was never seen going in")
			}
			if changed := eval[[]string](t, ctx, `window.__changed`); len(changed) > 0 {
				t.Errorf("after the mount, %d changes in the diagram or the event list, want none; the first: %q", len(changed), changed[:min(5, len(changed))])
			}
			inView := eval[bool](t, ctx, `(() => {
				const box = document.getElementById("diagram-scroll").getBoundingClientRect();
				const row = document.querySelector("#diagram g[data-c~=current]").getBoundingClientRect();
				return row.top >= box.top && row.bottom <= box.bottom;
			})()`)
			if !inView {
				t.Errorf("the current step's row is not in the diagram's box after the start: %s", fmt.Sprint(eval[string](t, ctx, `document.querySelector("#position").textContent`)))
			}
		})
	}
}

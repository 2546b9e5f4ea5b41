package main

import (
	"fmt"
	"testing"
)

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
			onEveryDocument(t, ctx, `
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
				}).observe(document, {childList: true, subtree: true, attributes: true, characterData: true});`)
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

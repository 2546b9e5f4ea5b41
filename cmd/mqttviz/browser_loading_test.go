package main

import (
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserReadableWhileLoading opens a lesson whose app.wasm never
// arrives: the page the server pre-rendered is there to read, not hidden
// behind go-app's loader, which sits in a corner instead.
func TestBrowserReadableWhileLoading(t *testing.T) {
	base := appURL(t)
	for _, size := range [][2]int{{1280, 800}, {390, 844}} {
		ctx := newBrowser(t, size[0], size[1])
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
			URLPatterns: []*network.BlockPattern{{URLPattern: base + "/web/app.wasm", Block: true}},
		}); err != nil {
			t.Fatal(err)
		}
		do(t, ctx, chromedp.Navigate(base+"/lessons/qos2/"))
		waitFor(t, ctx, `document.querySelector("#app-wasm-loader") !== null && document.querySelector("#lesson-title") !== null`)
		// What a reader sees at the title and at the diagram's heads is the
		// page itself.
		for _, sel := range []string{"#lesson-title", ".lesson-desc", "#ctl-play"} {
			top := eval[bool](t, ctx, `(() => {
				const r = document.querySelector("`+sel+`").getBoundingClientRect();
				const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return hit !== null && hit.closest("#app-wasm-loader") === null;
			})()`)
			if !top {
				t.Errorf("%dx%d: the loader covers %s while app.wasm loads", size[0], size[1], sel)
			}
		}
		if n := eval[float64](t, ctx, `document.querySelector("#app-wasm-loader").getBoundingClientRect().height`); n > 60 {
			t.Errorf("%dx%d: the loader is %.0f px high, want a small badge", size[0], size[1], n)
		}
	}
}

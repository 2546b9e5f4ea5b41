package main

import "testing"

// TestBrowserDecodeBytesInBoxWhenInteractive: the decode page says it is
// interactive only once its box holds the bytes of its address. The box
// used to be filled after the mark, on every visit, and now and then a
// frame after it (go-app runs each deferred function in the frame it is
// handled in, and its loop takes a frame tick and a dispatch in either
// order), so a paste made as soon as the page could take one was
// replaced by the address's text: a full browser test run lost
// TestBrowserDecodeLargePaste's 2 MB so. Twelve visits, each checked.
func TestBrowserDecodeBytesInBoxWhenInteractive(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	onEveryDocument(t, ctx, `
		const mark = performance.mark.bind(performance);
		performance.mark = (name, ...rest) => {
			if (name === "mqttviz-interactive") {
				window.__boxAtInteractive = document.querySelector("#decode-input")?.value ?? null;
			}
			return mark(name, ...rest);
		};`)
	late := 0
	for range 12 {
		open(t, ctx, base, "/decode?hex=c000d000")
		if got := eval[string](t, ctx, `String(window.__boxAtInteractive)`); got != "c000d000" {
			late++
		}
	}
	if late > 0 {
		t.Errorf("in %d of 12 visits of /decode?hex=c000d000 the box did not yet hold c000d000 when the page said it was interactive", late)
	}
}

package main

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserAddressFollowsSteps holds → down on a lesson (twelve steps
// as fast as the browser takes the keys): the address follows the last
// step with far fewer history.replaceState calls than steps (a step wrote
// the address each time, a few milliseconds of every step, and browsers
// ignore hundreds of calls in a few seconds); steps tapped closer together
// than the delay: written once, when they pause; another page of the app
// opened by a link straight after a step: no step in its address; the
// page left straight after a step: the address has the step as it goes.
func TestBrowserAddressFollowsSteps(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	onEveryDocument(t, ctx, `
		window.__replaced = 0;
		const replace = history.replaceState.bind(history);
		history.replaceState = (...a) => { window.__replaced++; return replace(...a); };`)
	open(t, ctx, base, "/lessons/qos2/")
	eval[bool](t, ctx, `(window.__replaced = 0, true)`)
	do(t, ctx, chromedp.KeyEvent(strings.Repeat(kb.ArrowRight, 12)))
	positionIs(t, ctx, 13)
	waitFor(t, ctx, `new URLSearchParams(location.search).get("step") === "13"`)
	if n := eval[int](t, ctx, `window.__replaced`); n > 6 {
		t.Errorf("12 steps in a row wrote the address %d times, want a few", n)
	}
	// Ten steps pressed 30 ms apart, closer than jsb.AddressDelay, as a key
	// tapped fast: the address is written once they pause, not every
	// 100 ms of the run (each history.replaceState holds up the step
	// pressed during it). The page presses them itself, each 30 ms after
	// the one before: pressed from here, one round trip to the browser
	// each, the gaps grew past the delay on a loaded machine.
	eval[bool](t, ctx, `(window.__replaced = 0, true)`)
	eval[bool](t, ctx, `(() => {
		let left = 10;
		const press = () => {
			document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowLeft", code: "ArrowLeft", bubbles: true, cancelable: true }));
			if (--left > 0) setTimeout(press, 30);
		};
		press();
		return true;
	})()`)
	positionIs(t, ctx, 3)
	waitFor(t, ctx, `new URLSearchParams(location.search).get("step") === "3"`)
	if n := eval[int](t, ctx, `window.__replaced`); n > 2 {
		t.Errorf("10 steps 30 ms apart wrote the address %d times, want it once they pause", n)
	}
	// A step and at once another page of the app (a link, go-app's own
	// navigation): the new page's address gets no step of the old one,
	// also once the old one's was due (100 ms, jsb.AddressDelay).
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	positionIs(t, ctx, 4)
	eval[bool](t, ctx, `(document.querySelector("#nav-decode").click(), true)`)
	waitFor(t, ctx, `location.pathname === "/decode/" && !document.querySelector("#position")`)
	do(t, ctx, chromedp.Sleep(500*time.Millisecond))
	if got := eval[string](t, ctx, `location.search`); strings.Contains(got, "step=") {
		t.Errorf("the decode page opened from a lesson has the lesson's step in its address: %q", got)
	}

	// A step and at once the page left (pagehide, as on a link to
	// another site or a reload's unload): the address has the step then,
	// not 100 ms later, so that Back opens it.
	open(t, ctx, base, "/lessons/qos2/?step=13")
	if got := eval[string](t, ctx, `(() => {
		document.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowRight", bubbles: true}));
		window.dispatchEvent(new PageTransitionEvent("pagehide"));
		return new URLSearchParams(location.search).get("step");
	})()`); got != "14" {
		t.Errorf("left straight after a step, the address says step=%s, want 14", got)
	}
}

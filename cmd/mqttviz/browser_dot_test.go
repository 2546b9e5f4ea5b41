package main

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// dotAtArrowEnd is how far (in CSS pixels) the centre of the travelling
// dot is from the end of the current step's arrow once its animation
// has ended, -1 when there is no dot or no arrow.
const dotAtArrowEnd = `(() => {
	const dot = document.querySelector(".packet-run");
	const line = document.querySelector('[data-c~="current"] line[data-c~="arrow"]');
	const svg = document.getElementById("diagram");
	if (!dot || !line || !svg) return -1;
	if (dot.getAnimations().some(a => a.playState === "running")) return -2;
	const d = dot.getBoundingClientRect(), s = svg.getBoundingClientRect();
	const x = s.left + +line.getAttribute("x2"), y = s.top + +line.getAttribute("y2");
	return Math.hypot(d.left + d.width / 2 - x, d.top + d.height / 2 - y);
})()`

// TestBrowserPacketDot steps to a PUBLISH and to the next packet: the dot
// that travels along the current arrow ends where the arrow does, each
// step restarts its animation, and it is an element of the page over
// the diagram, not of the SVG, whose animation the browser's compositor
// runs (an SVG circle's was drawn again by the page every frame, and a
// key pressed meanwhile waited behind it).
func TestBrowserPacketDot(t *testing.T) {
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, appURL(t), "/lessons/qos2/?step=9")
	waitFor(t, ctx, `document.querySelector(".packet-run") !== null`)
	if eval[bool](t, ctx, `document.querySelector(".packet-run").closest("svg") !== null`) {
		t.Fatal("the travelling dot is an SVG element: the page draws its animation again every frame")
	}
	if got := eval[string](t, ctx, `document.querySelector(".packet-run").getAnimations().map(a => a.effect.getKeyframes().map(k => Object.keys(k).filter(p => !["offset", "easing", "composite", "computedOffset"].includes(p)).join()).join()).join()`); got != "transform,transform" {
		t.Errorf("the dot's animation changes %q, want only its transform", got)
	}
	waitFor(t, ctx, dotAtArrowEnd+` >= 0 && `+dotAtArrowEnd+` < 1`)
	first := eval[string](t, ctx, `document.querySelector(".packet-run").className`)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	positionIs(t, ctx, 10)
	if next := eval[string](t, ctx, `document.querySelector(".packet-run").className`); next == first {
		t.Errorf("the dot's animation did not restart on the next step: class %q both times", next)
	}
	waitFor(t, ctx, dotAtArrowEnd+` >= 0 && `+dotAtArrowEnd+` < 1`)
	// A step with no packet (a connection's mark) has no dot.
	open(t, ctx, appURL(t), "/lessons/qos2/?step=4")
	waitFor(t, ctx, `document.querySelector("#position") !== null && document.querySelector('[data-c~="current"]') !== null`)
	if eval[bool](t, ctx, `document.querySelector(".packet-run") !== null`) {
		t.Error("a step with no packet shows a travelling dot")
	}
}

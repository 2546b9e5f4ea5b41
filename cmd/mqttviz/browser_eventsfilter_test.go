package main

import (
	"testing"
	"time"
)

// TestBrowserEventFilterReset: a lesson at a late step, its event list
// filtered to PUBLISH and then shown whole again. In every frame once the
// whole list is drawn, rows are in the box's view: the list scrolled to
// its current row before the whole list's height was in the page, the
// browser held the scroll within the short list's height, and the rows
// drawn were not the ones in view (an empty box) until the box's scroll
// event drew them again.
func TestBrowserEventFilterReset(t *testing.T) {
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, appURL(t), "/lessons/broker-restart/?step=45")
	waitFor(t, ctx, `!!document.querySelector(".event.current")`)
	eval[bool](t, ctx, `(() => { const s = document.querySelector("#filter-packet"); s.value = "PUBLISH"; s.dispatchEvent(new Event("change")); return true })()`)
	waitFor(t, ctx, `[...document.querySelectorAll(".event .ev-what")].every(e => e.textContent.startsWith("PUBLISH"))`)
	// Each frame from the reset on: is the whole list drawn, and how many
	// rows are in the box's view.
	eval[bool](t, ctx, `(() => {
		window.__frames = [];
		const look = () => {
			const box = document.querySelector("#events-scroll").getBoundingClientRect();
			const rows = [...document.querySelectorAll(".event")];
			const whole = rows.some(e => !e.querySelector(".ev-what").textContent.startsWith("PUBLISH"));
			const seen = rows.filter(e => { const r = e.getBoundingClientRect(); return r.bottom > box.top && r.top < box.bottom; }).length;
			window.__frames.push([whole, seen]);
			if (window.__frames.length < 40) requestAnimationFrame(look);
		};
		const s = document.querySelector("#filter-packet");
		s.value = "";
		s.dispatchEvent(new Event("change"));
		requestAnimationFrame(look);
		return true;
	})()`)
	waitForWithin(t, ctx, `window.__frames.length >= 40`, 20*time.Second)
	frames := eval[[][2]any](t, ctx, `window.__frames`)
	whole := false
	for i, f := range frames {
		if f[0] == true {
			whole = true
			if n, _ := f[1].(float64); n == 0 {
				t.Fatalf("frame %d after the reset: the whole list is drawn and no row is in view (frames: %v)", i, frames)
			}
		}
	}
	if !whole {
		t.Fatalf("the list was not drawn whole within 40 frames of the reset: %v", frames)
	}
	waitFor(t, ctx, `(() => { const c = document.querySelector(".event.current"); if (!c) return false; const b = document.querySelector("#events-scroll").getBoundingClientRect(), r = c.getBoundingClientRect(); return r.top >= b.top && r.bottom <= b.bottom; })()`)
}

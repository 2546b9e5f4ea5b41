package main

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// observeKeys starts collecting, for each key press, two figures:
//
//   - the Event Timing entry of its keydown: the time from the press to
//     the next paint after its handlers ran (what INP measures). The
//     browser reports only presses of at least durationThreshold (16 ms,
//     the least it allows); the others took less. performance.eventCounts
//     counts every keydown, reported or not, so that the figure is over
//     the keys the browser saw, not over nothing.
//   - the time from the press to the start of the frame that draws its
//     step: the position line's change seen by a MutationObserver, then
//     the next animation frame. Event Timing's "next paint" may come
//     before the app's DOM update when the update runs in a later task,
//     as go-app's does (its frame timer); this one cannot.
const observeKeys = `(() => {
	window.__keys = [];
	window.__shown = [];
	window.__pressed = [];
	window.__frames = [];
	window.__keydowns0 = performance.eventCounts.get("keydown") || 0;
	new PerformanceObserver(list => {
		for (const e of list.getEntries()) {
			if (e.name === "keydown") window.__keys.push(e.duration);
		}
	}).observe({type: "event", durationThreshold: 16, buffered: false});
	addEventListener("keydown", e => window.__pressed.push(e.timeStamp), true);
	new MutationObserver(() => {
		const pressed = window.__pressed.length ? window.__pressed[window.__pressed.length - 1] : NaN;
		requestAnimationFrame(t => { window.__shown.push(t - pressed); window.__frames.push(t); });
	}).observe(document.querySelector("#position"), {childList: true, characterData: true, subtree: true});
	return typeof PerformanceEventTiming !== "undefined" && performance.eventCounts !== undefined;
})()`

// keyToPaint is what testKeyToPaint measured on one page.
type keyToPaint struct {
	sent     int       // keys pressed
	counted  int       // keydowns the browser counted (performance.eventCounts)
	reported []float64 // Event Timing durations of the presses ≥ 16 ms
	shown    []float64 // press to the frame that draws its step
}

// quantile returns the q-quantile of the press-to-paint times, counting
// each press the browser did not report as faster than 16 ms, and
// whether it is only known to be under 16 ms.
func (k keyToPaint) quantile(q float64) (float64, bool) {
	all := make([]float64, k.counted-len(k.reported), k.counted)
	all = append(all, k.reported...)
	v := quantile(all, q)
	return v, v == 0
}

// quantile returns the q-quantile of xs (0 for none).
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[min(int(q*float64(len(s))), len(s)-1)]
}

func (k keyToPaint) String() string {
	p50, under50 := k.quantile(0.50)
	p95, under95 := k.quantile(0.95)
	show := func(v float64, under bool) string {
		if under {
			return "< 16 ms"
		}
		return fmt.Sprintf("%.0f ms", v)
	}
	return fmt.Sprintf("%d keys sent, %d counted, %d reported at ≥ 16 ms: p50 %s, p95 %s; press to the frame drawing the step (%d): p50 %.0f ms, p95 %.0f ms",
		k.sent, k.counted, len(k.reported), show(p50, under50), show(p95, under95), len(k.shown), quantile(k.shown, 0.5), quantile(k.shown, 0.95))
}

// testKeyToPaint prints press-to-paint of the arrow keys on a lesson of
// about 20 lines and on a trace of 20,000 steps: p50 and p95 (goal: p95 ≤
// 50 ms on both), each page on each build in turn; then a burst of keys
// as fast as the browser takes them (key repeat), and how many renders
// it cost.
func testKeyToPaint(t *testing.T, builds []perfBuild) {
	long, steps := longScenario(t, 20000)
	for _, page := range []struct{ name, path string }{
		{"lesson qos2 (22 lines)", "/lessons/qos2"},
		{fmt.Sprintf("scenario of %d steps", steps), "/scenario?src=" + url.QueryEscape(long)},
	} {
		for _, build := range builds {
			ctx := newBrowserWithWorker(t, 1280, 800)
			open(t, ctx, build.base, page.path)
			total := eval[int](t, ctx, `+document.querySelector("#position").textContent.match(/(\d+)\D*$/)[1]`)
			if !eval[bool](t, ctx, observeKeys) {
				t.Fatal("this browser has no Event Timing API")
			}
			// → to step n+1 and ← back, until 80 keys have been pressed.
			n := min(40, total-1)
			k := keyToPaint{}
			for k.sent < 80 {
				for i := 1; i <= 2*n; i++ {
					key, at := kb.ArrowRight, i+1
					if i > n {
						key, at = kb.ArrowLeft, 2*n-i+1
					}
					do(t, ctx, chromedp.KeyEvent(key))
					k.sent++
					waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent.match(/\d+/)[0] === "%d"`, at))
				}
			}
			// Entries arrive after the paint that ends them.
			do(t, ctx, chromedp.Sleep(500e6))
			k.counted = eval[int](t, ctx, `performance.eventCounts.get("keydown") - window.__keydowns0`)
			k.reported = eval[[]float64](t, ctx, `window.__keys`)
			k.shown = eval[[]float64](t, ctx, `window.__shown`)
			if k.counted != k.sent || len(k.reported) > k.sent || len(k.shown) != k.sent {
				t.Fatalf("%s: %d keys sent, the browser counted %d, %d entries, %d steps drawn", page.name, k.sent, k.counted, len(k.reported), len(k.shown))
			}
			t.Logf("%skey press → next paint, %s: %v", build.label, page.name, k)
			testKeyBurst(t, ctx, build, page.name, n)
		}
	}
}

// testKeyBurst presses → n times as fast as the browser takes the keys,
// as key repeat does, and prints how many times the position line was
// drawn for them and the time from the first press to the frame that
// draws the last step.
func testKeyBurst(t *testing.T, ctx context.Context, build perfBuild, page string, n int) {
	eval[bool](t, ctx, `(window.__frames = [], window.__pressed = [], true)`)
	start := eval[int](t, ctx, `+document.querySelector("#position").textContent.match(/\d+/)[0]`)
	do(t, ctx, chromedp.KeyEvent(strings.Repeat(kb.ArrowRight, n)))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent.match(/\d+/)[0] === "%d"`, start+n))
	do(t, ctx, chromedp.Sleep(200e6))
	draws := eval[int](t, ctx, `window.__frames.length`)
	span := eval[float64](t, ctx, `window.__frames[window.__frames.length-1] - window.__pressed[0]`)
	t.Logf("%s  a burst of %d → keys on %s: drawn %d times, first press to the last step's frame %.0f ms", build.label, n, page, draws, span)
}

package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// testKeyCPU prints the main thread's time a step by the arrow keys
// costs on the lesson qos2: the renderer's thread time (Chromium's
// Performance.getMetrics in thread ticks: every task, and the script,
// style and layout parts of it) over 60 keys, each pressed once the
// step before is drawn, after 20 to warm the page up; three rounds, the
// builds in turn. The CPU time is what a step takes from everything
// else, steadier on a shared machine than the wait to the next paint.
func testKeyCPU(t *testing.T, builds []perfBuild) {
	res := make([][]string, len(builds))
	for round := range 3 {
		for b, build := range builds {
			t.Run(fmt.Sprintf("%d-%d", round, b), func(t *testing.T) {
				res[b] = append(res[b], keyCPU(t, build))
			})
		}
	}
	for b, build := range builds {
		t.Logf("%smain-thread time per key, lesson qos2 (task, script, style, layout): %s", build.label, strings.Join(res[b], "; "))
	}
}

// keyCPU presses the keys on one build and returns its figures.
func keyCPU(t *testing.T, build perfBuild) string {
	ctx := newBrowserWithWorker(t, 1280, 800)
	open(t, ctx, build.base, "/lessons/qos2/")
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks})
		return err
	}))
	at := 1
	press := func(n int) {
		for i := range n {
			key := kb.ArrowRight
			if (i/10)%2 == 1 {
				key, at = kb.ArrowLeft, at-1
			} else {
				at++
			}
			do(t, ctx, chromedp.KeyEvent(key))
			positionIs(t, ctx, at)
		}
	}
	press(20)
	before := threadMetrics(t, ctx)
	const keys = 60
	press(keys)
	after := threadMetrics(t, ctx)
	var out []string
	for _, m := range []string{"TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration"} {
		out = append(out, fmt.Sprintf("%.1f", (after[m]-before[m])*1000/keys))
	}
	return strings.Join(out, "/") + " ms"
}

// threadMetrics are the page's Performance.getMetrics by name.
func threadMetrics(t *testing.T, ctx context.Context) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		res, err := cdp.Call(ctx, tg, performance.GetMetrics, cdp.Empty{})
		if err != nil {
			return err
		}
		for _, m := range res.Metrics {
			out[m.Name] = m.Value
		}
		return nil
	}))
	return out
}

package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mqttviz/sim"
)

// TestBrowserPerf prints the figures of docs/performance.md's browser
// section. It runs only with -perf:
//
//	make build && go test -v ./cmd/mqttviz -run TestBrowserPerf -perf
func TestBrowserPerf(t *testing.T) {
	if !*perf {
		t.Skip("run with -perf to measure")
	}
	base := appURL(t)
	t.Run("size", testWASMSize)
	t.Run("first-interactive", func(t *testing.T) { testFirstInteractive(t, base) })
	t.Run("step", func(t *testing.T) { testStepTime(t, base) })
	t.Run("key-to-paint", func(t *testing.T) { testKeyToPaint(t, base) })
}

// testWASMSize prints the size of app.wasm: raw, gzip (best) and brotli
// (best), as the static site ships them.
func testWASMSize(t *testing.T) {
	wasm, err := os.ReadFile(filepath.Join(webDir, "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	gz, err := compressGzip(wasm)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	br, err := compressBrotli(wasm, brotliStaticQuality)
	if err != nil {
		t.Fatal(err)
	}
	mb := func(n int) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }
	t.Logf("app.wasm: raw %s, gzip -9 %s, brotli -11 %s (compressed in %v)", mb(len(wasm)), mb(len(gz)), mb(len(br)), time.Since(start).Round(time.Millisecond))

}

// testFirstInteractive prints the time from navigation start to the
// lesson drawn with its handlers attached, each time in a fresh browser
// profile.
func testFirstInteractive(t *testing.T, base string) {
	name, _ := richestLesson(t)
	var first, fetched, started []float64
	for range 5 {
		ctx := newBrowser(t, 1280, 800)
		open(t, ctx, base, "/lessons/"+name)
		first = append(first, eval[float64](t, ctx, `performance.getEntriesByName("mqttviz-interactive")[0].startTime`))
		fetched = append(fetched, eval[float64](t, ctx, `performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")).responseEnd`))
		started = append(started, eval[float64](t, ctx, `performance.getEntriesByName("mqttviz-start")[0].startTime`))
	}
	t.Logf("first interactive render of /lessons/%s, fresh profile: median %.0f ms of %v", name, median(first), rounded(first))
	t.Logf("  of which: app.wasm downloaded and compiled at %.0f ms (median), Go's main running at %.0f ms", median(fetched), median(started))

}

// testStepTime prints the time one step takes to render in a trace of at
// least 2,000 steps.
func testStepTime(t *testing.T, base string) {
	src, steps := longScenario(t, 2000)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/scenario?src="+url.QueryEscape(src))
	do(t, ctx, chromedp.KeyEvent(kb.End))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent === "Step %d of %d"`, steps, steps))
	eval[bool](t, ctx, `(performance.clearMeasures("mqttviz-step"), true)`)
	for range 60 {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
	}
	for range 60 {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent === "Step %d of %d"`, steps, steps))
	times := eval[[]float64](t, ctx, `performance.getEntriesByName("mqttviz-step").map(e => e.duration)`)
	slices.Sort(times)
	t.Logf("one step of a %d-step trace: median %.1f ms, 95th percentile %.1f ms, max %.1f ms (%d steps)",
		steps, median(times), times[len(times)*95/100], times[len(times)-1], len(times))
}

// longScenario is a scenario of QoS 1 publishes with at least n steps.
func longScenario(t *testing.T, n int) (string, int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("title en: A long trace\ntitle zh: 长轨迹\nclient sensor\nclient phone\nconnect sensor\nconnect phone\nsubscribe phone devices/# qos=1\n")
	for i := 0; i < n/4+1; i++ {
		fmt.Fprintf(&b, "publish sensor devices/sensor/%d \"%d\" qos=1\n", i%10, i)
	}
	tr, err := sim.RunScenario("long", b.String(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Steps) < n {
		t.Fatalf("the long scenario has %d steps, want %d", len(tr.Steps), n)
	}
	return b.String(), len(tr.Steps)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func rounded(xs []float64) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		out[i] = int(x + 0.5)
	}
	return out
}

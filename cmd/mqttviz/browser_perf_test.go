package main

import (
	"flag"
	"fmt"
	"mqttviz/sim/script"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// perfAgainst is another build's web/ directory to measure beside this
// one, in the same run: the machine is shared and its load changes from
// minute to minute, so a before and after are compared turn by turn.
var perfAgainst = flag.String("perf-against", "", "browser perf: another build's web/ directory (with its app.wasm) to measure turn by turn beside this one")

// TestBrowserPerf prints the figures of docs/performance.md's browser
// section. It runs only with -perf:
//
//	make build && go test -v ./cmd/mqttviz -run TestBrowserPerf -perf
//
// With -perf-against DIR it measures the build in DIR too, each
// measurement taken on both builds in turn ("before" is DIR).
func TestBrowserPerf(t *testing.T) {
	if !*perf {
		t.Skip("run with -perf to measure")
	}
	builds := []perfBuild{{"", appURL(t)}}
	if *perfAgainst != "" {
		builds = []perfBuild{{"before: ", siteURL(t, *perfAgainst)}, {"after:  ", builds[0].base}}
	}
	t.Logf("load average: %s", loadAverage())
	t.Run("size", testWASMSize)
	t.Run("first-interactive", func(t *testing.T) { testFirstInteractive(t, builds) })
	t.Run("step", func(t *testing.T) { testStepTime(t, builds) })
	t.Run("key-to-paint", func(t *testing.T) { testKeyToPaint(t, builds) })
	t.Run("key-cpu", func(t *testing.T) { testKeyCPU(t, builds) })
	t.Logf("load average: %s", loadAverage())
}

// perfBuild is a build under measurement: the label its figures carry
// and where it is served.
type perfBuild struct{ label, base string }

// loadAverage is the machine's load average over 1, 5 and 15 minutes.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

var (
	sitesMu sync.Mutex
	sites   = map[string]string{}
)

// siteURL serves the web/ directory dir on a free loopback port, once per
// directory, with the handler of `mqttviz serve`.
func siteURL(t *testing.T, dir string) string {
	t.Helper()
	sitesMu.Lock()
	defer sitesMu.Unlock()
	if u, ok := sites[dir]; ok {
		return u
	}
	// Served for the rest of the process, not the test: the next test
	// that measures the same build finds it here.
	h := webHandler(t, dir)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go http.Serve(ln, h)
	sites[dir] = "http://" + ln.Addr().String()
	return sites[dir]
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
// profile, five times for each build, the builds in turn.
func testFirstInteractive(t *testing.T, builds []perfBuild) {
	name, _ := richestLesson(t)
	first := make([][]float64, len(builds))
	fetched := make([][]float64, len(builds))
	started := make([][]float64, len(builds))
	for i := range 5 {
		for b, build := range builds {
			// Each visit in a browser of its own, closed before the next
			// starts: a browser left open went on working (the service
			// worker filling its cache) through the next visit.
			t.Run(fmt.Sprintf("%svisit-%d", strings.TrimSpace(strings.TrimSuffix(build.label, ": ")), i+1), func(t *testing.T) {
				ctx := newBrowserWithWorker(t, 1280, 800)
				open(t, ctx, build.base, "/lessons/"+name)
				first[b] = append(first[b], eval[float64](t, ctx, `performance.getEntriesByName("mqttviz-interactive")[0].startTime`))
				fetched[b] = append(fetched[b], eval[float64](t, ctx, `performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")).responseEnd`))
				started[b] = append(started[b], eval[float64](t, ctx, `performance.getEntriesByName("mqttviz-start")[0].startTime`))
			})
		}
	}
	for b, build := range builds {
		t.Logf("%sfirst interactive render of /lessons/%s, fresh profile: median %.0f ms of %v", build.label, name, median(first[b]), rounded(first[b]))
		t.Logf("%s  of which: app.wasm downloaded and compiled at %.0f ms (median), Go's main running at %.0f ms", build.label, median(fetched[b]), median(started[b]))
	}
	if len(builds) == 2 {
		t.Logf("after/before: %.2f", median(first[1])/median(first[0]))
	}
}

// testStepTime prints the time one step takes to render in a trace of at
// least 2,000 steps.
func testStepTime(t *testing.T, builds []perfBuild) {
	src, steps := longScenario(t, 2000)
	for _, build := range builds {
		ctx := newBrowserWithWorker(t, 1280, 800)
		open(t, ctx, build.base, "/scenario?src="+url.QueryEscape(src))
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
		t.Logf("%sone step of a %d-step trace: median %.1f ms, 95th percentile %.1f ms, max %.1f ms (%d steps)",
			build.label, steps, median(times), times[len(times)*95/100], times[len(times)-1], len(times))
	}
}

// longScenario is a scenario of QoS 1 publishes with at least n steps.
func longScenario(t *testing.T, n int) (string, int) {
	t.Helper()
	var b strings.Builder
	b.WriteString("title en: A long trace\ntitle zh: 长轨迹\nclient sensor\nclient phone\nconnect sensor\nconnect phone\nsubscribe phone devices/# qos=1\n")
	for i := 0; i < n/4+1; i++ {
		fmt.Fprintf(&b, "publish sensor devices/sensor/%d \"%d\" qos=1\n", i%10, i)
	}
	tr, err := script.Run("long", b.String(), 1)
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

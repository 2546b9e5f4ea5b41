package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"mqttviz/codec"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/memory"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The live page under load: a native client publishes at QoS 0, at a
// steady rate, to the topic a live client subscribed to on the test's
// mosquitto, while the page is watched.

// loadTopic is the topic the load goes to: the forms' default.
const loadTopic = "mqttviz/demo"

// publishLoad connects to the MQTT listener at addr and publishes rate
// QoS 0 messages a second to topic for d, in batches every 10 ms, then
// disconnects. It returns how many it sent: rate × d unless it failed.
func publishLoad(addr string, rate int, d time.Duration) (int, error) {
	c, err := net.DialTimeout("tcp4", addr, 5*time.Second)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	b, err := codec.Append(nil, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, KeepAlive: 0, ClientID: "mqttviz-load"})
	if err != nil {
		return 0, err
	}
	if _, err := c.Write(b); err != nil {
		return 0, err
	}
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	ack := make([]byte, 4)
	if _, err := io.ReadFull(c, ack); err != nil || string(ack) != "\x20\x02\x00\x00" {
		return 0, fmt.Errorf("CONNACK % x: %v", ack, err)
	}
	total := int(float64(rate) * d.Seconds())
	sent, start := 0, time.Now()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for sent < total {
		now := <-tick.C
		due := min(total, int(now.Sub(start).Seconds()*float64(rate)))
		b = b[:0]
		for ; sent < due; sent++ {
			b, _ = codec.Append(b, &codec.Publish{Topic: loadTopic, Payload: []byte("load " + strconv.Itoa(sent))})
		}
		if _, err := c.Write(b); err != nil {
			return sent, err
		}
	}
	_, err = c.Write([]byte{0xe0, 0x00}) // DISCONNECT
	return sent, err
}

// captureWASMMemory makes every new document of the tab keep the Go
// program's memory (the module's export "mem") as window.__wasmMemory.
func captureWASMMemory(t *testing.T, ctx context.Context) {
	t.Helper()
	const hook = `(() => {
	const start = WebAssembly.instantiateStreaming, make = WebAssembly.instantiate;
	const keep = r => { window.__wasmMemory = (r.instance || r).exports.mem; return r; };
	WebAssembly.instantiateStreaming = (...a) => start(...a).then(keep);
	WebAssembly.instantiate = (...a) => make(...a).then(keep);
})()`
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hook})
		return err
	}))
}

// pageMemory is what the page holds at one moment.
type pageMemory struct {
	jsHeap   float64 // bytes of the JavaScript heap in use
	wasm     int     // bytes of the Go program's linear memory
	domNodes int64   // DOM nodes, those not yet collected included
	kept     int     // steps the recording keeps, the gap step included
	drawn    int     // rows of the diagram in the DOM
	listed   int     // rows of the event list in the DOM
}

// measureMemory reads the page's memory, after a garbage collection of
// the JavaScript heap when collect is true.
func measureMemory(t *testing.T, ctx context.Context, collect bool) pageMemory {
	t.Helper()
	var m pageMemory
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if collect {
			if _, err := cdp.Call(ctx, tg, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
				return err
			}
		}
		h, err := cdp.Call(ctx, tg, runtime.GetHeapUsage, cdp.Empty{})
		if err != nil {
			return err
		}
		d, err := cdp.Call(ctx, tg, memory.GetDOMCounters, cdp.Empty{})
		if err != nil {
			return err
		}
		m.jsHeap, m.domNodes = h.UsedSize, d.Nodes
		return nil
	}))
	v := eval[[]int](t, ctx, `[
	window.__wasmMemory ? window.__wasmMemory.buffer.byteLength : -1,
	+document.getElementById("position").textContent.match(/of (\d+)/)[1],
	document.querySelectorAll('[data-c="rows"] > *').length,
	document.querySelectorAll('.event-rows > *').length,
]`)
	m.wasm, m.kept, m.drawn, m.listed = v[0], v[1], v[2], v[3]
	return m
}

func (m pageMemory) String() string {
	return fmt.Sprintf("JS heap %.1f MB, Go memory %.1f MB, %d DOM nodes; %d steps kept, %d diagram rows and %d event rows drawn",
		m.jsHeap/1e6, float64(m.wasm)/1e6, m.domNodes, m.kept, m.drawn, m.listed)
}

// recorded is what the page says of its recording: the steps it shows
// and how many it no longer keeps.
type recorded struct{ shown, dropped int }

// recordedTotal reads the position line and the keep line: the steps
// shown (with the gap step, as the position counts them) and those let go.
func recordedTotal(t *testing.T, ctx context.Context) recorded {
	t.Helper()
	v := eval[[]int](t, ctx, `(() => {
	const pos = document.getElementById("position").textContent.match(/of (\d+)/);
	const keep = document.getElementById("live-keep").textContent.match(/newest (\d+) steps: (\d+) earlier/);
	return [+pos[1], keep ? +keep[2] : 0];
})()`)
	return recorded{shown: v[0], dropped: v[1]}
}

// waitRecorded waits until the page recorded n steps, kept or let go.
func waitRecorded(t *testing.T, ctx context.Context, n int, d time.Duration) {
	t.Helper()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`(() => {
	const pos = document.getElementById("position").textContent.match(/of (\d+)/);
	const keep = document.getElementById("live-keep").textContent.match(/newest (\d+) steps: (\d+) earlier/);
	return pos !== null && (keep ? +keep[1] + +keep[2] : +pos[1]) === %d;
})()`, n), chromedp.WithPollingTimeout(d)))
	if err != nil {
		r := recordedTotal(t, ctx)
		t.Fatalf("after %v the page shows %d steps and let %d go, want %d in all: %v", d, r.shown, r.dropped, n, err)
	}
}

// observeKeyTimes starts collecting the Event Timing entries of the
// keydowns of at least 16 ms (the least durationThreshold the browser
// allows), each with its parts (window.__parts), and notes the
// browser's keydown count, as observeKeys does; and counts the draws of
// the position line (window.__draws).
const observeKeyTimes = `(() => {
	window.__keys = [];
	window.__parts = [];
	window.__keydowns0 = performance.eventCounts.get("keydown") || 0;
	new PerformanceObserver(list => {
		for (const e of list.getEntries()) {
			if (e.name !== "keydown") continue;
			window.__keys.push(e.duration);
			window.__parts.push([e.processingStart - e.startTime, e.processingEnd - e.processingStart, e.startTime + e.duration - e.processingEnd]);
		}
	}).observe({type: "event", durationThreshold: 16, buffered: false});
	window.__draws = 0;
	new MutationObserver(() => window.__draws++).observe(document.getElementById("position"), {childList: true, characterData: true, subtree: true});
	return typeof PerformanceEventTiming !== "undefined";
})()`

// liveLoad is one run of the load: its rate and length, and the keep of
// the page (0 for the default).
type liveLoad struct {
	rate int
	d    time.Duration
	keep int
	// profile logs a CPU profile of the page during the load.
	profile bool
	// base is the build under measurement (appURL when empty).
	base string
}

// liveLoadResult is what a run of the load saw.
type liveLoadResult struct {
	sent    int          // messages published
	before  int          // steps before the load (the connection, CONNECT, CONNACK, SUBSCRIBE, SUBACK)
	keys    keyToPaint   // the keys pressed during the load
	samples []pageMemory // the page's memory during the load, every fifth of it
	end     pageMemory   // at the end, after a garbage collection
	final   recorded
	// parts are the reported presses' input delay (press to handlers),
	// handlers, and handlers to the next paint, in milliseconds.
	parts [][3]float64
	// drawsPerSecond is how often the position line was drawn during the load.
	drawsPerSecond float64
	// ctx is the page's tab, open until the test ends.
	ctx context.Context
}

// runLiveLoad connects the page's client to mosquitto (keepalive 0),
// subscribes it to the load's topic, publishes the load from outside,
// presses ← and End in turn every 100 ms while it lasts (the player's
// keys, on the page's body), and waits until every message is a step,
// kept or let go.
func runLiveLoad(t *testing.T, l liveLoad) liveLoadResult {
	m := startMosquitto(t)
	base := l.base
	if base == "" {
		base = appURL(t)
	}
	ctx := newBrowserWithin(t, 1280, 800, l.d+4*time.Minute)
	captureWASMMemory(t, ctx)
	path := "/live/?broker=" + url.QueryEscape(m.WSURL())
	if l.keep > 0 {
		path += "&keep=" + strconv.Itoa(l.keep)
	}
	open(t, ctx, base, path)
	eval[bool](t, ctx, liveJS)
	// No keepalive: a PINGREQ would be a step more than the messages.
	setField(t, ctx, "live-c1-keepalive", "0")
	click(t, ctx, "live-c1-connect-do")
	click(t, ctx, "live-c1-subscribe")
	res := liveLoadResult{before: 5, ctx: ctx}
	waitSteps(t, ctx, res.before)
	eval[bool](t, ctx, `(document.activeElement.blur(), true)`)
	if !eval[bool](t, ctx, observeKeyTimes) {
		t.Fatal("this browser has no Event Timing API")
	}

	if l.profile {
		startCPUProfile(t, ctx)
	}
	type outcome struct {
		sent int
		err  error
	}
	done := make(chan outcome, 1)
	go func() {
		n, err := publishLoad(m.TCPAddr(), l.rate, l.d)
		done <- outcome{n, err}
	}()
	start, keys, sampled := time.Now(), []string{kb.ArrowLeft, kb.End}, 0
	var out outcome
press:
	for {
		select {
		case out = <-done:
			break press
		case <-time.After(100 * time.Millisecond):
		}
		do(t, ctx, chromedp.KeyEvent(keys[res.keys.sent%2]))
		res.keys.sent++
		if at := time.Since(start); at >= time.Duration(sampled+1)*l.d/5 {
			sampled++
			res.samples = append(res.samples, measureMemory(t, ctx, false))
		}
	}
	if out.err != nil {
		t.Fatalf("the load stopped after %d messages: %v", out.sent, out.err)
	}
	res.sent, res.drawsPerSecond = out.sent, float64(eval[int](t, ctx, `window.__draws`))/time.Since(start).Seconds()
	waitRecorded(t, ctx, res.before+res.sent, 3*time.Minute)
	if l.profile {
		t.Logf("CPU profile of the load: %s", stopCPUProfile(t, ctx, 40, filepath.Join(os.TempDir(), fmt.Sprintf("mqttviz-live-%d.cpuprofile", time.Now().Unix()))))
	}
	// Entries arrive after the paint that ends them.
	do(t, ctx, chromedp.Sleep(500*time.Millisecond))
	res.keys.counted = eval[int](t, ctx, `performance.eventCounts.get("keydown") - window.__keydowns0`)
	res.keys.reported = eval[[]float64](t, ctx, `window.__keys`)
	res.parts = eval[[][3]float64](t, ctx, `window.__parts`)
	if res.keys.counted != res.keys.sent || len(res.keys.reported) > res.keys.sent {
		t.Fatalf("%d keys sent, the browser counted %d, %d entries", res.keys.sent, res.keys.counted, len(res.keys.reported))
	}
	res.final = recordedTotal(t, ctx)
	res.end = measureMemory(t, ctx, true)
	return res
}

// TestBrowserLiveLoad: 3,000 messages at 1,000 a second from outside to
// a page that keeps 1,000 steps: every message is a step, kept or let
// go and said so; the page keeps at most 1,000 and draws a few dozen
// rows, however many came.
func TestBrowserLiveLoad(t *testing.T) {
	const keep = 1000
	r := runLiveLoad(t, liveLoad{rate: 1000, d: 3 * time.Second, keep: keep})
	if r.sent != 3000 {
		t.Fatalf("%d messages published, want 3000", r.sent)
	}
	total := r.before + r.sent
	// The gap step stands for those let go; the keep line counts the rest.
	if kept := r.final.shown - 1; kept > keep || kept+r.final.dropped != total || r.final.dropped == 0 {
		t.Errorf("the page shows %d steps and let %d go: want at most %d kept, %d in all", r.final.shown, r.final.dropped, keep, total)
	}
	if r.end.drawn == 0 || r.end.drawn > 100 || r.end.listed == 0 || r.end.listed > 100 {
		t.Errorf("%d diagram rows and %d event rows in the DOM: want a view's worth, not the trace", r.end.drawn, r.end.listed)
	}
	// End shows the newest step: the last message.
	do(t, r.ctx, chromedp.KeyEvent(kb.End))
	waitFor(t, r.ctx, `document.getElementById("announce").textContent.includes('"load 2999"')`)
	t.Logf("%d messages; %v; keys: %v; load average %s", r.sent, r.end, r.keys, loadAverage())
}

// liveProfile makes TestBrowserLivePerf log a CPU profile of the page.
var liveProfile = flag.Bool("live-profile", false, "TestBrowserLivePerf: log a CPU profile of the page during the load (build an unstripped app.wasm for names)")

// liveRounds is how many times TestBrowserLivePerf measures each build.
var liveRounds = flag.Int("live-rounds", 1, "TestBrowserLivePerf: measurements of each build, in turn")

// TestBrowserLivePerf prints the figures of docs/performance.md's live
// page section: 1,000 messages a second for 30 s to the page's client,
// with the default keep; key press to next paint of ← and End during the
// load, and the page's memory during and after it. It runs only with
// -perf:
//
//	make build && go test -count=1 -v ./cmd/mqttviz -run TestBrowserLivePerf -perf
//
// With -perf-against DIR the build in DIR is measured too, in turn
// (-live-rounds N times each); -live-profile logs a CPU profile of each.
func TestBrowserLivePerf(t *testing.T) {
	if !*perf {
		t.Skip("run with -perf to measure")
	}
	builds := []perfBuild{{"", appURL(t)}}
	if *perfAgainst != "" {
		builds = []perfBuild{{"before: ", siteURL(t, *perfAgainst)}, {"after:  ", builds[0].base}}
	}
	for round := range *liveRounds {
		for _, b := range builds {
			t.Logf("%sround %d, load average: %s", b.label, round+1, loadAverage())
			r := runLiveLoad(t, liveLoad{rate: 1000, d: 30 * time.Second, profile: *liveProfile, base: b.base})
			t.Logf("%s%d messages in 30 s; the page recorded %d steps, kept %d, let %d go", b.label, r.sent, r.before+r.sent, r.final.shown, r.final.dropped)
			for i, m := range r.samples {
				t.Logf("%s  at %2d s: %v", b.label, (i+1)*6, m)
			}
			t.Logf("%s  at the end, after a garbage collection: %v", b.label, r.end)
			p95, _ := r.keys.quantile(0.95)
			p50, _ := r.keys.quantile(0.50)
			var parts [3][]float64
			for _, p := range r.parts {
				for i := range p {
					parts[i] = append(parts[i], p[i])
				}
			}
			t.Logf("%s  of the presses reported, p50 / p95: input delay %.0f / %.0f ms, handlers %.0f / %.0f ms, handlers to paint %.0f / %.0f ms", b.label,
				quantile(parts[0], 0.5), quantile(parts[0], 0.95), quantile(parts[1], 0.5), quantile(parts[1], 0.95), quantile(parts[2], 0.5), quantile(parts[2], 0.95))
			t.Logf("%s  keys during the load: %d sent, %d counted, %d reported at ≥ 16 ms; p50 %.0f ms, p95 %.0f ms (0: under 16 ms); the page drawn %.0f times a second", b.label, r.keys.sent, r.keys.counted, len(r.keys.reported), p50, p95, r.drawsPerSecond)
		}
	}
	t.Logf("load average: %s", loadAverage())
}

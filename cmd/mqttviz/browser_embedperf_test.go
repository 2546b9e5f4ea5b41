package main

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBrowserEmbedPerf measures the figures of docs/performance.md's
// "Embeds": the bytes an embed's poster page transfers before a click
// (every resource, as the network reports them), and the time from the
// click to the player being interactive, median of 5, each in a new
// browser with an empty cache:
//
//	make build && go test -v ./cmd/mqttviz -run TestBrowserEmbedPerf -perf
func TestBrowserEmbedPerf(t *testing.T) {
	if !*perf {
		t.Skip("run with -perf to measure")
	}
	app := newEmbedServer(t)
	t.Logf("load average: %s", loadAverage())
	var posterBytes, loadedBytes, ms []float64
	for run := 0; run < 5; run++ {
		ctx := newBrowserWithWorker(t, 800, 600)
		var mu sync.Mutex
		var bytes float64
		if err := chromedp.Listen(ctx, func(ev any) {
			if e, ok := ev.(*network.EventLoadingFinished); ok {
				mu.Lock()
				bytes += e.EncodedDataLength
				mu.Unlock()
			}
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		openPoster(t, ctx, app.url, "/embed/lessons/qos2/")
		waitFor(t, ctx, `document.querySelector(".poster:not([hidden]) .poster-still").complete && document.querySelector(".poster:not([hidden]) .poster-still").naturalWidth > 0`)
		// What is still on its way when the still has drawn.
		time.Sleep(500 * time.Millisecond)
		mu.Lock()
		poster := bytes
		mu.Unlock()
		do(t, ctx, chromedp.Click(chromedp.CSS(`.poster:not([hidden]) .poster-start`)))
		waitForWithin(t, ctx, `performance.getEntriesByName("mqttviz-interactive").length > 0`, 60*time.Second)
		took := eval[float64](t, ctx, `performance.getEntriesByName("mqttviz-interactive")[0].startTime - performance.getEntriesByName("mqttviz-embed-start")[0].startTime`)
		mu.Lock()
		loaded := bytes
		mu.Unlock()
		posterBytes, loadedBytes, ms = append(posterBytes, poster), append(loadedBytes, loaded), append(ms, took)
	}
	t.Logf("poster page before a click: %v bytes (median %.0f); with the app loaded: median %.0f bytes", rounded(posterBytes), median(posterBytes), median(loadedBytes))
	t.Logf("click to interactive: %v ms, median %s ms", rounded(ms), fmt.Sprintf("%.0f", median(ms)))
	t.Logf("load average: %s", loadAverage())
}

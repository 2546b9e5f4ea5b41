package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"
)

// startCPUProfile starts the tab's JavaScript and WebAssembly sampling
// profiler, a sample every 200 µs. Function names need an unstripped
// app.wasm (GOOS=js GOARCH=wasm go build -o web/app.wasm ./wasm).
func startCPUProfile(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, profiler.Enable, cdp.Empty{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, profiler.Start, cdp.Empty{})
		return err
	}))
}

// stopCPUProfile stops the profiler, saves the profile as JSON in
// save (the format of Chromium's DevTools, .cpuprofile) and returns the
// n functions of the most time, with and without what they called, in
// milliseconds.
func stopCPUProfile(t *testing.T, ctx context.Context, n int, save string) string {
	t.Helper()
	var p *profiler.Profile
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		res, err := cdp.Call(ctx, tg, profiler.Stop, cdp.Empty{})
		p = res.Profile
		return err
	}))
	if b, err := json.Marshal(p); err != nil || os.WriteFile(save, b, 0o644) != nil {
		t.Errorf("saving the profile in %s: %v", save, err)
	}
	parent := map[int64]int64{}
	name := map[int64]string{}
	for _, nd := range p.Nodes {
		name[nd.ID] = nd.CallFrame.FunctionName
		for _, c := range nd.Children {
			parent[c] = nd.ID
		}
	}
	self, total := map[string]float64{}, map[string]float64{}
	var all float64
	for i, id := range p.Samples {
		if i+1 >= len(p.TimeDeltas) {
			break
		}
		ms := float64(p.TimeDeltas[i+1]) / 1000
		all += ms
		self[name[id]] += ms
		seen := map[string]bool{}
		for at, ok := id, true; ok; at, ok = parent[at] {
			if f := name[at]; !seen[f] {
				seen[f] = true
				total[f] += ms
			}
		}
	}
	top := func(m map[string]float64) string {
		names := make([]string, 0, len(m))
		for f := range m {
			names = append(names, f)
		}
		slices.SortFunc(names, func(a, b string) int { return int(m[b]*1000 - m[a]*1000) })
		var b strings.Builder
		for _, f := range names[:min(n, len(names))] {
			fmt.Fprintf(&b, "\n  %8.0f ms  %s", m[f], f)
		}
		return b.String()
	}
	return fmt.Sprintf("%s: %.0f ms sampled; most time itself:%s\nmost time with what it called:%s", save, all, top(self), top(total))
}

package main

import (
	"testing"
)

// TestBrowserWASMAfterFirstPaint: the pre-rendered page paints before
// app.wasm is asked for, so that the module's download and compile never
// hold back the first paint, and the app still starts (open waits until
// it is interactive).
func TestBrowserWASMAfterFirstPaint(t *testing.T) {
	base := appURL(t)
	for _, path := range []string{"/lessons/qos2/", "/decode/"} {
		t.Run(path, func(t *testing.T) {
			ctx := newBrowser(t, 1280, 800)
			open(t, ctx, base, path)
			order := eval[[]float64](t, ctx, `[
				performance.getEntriesByName("first-contentful-paint")[0].startTime,
				performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")).startTime,
			]`)
			if paint, fetched := order[0], order[1]; fetched < paint {
				t.Errorf("app.wasm was asked for at %.0f ms, before the first contentful paint at %.0f ms", fetched, paint)
			}
		})
	}
}

package main

import (
	"strings"
	"testing"
)

// TestLoaderWaitsForFirstPaint: no page preloads app.wasm, and go-app's
// app.js starts the app through mqttvizAfterFirstPaint, never at once.
func TestLoaderWaitsForFirstPaint(t *testing.T) {
	t.Parallel()
	assets := prerendered(t)
	js := string(assets["/app.js"].body)
	if strings.Contains(js, goappStart) {
		t.Errorf("app.js still starts the app as soon as it runs (%q)", strings.TrimSpace(goappStart))
	}
	if !strings.Contains(js, "\nwindow.mqttvizPresses = mqttvizKeepPresses();\nmqttvizAfterFirstPaint(goappInitWebAssembly);\n") || !strings.Contains(js, "function mqttvizAfterFirstPaint(start)") {
		t.Error("app.js does not start the app after the first paint")
	}
	for p, a := range assets {
		if strings.HasPrefix(a.contentType, "text/html") && strings.Contains(string(a.body), `rel="preload" type="application/wasm"`) {
			t.Errorf("%s preloads app.wasm", p)
		}
	}
}

// TestFixLoaderRefusesAnUnknownLoader: a go-app whose app.js starts the
// app otherwise fails the build rather than starting before the paint.
func TestFixLoaderRefusesAnUnknownLoader(t *testing.T) {
	for _, js := range []string{"", "goappInitWebAssembly()\n", goappStart + goappStart} {
		if _, err := fixLoader([]byte(js)); err == nil {
			t.Errorf("fixLoader(%q) gave no error", js)
		}
	}
}

//go:build js && wasm

package jsb

import (
	"time"

	"github.com/hack-pad/safejs"
)

// paintWait is how long AwaitPaint waits at most for the page's first
// contentful paint: a visible page that paints nothing (a tab put in the
// background while it loads) starts anyway.
const paintWait = 2 * time.Second

// AwaitPaint returns once the browser has shown the page as it stands:
// the page the server pre-rendered, before go-app replaces it with its
// own. It waits for the first contentful paint's entry, which the browser
// reports once the frame is on the screen, not for the next animation
// frame: on a busy machine the frame began and then took a second to
// reach the screen, go-app had replaced the page's elements in between,
// and the paint that counted as the page's largest (LCP) became the app's
// one, after app.wasm, 12 s later in Lighthouse's slow-4G simulation. The
// Go program's start-up is then two tasks, not one long one. A hidden
// page paints nothing: it returns at once.
func AwaitPaint() {
	if painted() || hidden() {
		PerfMark("mqttviz-painted")
		return
	}
	win := safejs.Global()
	done := make(chan struct{}, 1)
	finish := func() {
		select {
		case done <- struct{}{}:
		default:
		}
	}
	onPaint, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		if painted() {
			finish()
		}
		return nil
	})
	if err != nil {
		return
	}
	defer onPaint.Release()
	onTimeout, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any { finish(); return nil })
	if err != nil {
		return
	}
	defer onTimeout.Release()
	observer, err := observePaint(onPaint)
	timer, errTimer := win.Call("setTimeout", onTimeout.Value(), paintWait.Milliseconds())
	if err != nil && errTimer != nil {
		return
	}
	<-done
	// Nothing may call the functions once released.
	if err == nil {
		_, _ = observer.Call("disconnect")
	}
	if errTimer == nil {
		_, _ = win.Call("clearTimeout", timer)
	}
	if painted() {
		// For the browser tests: the wait ended on the paint.
		PerfMark("mqttviz-painted")
	}
}

// observePaint calls fn on each paint entry the browser reports, from
// now on.
func observePaint(fn safejs.Func) (safejs.Value, error) {
	ctor, err := safejs.Global().Get("PerformanceObserver")
	if err != nil {
		return safejs.Undefined(), err
	}
	observer, err := ctor.New(fn.Value())
	if err != nil {
		return safejs.Undefined(), err
	}
	opts, err := safejs.ValueOf(map[string]any{"type": "paint"})
	if err != nil {
		return safejs.Undefined(), err
	}
	if _, err := observer.Call("observe", opts); err != nil {
		return safejs.Undefined(), err
	}
	return observer, nil
}

// painted reports whether the browser has shown the page's first
// contentful paint.
func painted() bool {
	perf, err := safejs.Global().Get("performance")
	if err != nil {
		return false
	}
	entries, err := perf.Call("getEntriesByName", "first-contentful-paint")
	if err != nil {
		return false
	}
	n, err := entries.Get("length")
	if err != nil {
		return false
	}
	l, err := n.Int()
	return err == nil && l > 0
}

// hidden reports whether the page is out of sight, where nothing paints.
func hidden() bool {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return false
	}
	return stringProp(doc, "visibilityState") == "hidden"
}

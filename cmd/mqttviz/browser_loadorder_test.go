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

// TestBrowserWASMInSlices: the page hands app.wasm to the browser's
// compiler in slices of at most 128 KiB, one slice a task, and the app
// starts from them. The browser decodes what it is handed at once on the
// page's thread: network pieces of megabytes, several in one task, held
// the page for tens of milliseconds each while the module came in.
func TestBrowserWASMInSlices(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 412, 823)
	onNewDocument(t, ctx, `
		window.__slices = [];
		window.__twoInOneTask = 0;
		let pending = false;
		const enqueue = ReadableStreamDefaultController.prototype.enqueue;
		ReadableStreamDefaultController.prototype.enqueue = function (chunk) {
			if (chunk && chunk.byteLength !== undefined) {
				window.__slices.push(chunk.byteLength);
				if (pending) window.__twoInOneTask++;
				pending = true;
				// A posted message, as the loader's next task is.
				const channel = new MessageChannel();
				channel.port1.onmessage = () => { pending = false; };
				channel.port2.postMessage(null);
			}
			return enqueue.call(this, chunk);
		};`)
	open(t, ctx, base, "/lessons/qos2/")
	got := eval[struct {
		Slices       []int
		TwoInOneTask int
		Size         int
	}](t, ctx, `({
		slices: window.__slices,
		twoInOneTask: window.__twoInOneTask,
		size: performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")).decodedBodySize,
	})`)
	total, largest := 0, 0
	for _, n := range got.Slices {
		total += n
		largest = max(largest, n)
	}
	if total != got.Size {
		t.Fatalf("the compiler was handed %d bytes in %d slices, app.wasm is %d bytes", total, len(got.Slices), got.Size)
	}
	if largest > 128<<10 {
		t.Errorf("a slice of %d bytes went to the compiler, want at most %d", largest, 128<<10)
	}
	if got.TwoInOneTask > 0 {
		t.Errorf("%d slices went to the compiler in the same task as the one before", got.TwoInOneTask)
	}
}

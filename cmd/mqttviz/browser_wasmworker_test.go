package main

import (
	"slices"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserWasmCompiledInWorker opens a lesson on a first visit:
// app.wasm is downloaded once (the head's preload, taken by the page's
// fetch) and compiled in a worker (web/wasm-compile.js), and the page
// instantiates that module. Where no worker can be made, or the boot
// script does not load, the page compiles the module itself, as go-app
// does, and starts all the same. The start-up gives the browser a task
// of its own between the lesson's run and go-app's mount of the page.
func TestBrowserWasmCompiledInWorker(t *testing.T) {
	srv := newOfflineServer(t, webDir)
	ctx := newBrowser(t, 1280, 800)
	// Stamps of the browser's tasks while the page starts.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.__tasks = [];
		const tick = () => { window.__tasks.push(performance.now()); if (window.__tasks.length < 5000) setTimeout(tick, 0); };
		setTimeout(tick, 0);`}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, srv.url, "/lessons/qos2/")
	if !eval[bool](t, ctx, `performance.getEntriesByName("mqttviz-wasm-from-worker").length === 1`) {
		t.Error("the page did not take app.wasm's module from the compiling worker")
	}
	if n := srv.wasmDownloads.Load(); n != 1 {
		t.Errorf("app.wasm was downloaded %d times, want once (the preload's download taken by the page's fetch)", n)
	}
	if !slices.ContainsFunc(srv.requestLog(), func(r servedRequest) bool { return r.path == "/web/wasm-compile.js" }) {
		t.Error("the compiling worker's script was never asked for")
	}
	if !eval[bool](t, ctx, `(() => {
		const from = performance.getEntriesByName("mqttviz-prepared")[0], to = performance.getEntriesByName("mqttviz-interactive")[0];
		return !!from && !!to && window.__tasks.some(t => t > from.startTime && t < to.startTime);
	})()`) {
		t.Error("the lesson's run, go-app's mount and the page's first update ran in one task: no task of the browser's own between them")
	}

	// No worker to be had: the page compiles app.wasm.
	alone := newBrowser(t, 1280, 800)
	if _, err := chromedp.Call(alone, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
		window.Worker = function () { throw new Error("no workers here"); };`}); err != nil {
		t.Fatal(err)
	}
	open(t, alone, srv.url, "/lessons/qos1/")
	if eval[bool](t, alone, `performance.getEntriesByName("mqttviz-wasm-from-worker").length > 0`) {
		t.Error("with the worker's script blocked, the module still came from a worker")
	}
	waitFor(t, alone, `document.querySelector("#position") !== null`)

	// The boot script out of reach: the loader fetches and compiles
	// app.wasm itself (it waited for the script's load event, which had
	// come and gone, and the page never started).
	noBoot := newBrowser(t, 1280, 800)
	if _, err := chromedp.Call(noBoot, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(noBoot, network.SetBlockedURLs, network.SetBlockedURLsParams{
		URLPatterns: []*network.BlockPattern{{URLPattern: srv.url + "/web/wasm-boot.js", Block: true}},
	}); err != nil {
		t.Fatal(err)
	}
	open(t, noBoot, srv.url, "/lessons/qos1/")
	waitFor(t, noBoot, `document.querySelector("#position") !== null`)
}

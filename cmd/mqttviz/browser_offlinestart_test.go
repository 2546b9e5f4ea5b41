package main

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestBrowserOfflineWaitsForStart opens a lesson on a first visit: the
// service worker fills its cache only once the page is interactive. It
// fetched and hashed every file of the build (the docs, the embeds, every
// page) while the page downloaded app.wasm and started, and the lesson
// became interactive about a second later.
func TestBrowserOfflineWaitsForStart(t *testing.T) {
	srv := newOfflineServer(t, webDir)
	ctx := newBrowserWithWorker(t, 1280, 800)
	open(t, ctx, srv.url, "/lessons/qos2/")
	ready := eval[float64](t, ctx, `performance.timeOrigin + performance.getEntriesByName("mqttviz-interactive")[0].startTime`)
	interactive := time.UnixMicro(int64(ready * 1000))
	// What the page loaded itself; the rest is the worker's.
	own := map[string]bool{}
	for _, u := range eval[[]string](t, ctx, `[location.href, ...performance.getEntriesByType("resource").map(e => e.name)]`) {
		if p, err := url.Parse(u); err == nil {
			own[p.Path] = true
		}
	}
	waitCached(t, ctx, workerConfig(t, srv.handler(), "/app-worker.js"))
	worker, early := 0, []string{}
	for _, r := range srv.requestLog() {
		if own[r.path] || r.path == "/app-worker.js" {
			continue
		}
		worker++
		if r.at.Before(interactive) {
			early = append(early, r.path)
		}
	}
	if worker < 50 {
		t.Fatalf("the worker fetched %d files to fill its cache, want the build's files", worker)
	}
	if len(early) > 0 {
		t.Errorf("the worker fetched %d of its %d files before the page was interactive: %s", len(early), worker, strings.Join(early[:min(len(early), 8)], " "))
	}
}

// TestBrowserOfflineFirstVisitOwnDownload: the worker a first visit
// installs leaves that page alone (taken over while it started, the
// page had its app.wasm come through the worker, 50–100 ms
// slower); the next page opened is the worker's, from its cache.
func TestBrowserOfflineFirstVisitOwnDownload(t *testing.T) {
	srv := newOfflineServer(t, webDir)
	ctx := newBrowserWithWorker(t, 1280, 800)
	open(t, ctx, srv.url, "/lessons/qos2/")
	waitCached(t, ctx, workerConfig(t, srv.handler(), "/app-worker.js"))
	if eval[bool](t, ctx, `navigator.serviceWorker.controller !== null`) {
		t.Error("the first visit's page was taken over by the worker it installed")
	}
	if w := eval[float64](t, ctx, `performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")).workerStart`); w != 0 {
		t.Errorf("the first visit's app.wasm came through the worker (workerStart %.0f ms)", w)
	}
	open(t, ctx, srv.url, "/decode/")
	if !eval[bool](t, ctx, `navigator.serviceWorker.controller !== null`) {
		t.Error("the page opened after the first visit is not the worker's")
	}
	if w := eval[float64](t, ctx, `performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")).workerStart`); w == 0 {
		t.Error("the second page's app.wasm did not come from the worker")
	}
}

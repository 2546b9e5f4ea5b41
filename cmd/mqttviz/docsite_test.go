package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"mqttviz/docs"
	"mqttviz/internal/docsite"
)

// TestDocsServed: `mqttviz serve` answers every page and picture of the
// documentation site with the bytes docsite.Build writes for the root,
// and its service worker keeps each of them for offline use.
func TestDocsServed(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	cfg, h := serveWorker(t, dir)
	want, err := docsite.Build(docs.Files, "/")
	if err != nil {
		t.Fatal(err)
	}
	cached := map[string]string{}
	for _, f := range cfg.Files {
		cached[f.Path] = f.SHA256
	}
	for _, p := range []string{"/docs/", "/docs/en/", "/docs/zh/getting-started/", "/docs/en/catalogue/", "/docs/screenshots/lesson.png"} {
		if _, ok := want[p]; !ok {
			t.Fatalf("docsite.Build writes no %s", p)
		}
	}
	for p, f := range want {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != f.ContentType || !bytes.Equal(rec.Body.Bytes(), f.Body) {
			t.Errorf("GET %s: %d %s, %d bytes; want 200 %s, the %d bytes docsite writes", p, rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len(), f.ContentType, len(f.Body))
		}
		if cached[p] != sha256Hex(f.Body) {
			t.Errorf("the service worker does not keep %s", p)
		}
	}
}

// TestDocsWithoutSlash: a documentation page asked for without its
// slash is sent to the page, as a static server sends a directory, its
// query kept; it was the not-found page.
func TestDocsWithoutSlash(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	_, h := serveWorker(t, dir)
	for in, want := range map[string]string{
		"/docs":             "/docs/",
		"/docs/en":          "/docs/en/",
		"/docs/zh/offline":  "/docs/zh/offline/",
		"/docs/en/live?x=1": "/docs/en/live/?x=1",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, in, nil))
		if rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != want {
			t.Errorf("GET %s: %d to %q, want 301 to %q", in, rec.Code, rec.Header().Get("Location"), want)
		}
	}
	for _, in := range []string{"/docs/en/nothing", "/docsx", "//docs"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, in, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want the not-found page (404)", in, rec.Code)
		}
	}
}

// TestDocsStatic: `mqttviz static --base /sub/` writes each page of the
// documentation as NAME/index.html, with its links under /sub/, and its
// service worker lists them.
func TestDocsStatic(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runStatic([]string{"--web", dir, "--base", "/sub/", "--brotli", "1", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	want, err := docsite.Build(docs.Files, "/sub/")
	if err != nil {
		t.Fatal(err)
	}
	worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := parseWorkerConfig(t, &http.Response{Body: io.NopCloser(bytes.NewReader(worker))})
	cached := map[string]string{}
	for _, f := range cfg.Files {
		cached[f.Path] = f.SHA256
	}
	for p, f := range want {
		b, err := os.ReadFile(filepath.Join(out, staticFile(p)))
		if err != nil || !bytes.Equal(b, f.Body) {
			t.Errorf("%s: %v, %d bytes, want the %d bytes docsite writes", staticFile(p), err, len(b), len(f.Body))
		}
		if cached[p] != sha256Hex(f.Body) {
			t.Errorf("the static site's worker does not keep %s", p)
		}
	}
	page, _ := os.ReadFile(filepath.Join(out, "docs", "zh", "lessons", "index.html"))
	for _, s := range []string{`<html lang="zh-Hans">`, `href="/sub/docs/en/lessons/"`, `src="/sub/embed/lessons/qos1-lost-puback/?step=12&amp;lang=zh"`} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("docs/zh/lessons/index.html lacks %s", s)
		}
	}
}

package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"mqttviz/wasm/i18n"
	"mqttviz/wasm/ui"
)

// serveWorker returns the service worker's build list of `mqttviz serve`
// on the web/ directory dir, and the handler.
func serveWorker(t *testing.T, dir string) (offlineConfig, http.Handler) {
	t.Helper()
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := siteHandler(t, s)
	return workerConfig(t, h, workerPath), h
}

// TestOfflineWorkerServe: the worker lists every page and every file the
// pages load, each with the SHA-256 of what the server sends, and not
// itself.
func TestOfflineWorkerServe(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	cfg, h := serveWorker(t, dir)
	if cfg.Base != "/" || cfg.WASM != "/web/app.wasm" || cfg.NotFound != ui.NotFoundPath {
		t.Errorf("worker config %+v", cfg)
	}
	listed := map[string]bool{}
	for _, f := range cfg.Files {
		listed[f.Path] = true
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, f.Path, nil))
		want := http.StatusOK
		if f.Path == ui.NotFoundPath || f.Path == ui.PageIn(ui.NotFoundPath, i18n.ZH) {
			want = http.StatusNotFound
		}
		if rec.Code != want || sha256Hex(rec.Body.Bytes()) != f.SHA256 {
			t.Errorf("%s: the server answers %d with SHA-256 %s, the worker expects %s", f.Path, rec.Code, sha256Hex(rec.Body.Bytes()), f.SHA256)
		}
	}
	for _, p := range append(ui.Pages(), "/app.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest", "/web/mqttviz.css", "/web/icon.svg", "/web/app.wasm", ui.NotFoundPath) {
		if !listed[p] {
			t.Errorf("the worker does not cache %s", p)
		}
	}
	if listed[workerPath] {
		t.Error("the worker caches itself")
	}
	for _, p := range ui.Translated() {
		if zh := cfg.Chinese[p]; zh != ui.PageIn(p, i18n.ZH) || !listed[zh] {
			t.Errorf("the worker opens %s in Chinese as %q (cached: %v), want %s", p, zh, listed[zh], ui.PageIn(p, i18n.ZH))
		}
	}
	if !slices.Equal(cfg.Pages, ui.Pages()) {
		t.Errorf("the worker's pages are %q", cfg.Pages)
	}
}

// TestOfflineVersion: the same build is the same version, a changed
// app.wasm or style sheet a new one.
func TestOfflineVersion(t *testing.T) {
	t.Parallel()
	dir, wasm := fakeWeb(t)
	v1, _ := serveWorker(t, dir)
	again, _ := serveWorker(t, dir)
	if v1.Version != again.Version {
		t.Errorf("the same build has versions %s and %s", v1.Version, again.Version)
	}
	for name, b := range map[string][]byte{"app.wasm": append(wasm, 0), "mqttviz.css": []byte("body{color:red}")} {
		other, _ := fakeWeb(t)
		if err := os.WriteFile(filepath.Join(other, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		v2, _ := serveWorker(t, other)
		if v2.Version == v1.Version {
			t.Errorf("a new %s keeps version %s", name, v1.Version)
		}
	}
}

// TestOfflineWorkerStatic: on a static site under a sub-path the worker
// is told the sub-path, and each file it lists is a file of the site
// with the SHA-256 it expects.
func TestOfflineWorkerStatic(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runStatic([]string{"--web", dir, "--base", "/sub/", "--brotli", "1", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	cfg := parseWorkerConfig(t, &http.Response{Body: io.NopCloser(bytes.NewReader(worker))})
	if cfg.Base != "/sub/" {
		t.Errorf("the worker's base is %q", cfg.Base)
	}
	serve, _ := serveWorker(t, dir)
	if len(cfg.Files) != len(serve.Files) {
		t.Errorf("the static worker lists %d files, serve's %d", len(cfg.Files), len(serve.Files))
	}
	for _, f := range cfg.Files {
		b, err := os.ReadFile(filepath.Join(out, staticFile(f.Path)))
		if err != nil || sha256Hex(b) != f.SHA256 {
			t.Errorf("%s: %v, SHA-256 %s, the worker expects %s", f.Path, err, sha256Hex(b), f.SHA256)
		}
	}
	if !strings.Contains(string(worker), `"wasm":"/web/app.wasm"`) {
		t.Error("the static worker does not name app.wasm")
	}
}

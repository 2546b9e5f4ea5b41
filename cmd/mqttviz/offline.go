package main

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	"mqttviz/wasm/i18n"
	"mqttviz/wasm/ui"
)

// workerPath is the address of the service worker go-app registers; its
// scope is the site's root.
const workerPath = "/app-worker.js"

//go:embed offline_worker.js
var workerSource string

var workerTemplate = template.Must(template.New("app-worker.js").Parse(workerSource))

// offlineFile is one file the service worker caches: its address inside
// the site and the SHA-256 of its bytes, which the worker checks.
type offlineFile struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// offlineConfig is what the service worker is told of its build.
type offlineConfig struct {
	Base     string        `json:"base"`
	Version  string        `json:"version"`
	Files    []offlineFile `json:"files"`
	Pages    []string      `json:"pages"`
	WASM     string        `json:"wasm"`
	NotFound string        `json:"notFound"`
	// Chinese maps each page of ui.Translated() to its file pre-rendered
	// in Chinese (ui.PageIn), which the worker opens for a reader who
	// chose Chinese.
	Chinese map[string]string `json:"zh"`
}

// addOfflineWorker replaces go-app's service worker among the assets with
// the app's own (offline_worker.js), which caches every asset but itself
// and every file of web/ (by name), for a site served under base ("/" or
// "/sub/"). It returns the build's version: a hash of every cached file,
// so that any changed byte, app.wasm's or a page's, is a new version and
// a new cache.
func addOfflineWorker(assets map[string]*asset, web map[string][]byte, base string) (string, error) {
	sums := map[string]string{}
	for p, a := range assets {
		if p != workerPath {
			sums[p] = sha256Hex(a.body)
		}
	}
	for name, b := range web {
		sums["/web/"+name] = sha256Hex(b)
	}
	cfg := offlineConfig{Base: base, Pages: ui.Pages(), WASM: "/web/app.wasm", NotFound: ui.NotFoundPath, Chinese: map[string]string{}}
	if _, ok := sums[cfg.WASM]; !ok {
		return "", fmt.Errorf("the service worker would cache no %s", cfg.WASM)
	}
	for _, p := range ui.Translated() {
		zh := ui.PageIn(p, i18n.ZH)
		if _, ok := sums[zh]; !ok {
			return "", fmt.Errorf("the service worker would cache no %s", zh)
		}
		cfg.Chinese[p] = zh
	}
	// The worker's own code is part of the build: a new worker never
	// takes over the cache of another.
	version := sha256.New()
	fmt.Fprintf(version, "worker %s\n", sha256Hex([]byte(workerSource)))
	for p, sum := range sums {
		cfg.Files = append(cfg.Files, offlineFile{Path: p, SHA256: sum})
	}
	sort.Slice(cfg.Files, func(i, j int) bool { return cfg.Files[i].Path < cfg.Files[j].Path })
	for _, f := range cfg.Files {
		fmt.Fprintf(version, "%s %s\n", f.Path, f.SHA256)
	}
	cfg.Version = hex.EncodeToString(version.Sum(nil)[:8])
	js, err := json.Marshal(cfg)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	if err := workerTemplate.Execute(&out, struct{ Config string }{string(js)}); err != nil {
		return "", err
	}
	assets[workerPath] = newAsset(200, "text/javascript; charset=utf-8", out.Bytes())
	return cfg.Version, nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// readWeb reads the regular files of the web/ directory that a site
// serves, by name: not its subdirectories, not stale precompressed wasm.
// app.wasm is wasm, the bytes the site serves.
func readWeb(dir string, wasm []byte) (map[string][]byte, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), "app.wasm.") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = b
	}
	out["app.wasm"] = wasm
	return out, nil
}

// siteBase is the base path of a site served under the sub-path prefix
// ("" or "repo"): "/" or "/repo/".
func siteBase(prefix string) string {
	if prefix == "" {
		return "/"
	}
	return "/" + prefix + "/"
}

package main

import (
	"bytes"
	"mqttviz/sim/lessons"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStaticSite(t *testing.T) {
	t.Parallel()
	web, wasm := fakeWeb(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runStatic([]string{"--web", web, "--base", "/mqttviz/", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	// Every page is NAME/index.html, which every static host serves for
	// the link NAME/; no NAME.html is left to open as a page.
	files := []string{"index.html", "lessons/index.html", "decode/index.html", "scenario/index.html", "404.html",
		"app.js", "app.css", "app-worker.js", "wasm_exec.js", "manifest.webmanifest",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/mqttviz.css", "web/icon.svg"}
	for _, l := range lessons.Lessons() {
		files = append(files, "lessons/"+l.Name+"/index.html")
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the site lacks %s", f)
		}
	}
	for _, f := range []string{"decode.html", "scenario.html", "lessons/qos2.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("the site has %s", f)
		}
	}
	got, _ := os.ReadFile(filepath.Join(out, "web", "app.wasm"))
	if !bytes.Equal(got, wasm) {
		t.Error("web/app.wasm is not the built one")
	}
	// Under a sub-path every resource and every link is addressed below
	// it, links in the trailing-slash form.
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, want := range []string{`href="/mqttviz/web/mqttviz.css"`, `src="/mqttviz/app.js"`,
		`href="/mqttviz/decode/"`, `href="/mqttviz/lessons/qos2-lost-pubrec/"`, appViewport} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

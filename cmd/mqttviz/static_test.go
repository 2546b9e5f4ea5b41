package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mqttviz/sim"
)

func TestStaticSite(t *testing.T) {
	web, wasm := fakeWeb(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runStatic([]string{"--web", web, "--base", "/mqttviz/", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	files := []string{"index.html", "decode.html", "scenario.html", "app.js", "wasm_exec.js", "manifest.webmanifest",
		"web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/mqttviz.css", "web/icon.svg"}
	for _, l := range sim.Lessons() {
		files = append(files, "lessons/"+l.Name+".html")
	}
	for _, f := range files {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("the site lacks %s", f)
		}
	}
	got, _ := os.ReadFile(filepath.Join(out, "web", "app.wasm"))
	if !bytes.Equal(got, wasm) {
		t.Error("web/app.wasm is not the built one")
	}
	// Under a sub-path every resource is addressed below it.
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, want := range []string{`href="/mqttviz/web/mqttviz.css"`, `src="/mqttviz/app.js"`} {
		if !strings.Contains(string(index), want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
}

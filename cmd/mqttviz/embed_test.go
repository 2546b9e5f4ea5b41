package main

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"mqttviz/sim/lessons"
	"mqttviz/wasm/ui"
)

// TestEmbedPosterPages: every embed page is served without go-app's
// loader (no app.js, no wasm_exec.js, no preload of app.wasm) and with
// the poster's script, which knows where the loader is; every other page
// keeps its loader. Each lesson has a still in both languages, an SVG
// file that parses.
func TestEmbedPosterPages(t *testing.T) {
	t.Parallel()
	assets := prerendered(t)
	if err := addEmbedAssets(assets); err != nil {
		t.Fatal(err)
	}
	embeds := 0
	for _, p := range ui.Pages() {
		body := string(assets[p].body)
		loader := strings.Contains(body, `src="/app.js"`) || strings.Contains(body, `src="/wasm_exec.js"`) || strings.Contains(body, `href="/web/app.wasm"`)
		poster := strings.Contains(body, `<script data-app="/app.js" data-exec="/wasm_exec.js" defer src="/web/embed-poster.js"></script>`)
		if !strings.HasPrefix(p, "/embed/") {
			if !loader || poster {
				t.Errorf("%s: loader %v, poster script %v; want the loader only", p, loader, poster)
			}
			continue
		}
		embeds++
		if loader || !poster {
			t.Errorf("%s: loader %v, poster script %v; want the poster script only", p, loader, poster)
		}
		if !strings.Contains(body, `data-embed-start`) || strings.Contains(body, `class="topbar"`) {
			t.Errorf("%s: no poster button, or the site's header", p)
		}
	}
	if want := len(lessons.LessonNames()) + 2; embeds != want {
		t.Errorf("%d embed pages, want %d", embeds, want)
	}
	for _, name := range lessons.LessonNames() {
		for _, file := range []string{"poster.svg", "poster.zh.svg"} {
			a := assets["/embed/lessons/"+name+"/"+file]
			if a == nil || a.contentType != "image/svg+xml" {
				t.Fatalf("%s: no still %s", name, file)
			}
			d := xml.NewDecoder(strings.NewReader(string(a.body)))
			for {
				_, err := d.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s %s: %v", name, file, err)
				}
			}
		}
	}
}

// TestEmbedPosterPageFails: a page whose loader is not where go-app
// writes it is an error, not a page that loads the app at once.
func TestEmbedPosterPageFails(t *testing.T) {
	if _, err := posterPage([]byte("<html><head></head><body></body></html>")); err == nil {
		t.Error("a page without go-app's loader was rewritten")
	}
}

// TestEmbedOffline: the offline worker keeps every embed page, every
// still and the poster's script, so that embeds open with no network
// after a first visit.
func TestEmbedOffline(t *testing.T) {
	t.Parallel()
	assets := prerendered(t)
	if err := addEmbedAssets(assets); err != nil {
		t.Fatal(err)
	}
	web, err := readWeb(webDir, []byte("wasm"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := addOfflineWorker(assets, web, "/"); err != nil {
		t.Fatal(err)
	}
	worker := string(assets[workerPath].body)
	want := []string{`"path":"/web/embed-poster.js"`, `"path":"/web/embed-host.html"`}
	for _, name := range lessons.LessonNames() {
		want = append(want, `"path":"/embed/lessons/`+name+`/"`, `"path":"/embed/lessons/`+name+`/poster.svg"`, `"path":"/embed/lessons/`+name+`/poster.zh.svg"`, `"/embed/lessons/`+name+`/"`)
	}
	want = append(want, `"path":"/embed/scenario/"`, `"path":"/embed/decode/"`)
	for _, w := range want {
		if !strings.Contains(worker, w) {
			t.Errorf("the offline worker does not list %s", w)
		}
	}
}

package main

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/ui"
)

// diagramTitles parses an SVG file with encoding/xml, failing the test on
// its first error, and returns the text of every <title>: the whole
// label of each arrow, which the drawn label may shorten with "…".
func diagramTitles(t *testing.T, what string, svg []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var titles []string
	var in *strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return titles
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", what, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "title" {
				in = &strings.Builder{}
			}
		case xml.CharData:
			if in != nil {
				in.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "title" && in != nil {
				titles = append(titles, in.String())
				in = nil
			}
		}
	}
}

// checkLessonDiagram checks the picture of lesson name in lang: XML,
// with every packet's label, in Chinese for zh.
func checkLessonDiagram(t *testing.T, name, lang string, svg []byte) {
	t.Helper()
	what := name + " " + lang
	tr, err := lessons.RunLesson(name, 1)
	if err != nil {
		t.Fatal(err)
	}
	titles := strings.Join(diagramTitles(t, what, svg), "\n")
	packets := 0
	for _, s := range tr.Steps {
		if s.Kind != trace.KindPacket {
			continue
		}
		packets++
		if label := s.Label.In(lang); !strings.Contains(titles, label) {
			t.Errorf("%s: no arrow labelled %q", what, label)
		}
	}
	if packets == 0 {
		t.Errorf("%s: the lesson has no packet to look for", what)
	}
	han := strings.ContainsFunc(string(svg), func(r rune) bool { return unicode.Is(unicode.Han, r) })
	if lang == "zh" && !han {
		t.Errorf("%s: no Chinese in the diagram", what)
	}
}

// TestServeLessonDiagrams: `serve` answers /lessons/NAME/diagram.svg
// and diagram.zh.svg for every lesson, as SVG, compressed for a browser
// that accepts gzip.
func TestServeLessonDiagrams(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(siteHandler(t, s))
	defer srv.Close()
	for _, name := range lessons.LessonNames() {
		for _, lang := range diagramLangs {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+ui.LessonDiagramPath(name, lang), nil)
			req.Header.Set("Accept-Encoding", "gzip")
			res, err := http.DefaultTransport.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/svg+xml" || res.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("GET %s: %d, %q, encoding %q", req.URL.Path, res.StatusCode, res.Header.Get("Content-Type"), res.Header.Get("Content-Encoding"))
			}
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			svg, err := io.ReadAll(zr)
			if err != nil {
				t.Fatal(err)
			}
			checkLessonDiagram(t, name, lang, svg)
		}
	}
	res, err := http.Get(srv.URL + "/lessons/nosuch/diagram.svg")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 404 {
		t.Errorf("GET /lessons/nosuch/diagram.svg: %d, want 404", res.StatusCode)
	}
}

// TestStaticLessonDiagrams: `static` writes the same files beside each
// lesson's page.
func TestStaticLessonDiagrams(t *testing.T) {
	t.Parallel()
	web, _ := fakeWeb(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := runStatic([]string{"--web", web, "--brotli", "1", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr.String())
	}
	worker, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range lessons.LessonNames() {
		for _, lang := range diagramLangs {
			svg, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(ui.LessonDiagramPath(name, lang))))
			if err != nil {
				t.Fatal(err)
			}
			checkLessonDiagram(t, name, lang, svg)
			// The service worker keeps it for offline use.
			if !bytes.Contains(worker, []byte(`"`+ui.LessonDiagramPath(name, lang)+`"`)) {
				t.Errorf("the service worker does not keep %s", ui.LessonDiagramPath(name, lang))
			}
		}
	}
}

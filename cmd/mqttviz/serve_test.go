package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func TestWASMEncoding(t *testing.T) {
	tests := map[string]string{
		"":                        "",
		"identity":                "",
		"gzip":                    "gzip",
		"gzip, deflate, br, zstd": "br",
		"br;q=0, gzip":            "gzip",
		"BR":                      "br",
		"gzip;q=0":                "",
		"deflate, gzip;q=0.5":     "gzip",
	}
	for accept, want := range tests {
		if got := acceptedEncoding(accept); got != want {
			t.Errorf("acceptedEncoding(%q) = %q, want %q", accept, got, want)
		}
	}
}

// siteHandler is the handler `serve` gives the site.
func siteHandler(t *testing.T, s *site) http.Handler {
	t.Helper()
	h, err := s.Handler()
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// fakeWeb is a web/ directory with a stand-in app.wasm: the server does
// not look inside it.
func fakeWeb(t testing.TB) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm mqttviz "), 5000)
	for name, b := range map[string][]byte{"app.wasm": wasm, "mqttviz.css": []byte("body{}"), "icon.svg": []byte("<svg/>")} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, wasm
}

func TestServePrecompressedWASM(t *testing.T) {
	t.Parallel()
	dir, wasm := fakeWeb(t)
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(siteHandler(t, s))
	defer srv.Close()
	<-s.ready
	decode := map[string]func(io.Reader) (io.Reader, error){
		"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		"":     func(r io.Reader) (io.Reader, error) { return r, nil },
	}
	for _, accept := range []string{"br, gzip", "gzip", ""} {
		req, _ := http.NewRequest("GET", srv.URL+"/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", accept)
		// The transport must not decompress for us.
		res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		enc := res.Header.Get("Content-Encoding")
		if want := acceptedEncoding(accept); enc != want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", accept, enc, want)
		}
		if ct := res.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("Content-Type %q", ct)
		}
		if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
			t.Error("no Vary: Accept-Encoding")
		}
		r, err := decode[enc](res.Body)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		res.Body.Close()
		if err != nil || !bytes.Equal(body, wasm) {
			t.Errorf("Accept-Encoding %q: the body does not decode to app.wasm (%v)", accept, err)
		}
		// A reload revalidates it and downloads nothing.
		req.Header.Set("If-None-Match", res.Header.Get("ETag"))
		res, err = (&http.Transport{DisableCompression: true}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotModified {
			t.Errorf("Accept-Encoding %q: app.wasm with its ETag: %d, want 304", accept, res.StatusCode)
		}
	}
}

func TestServePages(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(siteHandler(t, s))
	defer srv.Close()
	for path, want := range map[string]int{
		"/":                  200,
		"/decode":            200,
		"/scenario":          200,
		"/lessons/qos1":      200,
		"/lessons/qos1/":     200,
		"/decode/index.html": 200,
		"/lessons/nosuch":    404,
		"/robots.txt":        404,
		"/app.js":            200,
		"/goapp.js":          404,
		"/web/mqttviz.css":   200,
		"/web/icon.svg":      200,
		"/web/../serve.go":   400,
		"/web/app.wasm.br":   404,
		"/no/such/page/here": 404,
	} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, res.StatusCode, want)
		}
		// Pages point at local icons only, never at the internet.
		if want == 200 && strings.HasSuffix(res.Header.Get("Content-Type"), "html") && strings.Contains(string(body), "githubusercontent") {
			t.Errorf("GET %s links an icon on the internet", path)
		}
	}
}

func TestServeWithoutWASM(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := runServe([]string{"--web", t.TempDir()}, &stdout, &stderr); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if !strings.Contains(stderr.String(), "make build") {
		t.Errorf("the error does not say how to build app.wasm: %q", stderr.String())
	}
}

// TestServeBeforeCompressed: until the compressed copies are ready the
// server sends app.wasm as it is, whatever the browser accepts.
func TestServeBeforeCompressed(t *testing.T) {
	s := &site{wasm: []byte("\x00asm"), ready: make(chan struct{})}
	req := httptest.NewRequest("GET", "/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "br, gzip")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if enc := rec.Header().Get("Content-Encoding"); enc != "" || rec.Body.String() != "\x00asm" {
		t.Errorf("Content-Encoding %q, body %q", enc, rec.Body.String())
	}
}

// TestServeMethods: pages answer GET and HEAD; nothing else reaches them.
func TestServeMethods(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := siteHandler(t, s)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/scenario/", strings.NewReader("src=x")))
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("HEAD", "/decode/", nil))
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %d, %d bytes of body, Content-Length %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Length"))
	}
}

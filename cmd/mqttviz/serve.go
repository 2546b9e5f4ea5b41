package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/wasm/ui"
)

const serveUsage = `Usage: mqttviz serve [--addr HOST:PORT] [--web DIR]

Serves the browser app. web/app.wasm comes from 'make build'.
`

// runServe serves the browser app: `mqttviz serve [--addr HOST:PORT] [--web DIR]`.
func runServe(args []string, stdout, stderr io.Writer) int {
	c := newCLI("serve", serveUsage)
	addr := c.fs.String("addr", "127.0.0.1:8000", "address to listen on")
	web := c.fs.String("web", "", "the web/ directory holding app.wasm (default: ./web, then web/ beside the binary's parent)")
	pos, code, done := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		return c.fail(stderr, "takes no arguments, got %q", pos)
	}
	site, err := loadSite(*web)
	if err != nil {
		fmt.Fprintln(stderr, "mqttviz serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "mqttviz serve:", err)
		return 1
	}
	fmt.Fprintf(stdout, "mqttviz: serving %s at http://%s/\n", site.dir, ln.Addr())
	srv := &http.Server{Handler: site.Handler(), ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintln(stderr, "mqttviz serve:", err)
		return 1
	}
	return 0
}

// site is the app's web/ directory with app.wasm in memory, raw and,
// once ready is closed, precompressed.
type site struct {
	dir     string
	wasm    []byte
	version string

	// ready is closed when br and gz hold app.wasm compressed; until
	// then app.wasm goes out as it is.
	ready  chan struct{}
	br, gz []byte
}

// findWeb returns the web/ directory: dir when given, else ./web, else
// web/ in the parent of the binary's directory (bin/mqttviz run from
// anywhere in a checkout).
func findWeb(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	candidates := []string{"web"}
	if exe, err := os.Executable(); err == nil {
		candidates = append(candidates, filepath.Join(filepath.Dir(filepath.Dir(exe)), "web"))
	}
	for _, c := range candidates {
		if _, err := os.Stat(filepath.Join(c, "app.wasm")); err == nil {
			return c, nil
		}
	}
	return "", errors.New("web/app.wasm not found: run `make build` first, or give --web DIR")
}

// loadSite reads app.wasm from the web/ directory and compresses it.
func loadSite(dir string) (*site, error) {
	dir, err := findWeb(dir)
	if err != nil {
		return nil, err
	}
	wasm, err := os.ReadFile(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("%v: run `make build` first", err)
	}
	s := &site{dir: dir, wasm: wasm, ready: make(chan struct{})}
	sum := sha256.Sum256(wasm)
	s.version = hex.EncodeToString(sum[:8])
	go s.compress()
	return s, nil
}

// compress fills br and gz, so that the server answers at once and sends
// the smaller files a few seconds later. A failure (none is expected of
// in-memory writers) leaves the identity encoding.
func (s *site) compress() {
	br, err1 := compressBrotli(s.wasm, brotliServeQuality)
	gz, err2 := compressGzip(s.wasm)
	if err1 == nil && err2 == nil {
		s.br, s.gz = br, gz
	}
	close(s.ready)
}

// compressed returns br and gz if they are ready.
func (s *site) compressed() (br, gz []byte) {
	select {
	case <-s.ready:
		return s.br, s.gz
	default:
		return nil, nil
	}
}

// Brotli qualities: serve compresses at start-up and must start fast; the
// static site is written once and served many times.
const (
	brotliServeQuality  = 6
	brotliStaticQuality = brotli.BestCompression
)

func compressBrotli(b []byte, quality int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, quality)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func compressGzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Handler is the whole app: go-app's handler for the pages, with the site
// as its resource provider for /web/.
func (s *site) Handler() http.Handler {
	ui.Register()
	return ui.NewHandler(s, s.version)
}

// Package implements app.ResourceProvider: the app lives at the root.
func (s *site) Package() string { return "" }

// Static implements app.ResourceProvider.
func (s *site) Static() string { return "" }

// AppWASM implements app.ResourceProvider.
func (s *site) AppWASM() string { return "/web/app.wasm" }

var _ app.ResourceProvider = (*site)(nil)

// ServeHTTP serves /web/: app.wasm from memory in the best encoding the
// browser accepts, everything else from the directory.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/web/app.wasm" {
		s.serveWASM(w, r)
		return
	}
	name := path.Clean(strings.TrimPrefix(r.URL.Path, "/web/"))
	if strings.HasPrefix(name, "app.wasm") {
		http.NotFound(w, r)
		return
	}
	http.ServeFile(w, r, filepath.Join(s.dir, filepath.FromSlash(name)))
}

func (s *site) serveWASM(w http.ResponseWriter, r *http.Request) {
	body, enc := s.wasm, wasmEncoding(r.Header.Get("Accept-Encoding"))
	br, gz := s.compressed()
	switch {
	case enc == "br" && br != nil:
		body = br
	case enc == "gzip" && gz != nil:
		body = gz
	default:
		enc = ""
	}
	h := w.Header()
	h.Set("Content-Type", "application/wasm")
	h.Add("Vary", "Accept-Encoding")
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// wasmEncoding picks br, then gzip, from an Accept-Encoding header; ""
// means identity. A coding listed with q=0 is refused.
func wasmEncoding(accept string) string {
	ok := map[string]bool{}
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		ok[name] = !(q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000")
	}
	switch {
	case ok["br"]:
		return "br"
	case ok["gzip"]:
		return "gzip"
	}
	return ""
}

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
	h, err := site.Handler()
	if err != nil {
		fmt.Fprintln(stderr, "mqttviz serve:", err)
		return 1
	}
	fmt.Fprintf(stdout, "mqttviz: serving %s at http://%s/\n", site.dir, ln.Addr())
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
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
	sum     [32]byte // app.wasm's SHA-256
	version string

	// ready is closed when br and gz hold app.wasm compressed; until
	// then app.wasm goes out as it is.
	ready  chan struct{}
	br, gz []byte
	// env is the app's environment (go-app's Handler.Env), set by
	// `mqttviz broker --http` (ui.WatchEnv).
	env map[string]string
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
	s := &site{dir: dir, wasm: wasm, sum: sha256.Sum256(wasm), ready: make(chan struct{})}
	s.version = hex.EncodeToString(s.sum[:8])
	go s.compress()
	return s, nil
}

// compress fills br and gz, so that the server answers at once and sends
// the smaller files a few seconds later. A failure (none is expected of
// in-memory writers) leaves the identity encoding.
func (s *site) compress() {
	br, err1 := packWasm(s.sum, s.wasm, false, brotliServeQuality)
	gz, err2 := packWasm(s.sum, s.wasm, true, 0)
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

// Handler is the whole app, served from memory: the pages pre-rendered
// once from their paths alone (renderApp), go-app's scripts and styles,
// the service worker that keeps them all for offline use
// (addOfflineWorker), and the files of web/, each compressed as the
// browser accepts it.
// No request reaches go-app: what a request carries, its query, its path
// or its host, cannot reach the HTML the server writes.
func (s *site) Handler() (http.Handler, error) {
	ui.Register()
	h := ui.NewHandler(s, s.version)
	h.Env = s.env
	assets, err := renderApp(h)
	if err != nil {
		return nil, err
	}
	if err := addLessonDiagrams(assets); err != nil {
		return nil, err
	}
	texts, err := loadTexts(s.dir)
	if err != nil {
		return nil, err
	}
	for p, a := range texts {
		assets[p] = a
	}
	if err := addEmbedAssets(assets); err != nil {
		return nil, err
	}
	if err := addDocs(assets, siteBase("")); err != nil {
		return nil, err
	}
	web, err := readWeb(s.dir, s.wasm)
	if err != nil {
		return nil, err
	}
	if _, err := addOfflineWorker(assets, web, siteBase("")); err != nil {
		return nil, err
	}
	return &appServer{assets: assets, site: s}, nil
}

// appServer answers every request from the assets: a page by the path it
// names, any other address with the not-found page; app.wasm and the
// other files of web/ come from the site.
type appServer struct {
	assets map[string]*asset
	site   *site
}

func (a *appServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if page, ok := ui.PagePath(p); ok {
		a.servePage(w, r, page)
		return
	}
	if as, ok := a.assets[p]; ok {
		as.serve(w, r)
		return
	}
	if strings.HasPrefix(p, "/web/") {
		a.site.ServeHTTP(w, r)
		return
	}
	if _, ok := a.assets[p+"/"]; ok && !strings.HasSuffix(p, "/") && strings.HasPrefix(p, "/docs") {
		// A documentation page asked for without its slash, as a static
		// server answers a directory: its relative links need the slash.
		u := *r.URL
		u.Path, u.RawPath = p+"/", ""
		http.Redirect(w, r, u.RequestURI(), http.StatusMovedPermanently)
		return
	}
	a.servePage(w, r, ui.NotFoundPath)
}

// servePage answers with page pre-rendered in the language the address
// asks for (?lang=zh), English when it asks for none; ?lang= only
// chooses between the files the server rendered (ui.PageIn). A reader
// who chose a language in the app gets it from the service worker,
// which knows the choice.
func (a *appServer) servePage(w http.ResponseWriter, r *http.Request, page string) {
	if as, ok := a.assets[ui.PageIn(page, ui.AddressLang(r.URL.Query()))]; ok {
		as.serve(w, r)
		return
	}
	a.assets[page].serve(w, r)
}

// textTypes are the files of web/ sent compressed, by extension.
var textTypes = map[string]string{
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".svg":         "image/svg+xml",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".txt":         "text/plain; charset=utf-8",
}

// loadTexts reads the text files of web/ (textTypes), by their address.
func loadTexts(dir string) (map[string]*asset, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]*asset{}
	for _, e := range entries {
		ct, ok := textTypes[filepath.Ext(e.Name())]
		if !ok || !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out["/web/"+e.Name()] = newAsset(http.StatusOK, ct, b)
	}
	return out, nil
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

// serveWASM sends app.wasm in the best encoding the browser accepts.
func (s *site) serveWASM(w http.ResponseWriter, r *http.Request) {
	body, enc := s.wasm, acceptedEncoding(r.Header.Get("Accept-Encoding"))
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
	// Revalidated on every load, downloaded again only when rebuilt.
	etag := `W/"` + s.version + `"`
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if enc != "" {
		h.Set("Content-Encoding", enc)
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// acceptedEncoding picks br, then gzip, from an Accept-Encoding header;
// "" means identity. A coding listed with q=0 is refused.
func acceptedEncoding(accept string) string {
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

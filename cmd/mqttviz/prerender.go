package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"mqttviz/wasm/ui"
)

// renderHost is the host every page is pre-rendered for. go-app writes
// the request's host into the page (og:url, removed below); it is never
// the host a browser asked for.
const renderHost = "mqttviz.invalid"

// generated are the files go-app writes itself besides the pages: its
// loader, the Go runtime's wasm_exec.js, its styles, the service worker
// and the manifest.
var generated = []string{"/app.js", "/wasm_exec.js", "/app.css", "/app-worker.js", "/manifest.webmanifest"}

// asset is one response of the app that does not depend on the request:
// a page pre-rendered from its path alone, or a file go-app generates.
type asset struct {
	status      int
	contentType string
	etag        string
	body        []byte
	// br and gz are body compressed, once the first request that accepts
	// a compressed answer has asked for them (compressOnce).
	br, gz []byte
	once   sync.Once
}

func newAsset(status int, contentType string, body []byte) *asset {
	sum := sha256.Sum256(body)
	return &asset{status: status, contentType: contentType, body: body, etag: `W/"` + hex.EncodeToString(sum[:8]) + `"`}
}

// renderApp asks go-app's handler for every page of ui.Pages(), the
// not-found page and the files of generated, each by its built-in
// address: no query, no fragment, a fixed host. What the server writes
// into HTML therefore never holds anything a request carries: the
// browser's app renders the real address itself, through the DOM.
//
// Every page is fixed where go-app writes it wrong (fixPage).
func renderApp(h http.Handler) (map[string]*asset, error) {
	out := map[string]*asset{}
	paths := append(append(ui.Pages(), ui.NotFoundPath), generated...)
	for _, p := range paths {
		req := httptest.NewRequest(http.MethodGet, "http://"+renderHost+p, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("pre-rendering %s: go-app answered %d", p, rec.Code)
		}
		ct, body := rec.Header().Get("Content-Type"), rec.Body.Bytes()
		if ct == "text/html" {
			ct = "text/html; charset=utf-8"
			var err error
			if body, err = fixPage(body, p); err != nil {
				return nil, fmt.Errorf("pre-rendering %s: %v", p, err)
			}
		}
		if p == "/app.js" {
			var err error
			if body, err = fixLoader(body); err != nil {
				return nil, err
			}
		}
		status := http.StatusOK
		if p == ui.NotFoundPath {
			status = http.StatusNotFound
		}
		out[p] = newAsset(status, ct, body)
	}
	return out, nil
}

// go-app's viewport forbids zooming (maximum-scale=1, user-scalable=0);
// the app's allows it.
const (
	goappViewport = `content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`
	appViewport   = `content="width=device-width, initial-scale=1, viewport-fit=cover"`
)

// fixPage replaces go-app's viewport with one that lets a phone zoom,
// removes og:url, which would name the host the page was rendered for
// rather than the one it is served from, escapes every attribute value
// as HTML does, puts the attributes of each tag in order (go-app writes
// them in any order) and fixes what go-app writes otherwise than its
// components mean (fixMarkup). Each must be found exactly once: a go-app
// that writes them otherwise fails here, not silently.
func fixPage(page []byte, path string) ([]byte, error) {
	content := `content="http://` + renderHost + path + `"`
	fixes := []struct{ old, new string }{
		{goappViewport, appViewport},
		{`<meta property="og:url" ` + content + ">\n", ""},
		{`<meta ` + content + ` property="og:url">` + "\n", ""},
	}
	found := 0
	for _, fix := range fixes {
		n := bytes.Count(page, []byte(fix.old))
		found += n
		page = bytes.ReplaceAll(page, []byte(fix.old), []byte(fix.new))
	}
	if found != 2 {
		return nil, fmt.Errorf("go-app's viewport and og:url found %d times, want once each", found)
	}
	page, err := escapeAttributes(page)
	if err != nil {
		return nil, err
	}
	return fixMarkup(sortAttributes(page))
}

// goQuoted matches an attribute value as go-app writes it: ="…" with the
// value Go-quoted inside. go-app escapes every " of text as &#34;, so
// =" begins an attribute value wherever it appears.
var goQuoted = regexp.MustCompile(`="((?:[^"\\]|\\.)*)"`)

// escapeAttributes rewrites every attribute value from Go quoting
// (strconv.Quote, which go-app v9.8.0 uses) to HTML escaping, so that a
// quote, a backslash or a newline in any text, built-in text included,
// stays inside its attribute and reads as written.
func escapeAttributes(page []byte) ([]byte, error) {
	var bad error
	out := goQuoted.ReplaceAllFunc(page, func(m []byte) []byte {
		v, err := strconv.Unquote(string(m[1:]))
		if err != nil {
			bad = fmt.Errorf("attribute value %.40s is not Go-quoted: %v", m, err)
			return m
		}
		return []byte(`="` + html.EscapeString(v) + `"`)
	})
	return out, bad
}

// compressOnce fills br and gz the first time it is called, so that the
// server starts without compressing some 200 pages and pictures it may
// never send; a body already compressed (a PNG picture) stays as it is.
func (a *asset) compressOnce() {
	a.once.Do(func() {
		if compressedType(a.contentType) {
			return
		}
		// A failure (none is expected of in-memory writers) leaves the
		// identity encoding.
		_ = a.compress(brotliServeQuality)
	})
}

// compressedType reports whether a body of the content type is
// compressed already, so that brotli and gzip would gain nothing.
func compressedType(contentType string) bool {
	return strings.HasPrefix(contentType, "image/") && !strings.HasPrefix(contentType, "image/svg")
}

// compress fills br and gz.
func (a *asset) compress(brotliQuality int) error {
	br, err := compressBrotli(a.body, brotliQuality)
	if err != nil {
		return err
	}
	gz, err := compressGzip(a.body)
	if err != nil {
		return err
	}
	a.br, a.gz = br, gz
	return nil
}

// serve writes the asset in the best encoding the request accepts. An
// unchanged page (If-None-Match) is a 304; browsers revalidate every
// time (no-cache), so a new build is seen at once.
func (a *asset) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", a.etag)
	h.Add("Vary", "Accept-Encoding")
	h.Set("X-Content-Type-Options", "nosniff")
	if a.status == http.StatusOK && r.Header.Get("If-None-Match") == a.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.body
	enc := acceptedEncoding(r.Header.Get("Accept-Encoding"))
	if enc != "" {
		a.compressOnce()
	}
	switch enc {
	case "br":
		if a.br != nil {
			body = a.br
			h.Set("Content-Encoding", "br")
		}
	case "gzip":
		if a.gz != nil {
			body = a.gz
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(a.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// startTag matches a start tag once escapeAttributes has run: a name,
// then attributes, each a bare name or name="value" with no " inside.
var (
	startTag  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)+)\s*>`)
	attribute = regexp.MustCompile(`[^\s"'<>/=]+(?:="[^"]*")?`)
)

// sortAttributes writes the attributes of every tag in name order. go-app
// writes them in map order, a new one each run; sorted, the same build
// pre-renders the same bytes: a static site that changes only where the
// app did, and ETags that survive a restart.
func sortAttributes(page []byte) []byte {
	return startTag.ReplaceAllFunc(page, func(tag []byte) []byte {
		m := startTag.FindSubmatch(tag)
		attrs := attribute.FindAll(m[2], -1)
		slices.SortFunc(attrs, bytes.Compare)
		out := append([]byte("<"), m[1]...)
		for _, a := range attrs {
			out = append(append(out, ' '), a...)
		}
		return append(out, '>')
	})
}

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"

	"mqttviz/wasm/i18n"
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

// rendering is one file renderApp asks go-app for: the address it is
// kept at, the built-in address go-app renders it from and its language.
type rendering struct {
	path, addr, lang string
}

// renderings lists the files renderApp writes: every page of ui.Pages(),
// the not-found page and the files of generated, each at its own address
// in English, and each page of ui.Translated() again in Chinese, kept at
// ui.PageIn(page, zh) and rendered from page?lang=zh.
func renderings() []rendering {
	var out []rendering
	for _, p := range append(append(ui.Pages(), ui.NotFoundPath), generated...) {
		out = append(out, rendering{path: p, addr: p, lang: i18n.EN})
	}
	for _, p := range ui.Translated() {
		out = append(out, rendering{path: ui.PageIn(p, i18n.ZH), addr: p + "?lang=" + i18n.ZH, lang: i18n.ZH})
	}
	return out
}

// renderApp asks go-app's handler for every file of renderings, each by
// its built-in address: no query but the language's, no fragment, a
// fixed host. What the server writes into HTML therefore never holds
// anything a request carries: the browser's app renders the real address
// itself, through the DOM.
//
// Every page is fixed where go-app writes it wrong (fixPage).
//
// One site renders at a time (renderMu): go-app's handler writes its
// settings into the process's environment, and the pages read them back
// while they render (the base path in front of every link), so two sites
// rendering at once, one under a base path, would mix their links.
func renderApp(h http.Handler) (map[string]*asset, error) {
	renderMu.Lock()
	defer renderMu.Unlock()
	out := map[string]*asset{}
	for _, r := range renderings() {
		req := httptest.NewRequest(http.MethodGet, "http://"+renderHost+r.addr, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("pre-rendering %s: go-app answered %d", r.addr, rec.Code)
		}
		ct, body := rec.Header().Get("Content-Type"), rec.Body.Bytes()
		if ct == "text/html" {
			ct = "text/html; charset=utf-8"
			var err error
			if body, err = fixPage(body, r.addr, r.lang); err != nil {
				return nil, fmt.Errorf("pre-rendering %s: %v", r.addr, err)
			}
		}
		if r.path == "/app.js" {
			var err error
			if body, err = fixLoader(body); err != nil {
				return nil, err
			}
		}
		status := http.StatusOK
		if r.addr == ui.NotFoundPath || r.path == ui.PageIn(ui.NotFoundPath, r.lang) {
			status = http.StatusNotFound
		}
		out[r.path] = newAsset(status, ct, body)
	}
	return out, nil
}

// renderMu keeps renderApp to one site at a time.
var renderMu sync.Mutex

// go-app's viewport forbids zooming (maximum-scale=1, user-scalable=0);
// the app's allows it.
const (
	goappViewport = `content="width=device-width, initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"`
	appViewport   = `content="width=device-width, initial-scale=1, viewport-fit=cover"`
)

// fixPage replaces go-app's viewport with one that lets a phone zoom,
// removes og:url, which would name the host and the address the page was
// rendered for rather than the one it is served from, writes the head in
// the page's language (translateHead), escapes every attribute value
// as HTML does, puts the attributes of each tag in order (go-app writes
// them in any order) and fixes what go-app writes otherwise than its
// components mean (fixMarkup). Each must be found exactly once: a go-app
// that writes them otherwise fails here, not silently.
func fixPage(page []byte, addr, lang string) ([]byte, error) {
	content := `content="http://` + renderHost + addr + `"`
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
	page, err := translateHead(page, lang)
	if err != nil {
		return nil, err
	}
	page, err = escapeAttributes(page)
	if err != nil {
		return nil, err
	}
	return fixMarkup(page)
}

// translateHead writes what go-app puts in a page's head in English in
// lang: <html lang> and the site's description (go-app's handler has one
// of each; the title is the page's own). Each must be found as go-app
// writes it: <html lang> once, the description twice.
func translateHead(page []byte, lang string) ([]byte, error) {
	if lang == i18n.EN {
		return page, nil
	}
	fixes := []struct {
		old, new string
		want     int
	}{
		{`<html lang="en">`, `<html lang="` + i18n.Tag(lang) + `">`, 1},
		{`content="` + ui.Description(i18n.EN) + `"`, `content="` + ui.Description(lang) + `"`, 2},
	}
	for _, fix := range fixes {
		if n := bytes.Count(page, []byte(fix.old)); n != fix.want {
			return nil, fmt.Errorf("%s found %d times, want %d", fix.old, n, fix.want)
		}
		page = bytes.ReplaceAll(page, []byte(fix.old), []byte(fix.new))
	}
	return page, nil
}

// escapeAttributes rewrites every attribute value from Go quoting
// (strconv.Quote, which go-app v9.8.0 uses) to HTML escaping, so that a
// quote, a backslash or a newline in any text, built-in text included,
// stays inside its attribute and reads as written. go-app escapes every
// " of text as &#34;, so =" begins an attribute value wherever it
// appears; the value ends at the first " not escaped by a backslash.
func escapeAttributes(page []byte) ([]byte, error) {
	out := make([]byte, 0, len(page)+len(page)/16)
	done := 0
	for i := 0; i+1 < len(page); i++ {
		if page[i] != '=' || page[i+1] != '"' {
			continue
		}
		end := goQuotedEnd(page, i+1)
		if end < 0 {
			continue
		}
		v, err := strconv.Unquote(string(page[i+1 : end]))
		if err != nil {
			return nil, fmt.Errorf("attribute value %.40s is not Go-quoted: %v", page[i:], err)
		}
		out = append(append(out, page[done:i]...), `="`...)
		out = append(append(out, html.EscapeString(v)...), '"')
		done, i = end, end-1
	}
	return append(out, page[done:]...), nil
}

// goQuotedEnd returns where the Go-quoted string that opens at page[q]
// (a ") ends, after its closing ", or -1 if it does not close: a
// backslash escapes the byte after it, which is not a newline.
func goQuotedEnd(page []byte, q int) int {
	for k := q + 1; k < len(page); k++ {
		switch page[k] {
		case '"':
			return k + 1
		case '\\':
			if k+1 == len(page) || page[k+1] == '\n' {
				return -1
			}
			k++
		}
	}
	return -1
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

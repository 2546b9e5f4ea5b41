package main

import (
	"bytes"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"mqttviz/docs"
	"mqttviz/internal/docsite"
	"mqttviz/wasm/ui"
)

// hostile is text a user controls, written to break out of an attribute
// or an element wherever the server might write it.
const hostile = `x" autofocus onfocus=alert(1) y='<script>alert(2)</script>&amp;>`

// TestPagesIgnoreTheRequest: whatever a request carries, in its query,
// its path or its Host, the server answers with the page its path names,
// byte for byte the one of the plain link, or with the not-found page.
// No part of the request appears in the answer.
func TestPagesIgnoreTheRequest(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := siteHandler(t, s)
	get := func(target, host string) (int, []byte) {
		t.Helper()
		req := httptest.NewRequest("GET", "http://127.0.0.1"+target, nil)
		if host != "" {
			req.Host = host
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.Bytes()
	}
	q := url.QueryEscape(hostile)
	p := url.PathEscape(hostile)
	tests := []struct {
		target, host, same string
		status             int
	}{
		{"/scenario?src=" + q, "", "/scenario/", 200},
		{"/scenario/?src=" + q + "#" + q, "", "/scenario/", 200},
		{"/decode?hex=" + q, "", "/decode/", 200},
		{"/decode/?hex=" + q, hostile, "/decode/", 200},
		{"/lessons/qos2-lost-pubrec?seed=" + q, "", "/lessons/qos2-lost-pubrec/", 200},
		{"/lessons/qos2-lost-pubrec/index.html?" + q, "", "/lessons/qos2-lost-pubrec/", 200},
		{"/?" + q, hostile, "/", 200},
		{"/lessons/" + p, "", "/no-such-page", 404},
		{"/lessons/" + p + "/", "", "/no-such-page", 404},
		{"/" + p + "?src=" + q, hostile, "/no-such-page", 404},
		{"/decode/" + p, "", "/no-such-page", 404},
	}
	for _, tt := range tests {
		wantStatus, want := get(tt.same, "")
		status, body := get(tt.target, tt.host)
		if status != tt.status || wantStatus != tt.status {
			t.Errorf("GET %s: %d (%s: %d), want %d", tt.target, status, tt.same, wantStatus, tt.status)
		}
		if !bytes.Equal(body, want) {
			t.Errorf("GET %s differs from GET %s", tt.target, tt.same)
		}
		for _, part := range []string{"alert", "autofocus", "mqttviz.invalid", "127.0.0.1"} {
			if bytes.Contains(body, []byte(part)) {
				t.Errorf("GET %s: the page holds %q", tt.target, part)
			}
		}
	}
}

// attrValue matches an attribute value.
var attrValue = regexp.MustCompile(`="([^"]*)"`)

// TestPrerenderedAttributes: go-app writes attribute values Go-quoted,
// not HTML-escaped; the server rewrites them. Every value in every page
// is HTML-escaped, and holds no backslash: none of the built-in text has
// one, so one would be go-app's quoting left in place.
func TestPrerenderedAttributes(t *testing.T) {
	t.Parallel()
	assets := prerendered(t)
	pages := 0
	for p, a := range assets {
		if !strings.HasPrefix(a.contentType, "text/html") {
			continue
		}
		pages++
		for _, m := range attrValue.FindAllStringSubmatch(string(a.body), -1) {
			if v := m[1]; strings.ContainsAny(v, `\<>`) || html.EscapeString(html.UnescapeString(v)) != v {
				t.Errorf("%s: attribute value %s", p, m[0])
			}
		}
		if bytes.Contains(a.body, []byte(goappViewport)) || !bytes.Contains(a.body, []byte(appViewport)) {
			t.Errorf("%s: the viewport does not allow zooming", p)
		}
		if !bytes.Contains(a.body, []byte(`http-equiv="Content-Security-Policy"`)) {
			t.Errorf("%s: no Content-Security-Policy", p)
		}
		if bytes.Contains(a.body, []byte("og:url")) {
			t.Errorf("%s: og:url names the host the page was rendered for", p)
		}
		if m := regexp.MustCompile(` aria-[a-z]+[ >]`).Find(a.body); m != nil {
			t.Errorf("%s: %q: an ARIA attribute with no value", p, m)
		}
		for _, img := range regexp.MustCompile(`<img [^>]*>`).FindAll(a.body, -1) {
			if !bytes.Contains(img, []byte(` alt`)) {
				t.Errorf("%s: %s has no text alternative", p, img)
			}
		}
		if n := bytes.Count(a.body, []byte("<aside")); n > 1 {
			t.Errorf("%s: %d complementary landmarks", p, n)
		}
		for _, m := range falseAttr.FindAllSubmatch(a.body, -1) {
			if name := string(m[1]); !strings.HasPrefix(name, "aria-") && !enumeratedFalse[name] {
				t.Errorf("%s: %s, which HTML reads as true", p, m[0])
			}
		}
	}
	if want := len(ui.Pages()) + 1 + len(ui.Translated()); pages != want {
		t.Errorf("%d pages pre-rendered, want %d", pages, want)
	}
}

// falseAttr matches an attribute whose value is "false".
var falseAttr = regexp.MustCompile(` ([a-z-]+)="false"`)

// enumeratedFalse are the attributes besides aria-* for which "false" is
// a value rather than a boolean attribute that HTML reads as present.
var enumeratedFalse = map[string]bool{"contenteditable": true, "draggable": true, "spellcheck": true, "focusable": true}

// anchorHref matches the address of a link.
var anchorHref = regexp.MustCompile(`<a [^>]*href="([^"]*)"`)

// TestLinksResolveOnStaticHosts: every link between pages is in the form
// Pages lists (NAME/), the one every static host resolves to
// NAME/index.html, with its parameters after it, or a page of the
// documentation site.
func TestLinksResolveOnStaticHosts(t *testing.T) {
	t.Parallel()
	assets := prerendered(t)
	docPages, err := docsite.Build(docs.Files, "/")
	if err != nil {
		t.Fatal(err)
	}
	links := 0
	for p, a := range assets {
		for _, m := range anchorHref.FindAllStringSubmatch(string(a.body), -1) {
			href := html.UnescapeString(m[1])
			if strings.HasPrefix(href, "#") {
				continue
			}
			links++
			path, _, _ := strings.Cut(href, "?")
			path, _, _ = strings.Cut(path, "#")
			if _, ok := docPages[path]; ok && strings.HasSuffix(path, "/") {
				continue
			}
			if page, ok := ui.PagePath(path); !ok || page != path {
				t.Errorf("%s links %s, not a page in the form NAME/", p, href)
			}
		}
	}
	if links == 0 {
		t.Error("no links found")
	}
}

// TestServeCompressed: pages, go-app's scripts and styles and the text
// files of web/ go out compressed, as app.wasm does, and a page is
// revalidated by its ETag.
func TestServeCompressed(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(siteHandler(t, s))
	defer srv.Close()
	for _, p := range []string{"/", "/lessons/qos2-lost-pubrec", "/decode/", "/app.js", "/app.css", "/wasm_exec.js", "/manifest.webmanifest", "/web/mqttviz.css", "/web/icon.svg", "/no/such/page"} {
		for _, enc := range []string{"br", "gzip"} {
			req, _ := http.NewRequest("GET", srv.URL+p, nil)
			req.Header.Set("Accept-Encoding", enc)
			res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if got := res.Header.Get("Content-Encoding"); got != enc {
				t.Errorf("GET %s, Accept-Encoding %s: Content-Encoding %q", p, enc, got)
			}
			if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
				t.Errorf("GET %s: no Vary: Accept-Encoding", p)
			}
			etag := res.Header.Get("ETag")
			if res.StatusCode != 200 || etag == "" {
				continue
			}
			req.Header.Set("If-None-Match", etag)
			res, err = http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusNotModified {
				t.Errorf("GET %s with its ETag: %d, want 304", p, res.StatusCode)
			}
		}
	}
}

func TestEscapeAttributes(t *testing.T) {
	tests := map[string]string{
		`<input value="x\" autofocus onfocus=alert(1) y=\"">`: `<input value="x&#34; autofocus onfocus=alert(1) y=&#34;">`,
		`<a title="a\\b &amp; <c>" href="/">t</a>`:            `<a title="a\b &amp;amp; &lt;c&gt;" href="/">t</a>`,
		`<textarea value="line 1\nline 2">`:                   "<textarea value=\"line 1\nline 2\">",
		`<p>a=&#34;b&#34;</p>`:                                `<p>a=&#34;b&#34;</p>`,
	}
	for in, want := range tests {
		got, err := escapeAttributes([]byte(in))
		if err != nil || string(got) != want {
			t.Errorf("escapeAttributes(%s) = %s, %v; want %s", in, got, err, want)
		}
	}
}

func TestFixTags(t *testing.T) {
	tests := map[string]string{
		`<meta name="viewport" content="a">`:                           `<meta content="a" name="viewport">`,
		`<img src="/x.svg" alt class="logo">`:                          `<img alt class="logo" src="/x.svg">`,
		"<textarea value=\"a > b\nc\" id=\"t\">x &lt;y&gt;</textarea>": "<textarea id=\"t\" value=\"a > b\nc\">x &lt;y&gt;</textarea>",
		`<p>a=&#34;b&#34; <b id="z" class="y">c</b></p>`:               `<p>a=&#34;b&#34; <b class="y" id="z">c</b></p>`,
		`<details open="false" class="x"><summary>s</summary>`:         `<details class="x"><summary>s</summary>`,
		`<option value="1" selected="false" disabled="true">`:          `<option disabled="true" value="1">`,
		`<div aria-hidden aria-label="false" role="x">`:                `<div aria-hidden="true" aria-label="false" role="x">`,
		`<p title="open=&#34;false&#34; aria-x">aria-hidden text</p>`:  `<p title="open=&#34;false&#34; aria-x">aria-hidden text</p>`,
		`<br /><a href="x"/><b id="unclosed>`:                          `<br /><a href="x"/><b id="unclosed>`,
		"<i\tid=\"b\"\n  class=\"a\" >":                                `<i class="a" id="b">`,
		`<x-y b a>`:                                                    `<x-y a b>`,
		`</a b>< a b><!DOCTYPE html>`:                                  `</a b>< a b><!DOCTYPE html>`,
	}
	for in, want := range tests {
		if got := string(fixTags([]byte(in))); got != want {
			t.Errorf("fixTags(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestPrerenderReproducible: the same build pre-renders the same bytes.
func TestPrerenderReproducible(t *testing.T) {
	t.Parallel()
	first, second := prerendered(t), prerendered(t)
	for p, a := range first {
		if !bytes.Equal(a.body, second[p].body) {
			t.Errorf("%s differs between two renders", p)
		}
	}
}

// prerendered is every asset renderApp makes of a site around a fake
// app.wasm.
func prerendered(t *testing.T) map[string]*asset {
	t.Helper()
	dir, _ := fakeWeb(t)
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	ui.Register()
	assets, err := renderApp(ui.NewHandler(s, s.version))
	if err != nil {
		t.Fatal(err)
	}
	return assets
}

// TestServeCompressesOnDemand: the server starts without compressing
// its ~300 pages and pictures (it spent seconds doing so at every start),
// compresses a page for the first request that accepts it, and sends a
// PNG picture as it is, however the browser asks.
func TestServeCompressesOnDemand(t *testing.T) {
	t.Parallel()
	dir, _ := fakeWeb(t)
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	app := siteHandler(t, s).(*appServer)
	for p, a := range app.assets {
		if a.br != nil || a.gz != nil {
			t.Fatalf("%s compressed before any request", p)
		}
	}
	for p, want := range map[string]string{"/lessons/qos2/": "br", "/docs/screenshots/lesson.png": ""} {
		req := httptest.NewRequest(http.MethodGet, p, nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Encoding") != want {
			t.Errorf("GET %s: %d, Content-Encoding %q; want 200 %q", p, rec.Code, rec.Header().Get("Content-Encoding"), want)
		}
		if a := app.assets[p]; want == "" && !bytes.Equal(rec.Body.Bytes(), a.body) {
			t.Errorf("GET %s: the body is not the picture's bytes", p)
		}
	}
}

// BenchmarkRenderApp is the pre-render every `serve` start and every
// static site pays: every page in both languages, fixed (fixPage).
func BenchmarkRenderApp(b *testing.B) {
	dir, _ := fakeWeb(b)
	s, err := loadSite(dir)
	if err != nil {
		b.Fatal(err)
	}
	ui.Register()
	h := ui.NewHandler(s, s.version)
	for b.Loop() {
		if _, err := renderApp(h); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzFixTags: any bytes, go-app's or not, leave fixTags and
// escapeAttributes without a panic, and fixTags done twice is fixTags
// done once.
func FuzzFixTags(f *testing.F) {
	for _, s := range []string{`<a href="x" aria-hidden open="false">`, `<b id="a\"b">`, "<i\tb\na>", `="\`, `<x a="`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		escapeAttributes(page)
		once := fixTags(page)
		if twice := fixTags(once); !bytes.Equal(once, twice) {
			t.Errorf("fixTags(%q) = %q, again %q", page, once, twice)
		}
	})
}

package docsite

import (
	"fmt"
	"html"
	"io/fs"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"mqttviz/docs"
	"mqttviz/sim/lessons"
)

// userDocs are the files of docs/ that must be pages.
var userDocs = []string{"getting-started", "lessons", embedPage, "live", "broker", "offline", "trace"}

func TestPages(t *testing.T) {
	names, err := Pages(docs.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range append(userDocs, cataloguePage) {
		if !slices.Contains(names, want) {
			t.Errorf("pages %v lack %s", names, want)
		}
	}
	for _, dev := range []string{"architecture", "performance"} {
		if slices.Contains(names, dev) {
			t.Errorf("pages %v hold %s, written for developers", names, dev)
		}
	}
	if want := []string{"getting-started", "lessons", cataloguePage, embedPage}; !slices.Equal(names[:4], want) {
		t.Errorf("the pages begin %v, want %v", names[:4], want)
	}
}

var (
	hrefs   = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	htmlTag = regexp.MustCompile(`<html lang="([^"]+)">`)
	title   = regexp.MustCompile(`<title>([^<]+)</title>`)
	ids     = regexp.MustCompile(` id="([^"]+)"`)
)

// TestBuild checks every page of the site in both languages, under a
// sub-path and at the root: its language, its title, the switch to the
// same page in the other language, and that every address it links to
// is a file of the site (a fragment, an id of that page) or a page of
// the app.
func TestBuild(t *testing.T) {
	for _, base := range []string{"/", "/sub/"} {
		site, err := Build(docs.Files, base)
		if err != nil {
			t.Fatal(err)
		}
		names, _ := Pages(docs.Files)
		for _, lang := range []string{"en", "zh"} {
			tag := map[string]string{"en": "en", "zh": "zh-Hans"}[lang]
			other := map[string]string{"en": "zh", "zh": "en"}[lang]
			for _, name := range append([]string{""}, names...) {
				p := pageHref("/", lang, name)
				f, ok := site[p]
				if !ok {
					t.Errorf("%s: no page %s", base, p)
					continue
				}
				page := string(f.Body)
				if m := htmlTag.FindStringSubmatch(page); m == nil || m[1] != tag {
					t.Errorf("%s%s: <html lang> is %v, want %s", base, p, m, tag)
				}
				if m := title.FindStringSubmatch(page); m == nil || !strings.Contains(m[1], tr(lang, "site.suffix")) || strings.HasPrefix(m[1], " ·") {
					t.Errorf("%s%s: title %v", base, p, m)
				}
				if sw := `href="` + pageHref(base, other, name) + `"`; !strings.Contains(page, sw) {
					t.Errorf("%s%s: no language switch %s", base, p, sw)
				}
				if strings.Contains(page, "## ") || strings.Contains(page, "<!-- embed") || strings.Contains(page, "<em>"+"A lesson") {
					t.Errorf("%s%s: Markdown or a marker left in the page", base, p)
				}
				checkLinks(t, site, base, p, page)
			}
		}
	}
}

// checkLinks checks every address page p links to.
func checkLinks(t *testing.T, site map[string]File, base, p, page string) {
	t.Helper()
	appPages := map[string]bool{"/": true, "/decode/": true, "/scenario/": true, "/trace/": true, "/live/": true}
	for _, name := range lessons.LessonNames() {
		appPages["/lessons/"+name+"/"] = true
		appPages["/embed/lessons/"+name+"/"] = true
	}
	for _, m := range hrefs.FindAllStringSubmatch(page, -1) {
		raw := strings.ReplaceAll(m[1], "&amp;", "&")
		u, err := url.Parse(raw)
		if err != nil {
			t.Errorf("%s: %q: %v", p, raw, err)
			continue
		}
		if u.Scheme != "" || u.Host != "" {
			continue
		}
		target := p
		if u.Path != "" {
			local, ok := strings.CutPrefix(u.Path, base)
			if !ok {
				t.Errorf("%s%s links to %s, outside the site %s", base, p, raw, base)
				continue
			}
			target = "/" + local
		}
		switch {
		case strings.HasPrefix(target, "/web/"):
			continue
		case appPages[target]:
			continue
		}
		f, ok := site[target]
		if !ok {
			t.Errorf("%s%s links to %s: no such file", base, p, raw)
			continue
		}
		if u.Fragment != "" && !slices.ContainsFunc(ids.FindAllStringSubmatch(string(f.Body), -1), func(id []string) bool { return id[1] == u.Fragment }) {
			t.Errorf("%s%s links to %s: %s has no id %q", base, p, raw, target, u.Fragment)
		}
	}
}

// Every picture a file of docs/ shows is embedded (docs/docs.go), so
// that the site shows it rather than its description.
func TestPicturesEmbedded(t *testing.T) {
	picture := regexp.MustCompile(`!\[[^\]]*\]\(([^)\s]+)`)
	files, _ := fs.Glob(docs.Files, "*.md")
	names, _ := Pages(docs.Files)
	for _, f := range files {
		if !slices.Contains(names, strings.TrimSuffix(f, ".md")) {
			continue
		}
		b, _ := fs.ReadFile(docs.Files, f)
		for _, m := range picture.FindAllStringSubmatch(string(b), -1) {
			if strings.Contains(m[1], ":") {
				continue
			}
			if _, err := fs.Stat(docs.Files, m[1]); err != nil {
				t.Errorf("docs/%s shows %s, which docs/docs.go does not embed", f, m[1])
			}
		}
	}
}

// Every built-in lesson has a level, and every level names a lesson.
func TestLevels(t *testing.T) {
	names := lessons.LessonNames()
	for _, n := range names {
		if _, ok := levels[n]; !ok {
			t.Errorf("the lesson %s has no level", n)
		}
	}
	for n := range levels {
		if !slices.Contains(names, n) {
			t.Errorf("levels names %s, which is no lesson", n)
		}
	}
}

// The catalogue page lists every lesson, with its level, its page and
// its embedded view, in the page's language.
func TestCatalogue(t *testing.T) {
	site, err := Build(docs.Files, "/sub/")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh"} {
		page := string(site[pageHref("/", lang, cataloguePage)].Body)
		for _, l := range lessons.Lessons() {
			for _, want := range []string{
				fmt.Sprintf(`<a href="/sub/lessons/%s/?lang=%s">`, l.Name, lang),
				fmt.Sprintf(`<a href="/sub/embed/lessons/%s/?lang=%s">`, l.Name, lang),
				html.EscapeString(l.Title.In(lang)),
				tr(lang, string(levels[l.Name])),
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s catalogue lacks %s", lang, want)
				}
			}
		}
	}
}

// The pages that talk about a lesson embed it, in both languages.
func TestFramesInDocs(t *testing.T) {
	site, err := Build(docs.Files, "/")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ page, src string }{
		{"getting-started", "/embed/lessons/qos2/?step=9&amp;lang="},
		{"lessons", "/embed/lessons/qos1-lost-puback/?step=12&amp;lang="},
		{"lessons", "/embed/lessons/qos2-lost-pubrec/?step=12&amp;lang="},
	} {
		for _, lang := range []string{"en", "zh"} {
			if want := `<iframe src="` + c.src + lang + `"`; !strings.Contains(string(site[pageHref("/", lang, c.page)].Body), want) {
				t.Errorf("%s %s lacks %s", lang, c.page, want)
			}
		}
	}
}

// A new file with an "## English" section is a page; embed.md takes its
// place after the catalogue, which links to it.
func TestNewFilesArePages(t *testing.T) {
	files := fstest.MapFS{
		"getting-started.md": {Data: []byte("# Getting started · 快速上手\n\n## English\n\nSee [embedding](embed.md#host).\n\n## 简体中文\n\n见[嵌入](embed.md)。\n")},
		"embed.md":           {Data: []byte("# Embedding · 嵌入\n\n## English\n\n### Host\n\nText.\n\n## 简体中文\n\n### 宿主\n\n文字。\n")},
		"zebra.md":           {Data: []byte("# Zebra · 斑马\n\n## English\n\nZ.\n\n## 简体中文\n\n斑马。\n")},
		"notes.md":           {Data: []byte("# Notes for developers\n\nNo sections.\n")},
	}
	names, err := Pages(files)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"getting-started", cataloguePage, embedPage, "zebra"}; !slices.Equal(names, want) {
		t.Errorf("pages %v, want %v", names, want)
	}
	site, err := Build(files, "/")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ page, want string }{
		{"/docs/en/catalogue/", `How to embed one: <a href="/docs/en/embed/">Embedding</a>`},
		{"/docs/zh/catalogue/", `嵌入方法见： <a href="/docs/zh/embed/">嵌入</a>`},
		{"/docs/en/getting-started/", `<a href="/docs/en/embed/#host">embedding</a>`},
		{"/docs/zh/embed/", `<h2 id="宿主">宿主</h2>`},
		{"/docs/zh/zebra/", `<h1 id="斑马">斑马</h1>`},
	} {
		if !strings.Contains(string(site[c.page].Body), c.want) {
			t.Errorf("%s lacks %s", c.page, c.want)
		}
	}
}

package docsite

import (
	"bytes"
	"fmt"
	"html/template"
)

// langs are the languages of the pages: the app's name for each
// (addresses, ?lang=) and the tag of its pages' <html lang>.
var langs = []struct{ code, tag, name string }{
	{"en", "en", "English"},
	{"zh", "zh-Hans", "简体中文"},
}

// navLink is a link of the header or of the list of pages.
type navLink struct {
	Href, Text string
	Current    bool
}

// langLink is a link of the language switch.
type langLink struct {
	Href, Tag, Name string
	Current         bool
}

// layout is what a page of the documentation shows around its body.
type layout struct {
	Tag, Title, Base       string
	Skip, Tagline, MainNav string
	LangLabel, PagesLabel  string
	PagerLabel             string
	Header                 []navLink
	Languages              []langLink
	Pages                  []navLink
	Heading                string
	Body                   template.HTML
	Prev, Next             *navLink
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Tag}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<link rel="icon" type="image/svg+xml" href="{{.Base}}web/icon.svg">
<link rel="stylesheet" href="{{.Base}}web/mqttviz.css">
<link rel="stylesheet" href="{{.Base}}web/docs.css">
<script defer src="{{.Base}}web/docs.js"></script>
{{- range .Languages}}{{if not .Current}}
<link rel="alternate" hreflang="{{.Tag}}" href="{{.Href}}">{{end}}{{end}}
</head>
<body>
<div class="page docs-page">
<header class="topbar">
<a id="skip-link" class="skip-link" href="#main">{{.Skip}}</a>
<a class="brand" href="{{.Base}}"><img src="{{.Base}}web/icon.svg" alt="" class="logo" width="28" height="28"><span>mqttviz</span><span class="tagline">{{.Tagline}}</span></a>
<nav aria-label="{{.MainNav}}">
{{- range .Header}}
<a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Text}}</a>
{{- end}}
</nav>
<div class="lang-switch" role="group" aria-label="{{.LangLabel}}">
{{- range .Languages}}
<a class="lang" id="doc-lang-{{.Tag}}" href="{{.Href}}" lang="{{.Tag}}" hreflang="{{.Tag}}"{{if .Current}} aria-current="page"{{end}}>{{.Name}}</a>
{{- end}}
</div>
</header>
<div class="docs">
<nav class="docs-nav" aria-label="{{.PagesLabel}}">
<ul>
{{- range .Pages}}
<li><a href="{{.Href}}"{{if .Current}} aria-current="page"{{end}}>{{.Text}}</a></li>
{{- end}}
</ul>
</nav>
<main id="main" class="docs-main" tabindex="-1">
<article class="docs-article">
{{- if .Heading}}
<h1>{{.Heading}}</h1>
{{- end}}
{{.Body}}
</article>
{{- if or .Prev .Next}}
<nav class="docs-pager" aria-label="{{.PagerLabel}}">
{{- with .Prev}}<a class="docs-prev" rel="prev" href="{{.Href}}">{{.Text}}</a>{{end}}
{{- with .Next}}<a class="docs-next" rel="next" href="{{.Href}}">{{.Text}}</a>{{end}}
</nav>
{{- end}}
</main>
</div>
</div>
</body>
</html>
`))

// writePage is the HTML of one page.
func writePage(l layout) ([]byte, error) {
	var out bytes.Buffer
	if err := pageTemplate.Execute(&out, l); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// newLayout is the layout of the page name ("" for the index) in lang,
// titled title, among pages (name and title in lang, in order).
func newLayout(base, lang, name, title string, pages []navLink, names []string) layout {
	l := layout{
		Base:       base,
		Title:      title + " · " + tr(lang, "site.suffix"),
		Skip:       tr(lang, "skip"),
		Tagline:    tr(lang, "tagline"),
		MainNav:    tr(lang, "nav.main"),
		LangLabel:  tr(lang, "lang.label"),
		PagesLabel: tr(lang, "docs.pages"),
		PagerLabel: tr(lang, "pager"),
		Header: []navLink{
			{Href: base, Text: tr(lang, "nav.lessons")},
			{Href: base + "decode/", Text: tr(lang, "nav.decode")},
			{Href: base + "scenario/", Text: tr(lang, "nav.scenario")},
			{Href: base + "trace/", Text: tr(lang, "nav.trace")},
			{Href: base + "live/", Text: tr(lang, "nav.live")},
			{Href: pageHref(base, lang, ""), Text: tr(lang, "nav.docs"), Current: true},
		},
	}
	for _, lg := range langs {
		l.Languages = append(l.Languages, langLink{Href: pageHref(base, lg.code, name), Tag: lg.tag, Name: lg.name, Current: lg.code == lang})
		if lg.code == lang {
			l.Tag = lg.tag
		}
	}
	for i, p := range pages {
		p.Current = names[i] == name
		l.Pages = append(l.Pages, p)
		if !p.Current {
			continue
		}
		if i > 0 {
			l.Prev = &navLink{Href: pages[i-1].Href, Text: fmt.Sprintf(tr(lang, "pager.prev"), pages[i-1].Text)}
		}
		if i+1 < len(pages) {
			l.Next = &navLink{Href: pages[i+1].Href, Text: fmt.Sprintf(tr(lang, "pager.next"), pages[i+1].Text)}
		}
	}
	return l
}

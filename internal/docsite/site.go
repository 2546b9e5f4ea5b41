package docsite

import (
	"bytes"
	"fmt"
	"html/template"
	"image"
	_ "image/png" // the screenshots' size
	"io/fs"
	"path"
	"slices"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/lessons"
)

// File is one file of the documentation site.
type File struct {
	ContentType string
	Body        []byte
}

// pageOrder is the order of the pages: these first (those there are),
// then any other file of docs/ with an "## English" section, by name.
// catalogue is not a file: it is built from sim/lessons.
var pageOrder = []string{"getting-started", "lessons", cataloguePage, embedPage, "live", "broker", "offline", "trace"}

// embedPage is the page on embedding a lesson, which the catalogue links
// to when there is one.
const embedPage = "embed"

// Pages returns the names of the pages of docs, in order: the files of
// pageOrder there are, the catalogue, then every other Markdown file
// with an "## English" section. architecture.md and performance.md,
// written for the project's developers, are not pages.
func Pages(docs fs.FS) ([]string, error) {
	files, err := fs.Glob(docs, "*.md")
	if err != nil {
		return nil, err
	}
	have := map[string]bool{cataloguePage: true}
	var extra []string
	for _, f := range files {
		name := strings.TrimSuffix(f, ".md")
		have[name] = true
		if slices.Contains(pageOrder, name) {
			continue
		}
		b, err := fs.ReadFile(docs, f)
		if err != nil {
			return nil, err
		}
		if bytes.Contains(b, []byte("\n"+englishHeading+"\n")) {
			extra = append(extra, name)
		}
	}
	var out []string
	for _, name := range pageOrder {
		if have[name] {
			out = append(out, name)
		}
	}
	slices.Sort(extra)
	return append(out, extra...), nil
}

// Build returns the documentation site of the files docs (docs/*.md and
// the screenshots they show) for a site served under base ("/" or
// "/sub/"), by address: /docs/ (the two languages), /docs/LANG/ (the
// list of pages), /docs/LANG/NAME/ (a page) and /docs/screenshots/….
// Every link a page makes is an address of the site (resolve).
func Build(docs fs.FS, base string) (map[string]File, error) {
	names, err := Pages(docs)
	if err != nil {
		return nil, err
	}
	out := map[string]File{}
	pictures, err := readPictures(docs, out)
	if err != nil {
		return nil, err
	}
	sources := map[string]source{}
	for _, name := range names {
		if name == cataloguePage {
			sources[name] = source{title: words["catalogue.title"]}
			continue
		}
		b, err := fs.ReadFile(docs, name+".md")
		if err != nil {
			return nil, err
		}
		sources[name] = parseSource(b)
	}
	pages := map[string]bool{}
	for _, n := range names {
		pages[n] = true
	}
	for _, lg := range langs {
		lang := lg.code
		nav := []navLink{{Href: pageHref(base, lang, ""), Text: tr(lang, "docs.title")}}
		order := []string{""}
		for _, n := range names {
			nav = append(nav, navLink{Href: pageHref(base, lang, n), Text: plain(sources[n].title.In(lang))})
			order = append(order, n)
		}
		index, err := renderIndex(nav[1:], lang)
		if err != nil {
			return nil, err
		}
		l := newLayout(base, lang, "", tr(lang, "docs.title"), nav, order)
		l.Heading, l.Body = tr(lang, "docs.title"), index
		if err := addPage(out, "/docs/"+lang+"/", l); err != nil {
			return nil, err
		}
		for _, n := range names {
			s := sources[n]
			l := newLayout(base, lang, n, plain(s.title.In(lang)), nav, order)
			var body []byte
			if n == cataloguePage {
				l.Heading = s.title.In(lang)
				var embed *navLink
				if i := slices.Index(order, embedPage); i > 0 {
					embed = &nav[i]
				}
				body, err = renderCatalogue(base, lang, embed)
			} else {
				links := &pageLinks{base: base, lang: lang, pages: pages, pictures: pictures, lessons: lessonTitle}
				body, err = render("# "+s.title.In(lang)+"\n\n"+s.body.In(lang), links)
			}
			if err != nil {
				return nil, fmt.Errorf("docs/%s.md (%s): %v", n, lang, err)
			}
			l.Body = template.HTML(body)
			if err := addPage(out, "/docs/"+lang+"/"+n+"/", l); err != nil {
				return nil, err
			}
		}
	}
	chooser, err := renderChooser(base)
	if err != nil {
		return nil, err
	}
	out["/docs/"] = File{ContentType: htmlType, Body: chooser}
	return out, nil
}

const htmlType = "text/html; charset=utf-8"

func addPage(out map[string]File, p string, l layout) error {
	b, err := writePage(l)
	if err != nil {
		return fmt.Errorf("%s: %v", p, err)
	}
	out[p] = File{ContentType: htmlType, Body: b}
	return nil
}

// lessonTitle is the title of a built-in lesson.
func lessonTitle(name string) (codec.Text, bool) {
	info, ok := lessons.Lesson(name)
	return info.Title, ok
}

// readPictures adds every PNG under screenshots/ of docs to out, at
// /docs/screenshots/NAME, and returns them by the path the pages write
// (screenshots/NAME) with their size.
func readPictures(docs fs.FS, out map[string]File) (map[string]picture, error) {
	files, err := fs.Glob(docs, "screenshots/*.png")
	if err != nil {
		return nil, err
	}
	pics := map[string]picture{}
	for _, f := range files {
		b, err := fs.ReadFile(docs, f)
		if err != nil {
			return nil, err
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("docs/%s: %v", f, err)
		}
		p := "/docs/" + path.Clean(f)
		out[p] = File{ContentType: "image/png", Body: b}
		pics[f] = picture{path: p, width: cfg.Width, height: cfg.Height}
	}
	return pics, nil
}

var indexTemplate = template.Must(template.New("index").Parse(`<p class="docs-lead">{{.Intro}}</p>
<ul class="docs-index">
{{- range .Pages}}
<li><a href="{{.Href}}">{{.Text}}</a></li>
{{- end}}
</ul>
`))

// renderIndex is the body of a language's index: the pages, in order.
func renderIndex(pages []navLink, lang string) (template.HTML, error) {
	var b bytes.Buffer
	err := indexTemplate.Execute(&b, map[string]any{"Intro": tr(lang, "docs.intro"), "Pages": pages})
	return template.HTML(b.String()), err
}

var chooserTemplate = template.Must(template.New("chooser").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mqttviz documentation · mqttviz 文档</title>
<link rel="icon" type="image/svg+xml" href="{{.Base}}web/icon.svg">
<link rel="stylesheet" href="{{.Base}}web/mqttviz.css">
<link rel="stylesheet" href="{{.Base}}web/docs.css">
</head>
<body>
<main id="main" class="docs-chooser">
<h1>mqttviz documentation · <span lang="zh-Hans">mqttviz 文档</span></h1>
<ul>
{{- range .Langs}}
<li><a href="{{.Href}}" lang="{{.Tag}}" hreflang="{{.Tag}}">{{.Name}}</a></li>
{{- end}}
</ul>
</main>
</body>
</html>
`))

// renderChooser is /docs/: a link to each language's index, each in its
// language.
func renderChooser(base string) ([]byte, error) {
	var ls []langLink
	for _, lg := range langs {
		ls = append(ls, langLink{Href: pageHref(base, lg.code, ""), Tag: lg.tag, Name: tr(lg.code, "index.lang")})
	}
	var b bytes.Buffer
	err := chooserTemplate.Execute(&b, map[string]any{"Base": base, "Langs": ls})
	return b.Bytes(), err
}

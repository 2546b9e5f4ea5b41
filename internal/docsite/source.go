package docsite

import (
	"bytes"
	"strings"

	"mqttviz/codec"
)

// source is one page's Markdown, cut from its file: the title and the
// body in each language.
type source struct {
	// title is the file's first heading, "English · 中文" cut in two.
	title codec.Text
	// body is the page's Markdown in each language, headings raised so
	// that its sections are <h2>.
	body codec.Text
}

// The headings that open a file's sections in each language.
const (
	englishHeading = "## English"
	chineseHeading = "## 简体中文"
)

// catalogueMarker, alone on a line of a section both languages share,
// says the site shows the catalogue page (built from sim/lessons) in its
// place: the section keeps its heading and links to that page.
const catalogueMarker = "<!-- site: catalogue -->"

// catalogueLink is what a section with catalogueMarker says instead.
var catalogueLink = codec.Text{
	EN: "Every built-in lesson, with its level, what it shows and links to open it or embed it, is on the page [Lesson catalogue](" + cataloguePage + ".md).",
	ZH: "所有内置课程的难度、内容简介，以及打开和嵌入课程的链接，见[课程目录](" + cataloguePage + ".md)页面。",
}

// parseSource cuts a file of docs/. A file with an "## English" and an
// "## 简体中文" section gives each language its section, its headings
// raised one level, and both the sections that follow under other
// headings; the lines before the first section (the links to the two
// sections) are left out. A file with no such sections, written in both
// languages throughout, is the same page in both.
func parseSource(file []byte) source {
	var s source
	lines := strings.Split(strings.ReplaceAll(string(file), "\r\n", "\n"), "\n")
	var pre, en, zh, shared []string
	part := &pre
	split := false
	var fence string
	for _, line := range lines {
		if fence == "" && s.title.EN == "" && strings.HasPrefix(line, "# ") {
			s.title = splitTitle(strings.TrimPrefix(line, "# "))
			continue
		}
		if f := fenceOf(line); f != "" {
			switch {
			case fence == "":
				fence = f
			case strings.HasPrefix(f, fence) && strings.TrimSpace(line) == f:
				fence = ""
			}
		}
		if fence == "" && strings.HasPrefix(line, "## ") {
			switch strings.TrimSpace(line) {
			case englishHeading:
				part, split = &en, true
				continue
			case chineseHeading:
				part, split = &zh, true
				continue
			default:
				if part == &en || part == &zh || part == &shared {
					part = &shared
				}
			}
		}
		if fence == "" && (part == &en || part == &zh) && strings.HasPrefix(line, "###") {
			line = line[1:]
		}
		*part = append(*part, line)
	}
	if !split {
		body := strings.Join(pre, "\n")
		s.body = codec.Text{EN: body, ZH: body}
		return s
	}
	s.body.EN = strings.Join(en, "\n") + "\n" + sharedSections(shared, "en")
	s.body.ZH = strings.Join(zh, "\n") + "\n" + sharedSections(shared, "zh")
	return s
}

// sharedSections is the Markdown of the sections both languages share,
// for lang: a section holding catalogueMarker links to the catalogue
// page instead of its own text.
func sharedSections(lines []string, lang string) string {
	var out []string
	var section []string
	flush := func() {
		for _, l := range section {
			if strings.TrimSpace(l) == catalogueMarker {
				section = []string{section[0], "", catalogueLink.In(lang), ""}
				break
			}
		}
		out = append(out, section...)
		section = nil
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "## ") {
			flush()
		}
		section = append(section, l)
	}
	flush()
	return strings.Join(out, "\n")
}

// splitTitle cuts "English · 中文" in two; a title with no " · " is the
// same in both languages.
func splitTitle(t string) codec.Text {
	t = strings.TrimSpace(t)
	if en, zh, ok := strings.Cut(t, " · "); ok {
		return codec.Text{EN: strings.TrimSpace(en), ZH: strings.TrimSpace(zh)}
	}
	return codec.Text{EN: t, ZH: t}
}

// fenceOf returns the fence (``` or ~~~, three or more) a line opens or
// closes a code block with, or "".
func fenceOf(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(t) && t[n] == c {
			n++
		}
		if n >= 3 {
			return string(bytes.Repeat([]byte{c}, n))
		}
	}
	return ""
}

// plain is a title as text: Markdown's code marks left out.
func plain(title string) string {
	return strings.NewReplacer("`", "", "**", "", "*", "").Replace(title)
}

package docsite

import (
	"path"
	"regexp"
	"strings"
)

// pageLinks is what one page's links resolve against: the site's base,
// the page's language, the names of the pages and the pictures the site
// has. It is the page's goldmark transformer (Transform), and keeps the
// first error it meets (an embed marker naming no lesson).
type pageLinks struct {
	base, lang string
	pages      map[string]bool
	pictures   map[string]picture
	lessons    lessonFinder
	err        error
}

// picture is a picture of docs/ the site copies: its address in the site
// and its size in pixels.
type picture struct {
	path          string
	width, height int
}

// lessonFile is a built-in lesson's file, and webFile a file of web/,
// which the site serves as it is, by their paths in the repository.
var (
	lessonFile = regexp.MustCompile(`^sim/lessons/\d+-([a-z0-9-]+)\.txt$`)
	webFile    = regexp.MustCompile(`^web/[A-Za-z0-9._-]+$`)
)

// resolve returns the site's address for a link's destination dest, as
// written in a file of docs/: a page's file (lessons.md, lessons.md#x)
// is that page in this language, a lesson's file its page, a file of
// web/ the site's copy, an address
// of the site (/live/) is under the base, anything with a scheme or only
// a fragment is left as it is. For a file of the repository the site has
// no page for, ok is false and repoPath is its path in the repository.
func (p *pageLinks) resolve(dest string) (href string, ok bool, repoPath string) {
	if dest == "" || strings.HasPrefix(dest, "#") || hasScheme(dest) {
		return dest, true, ""
	}
	if strings.HasPrefix(dest, "/") {
		return p.base + strings.TrimPrefix(dest, "/"), true, ""
	}
	file, frag, _ := strings.Cut(dest, "#")
	if frag != "" {
		frag = "#" + frag
	}
	file, _, _ = strings.Cut(file, "?")
	repo := path.Clean(path.Join("docs", file))
	inDocs, _ := strings.CutPrefix(repo, "docs/")
	if name, isMD := strings.CutSuffix(inDocs, ".md"); isMD && p.pages[name] {
		return p.pageHref(name) + frag, true, ""
	}
	if pic, isPic := p.picture(inDocs); isPic {
		return p.base + strings.TrimPrefix(pic.path, "/"), true, ""
	}
	if m := lessonFile.FindStringSubmatch(repo); m != nil {
		return p.base + "lessons/" + m[1] + "/", true, ""
	}
	if webFile.MatchString(repo) {
		return p.base + repo, true, ""
	}
	return "", false, repo
}

// pageHref is the address of the page name ("" for the index) in this
// page's language.
func (p *pageLinks) pageHref(name string) string {
	return pageHref(p.base, p.lang, name)
}

// pageHref is the address of the page name ("" for the index) in lang.
func pageHref(base, lang, name string) string {
	if name == "" {
		return base + "docs/" + lang + "/"
	}
	return base + "docs/" + lang + "/" + name + "/"
}

// picture returns the picture the site has for a picture's destination
// dest, as a file of docs/ writes it.
func (p *pageLinks) picture(dest string) (picture, bool) {
	pic, ok := p.pictures[path.Clean(dest)]
	return pic, ok
}

// hasScheme says whether dest starts with a URL scheme (https:, mailto:).
func hasScheme(dest string) bool {
	i := strings.IndexAny(dest, ":/?#")
	return i > 0 && dest[i] == ':'
}

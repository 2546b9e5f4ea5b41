package ui

import (
	"html"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"net/url"
	"strconv"
	"strings"
)

// shareTarget is what a page's Share dialog links to: the page and what
// its address must carry to show the same view again. Each page makes
// its own (shareOf); the dialog adds the step and the language.
type shareTarget struct {
	// page is the page's path inside the app ("/lessons/qos1/",
	// "/scenario/", "/decode/"); "" when no address opens the view again
	// (a trace opened from a file).
	page string
	// query holds the address's parameters besides the step and the
	// language: a lesson's ?seed=, decode's ?hex=.
	query url.Values
	// fragment is a shared scenario (sharelink.go), without #.
	fragment string
	// stepped says the page keeps its step in its address (not decode).
	stepped bool
	// lesson names the built-in lesson whose picture the site serves
	// (LessonDiagramPath); "" when the picture must be downloaded.
	lesson string
	// title names the view in the snippets.
	title string
}

// shareSite is the address the site is served from: the page's origin
// ("https://example.org"), the base (GOAPP_ROOT_PREFIX) coming from link.
type shareSite string

// address returns the site's full address of path with the target's
// parameters, the step at cursor (from 0) when the page keeps it, the
// language, and the fragment.
func (s shareSite) address(path string, t shareTarget, cursor int, lang string) string {
	q := url.Values{}
	for k, v := range t.query {
		q[k] = append([]string(nil), v...)
	}
	if t.stepped {
		q.Set(stepParam, strconv.Itoa(cursor+1))
	}
	q.Set(langParam, i18n.Norm(lang))
	out := string(s) + link(path) + "?" + q.Encode()
	if t.fragment != "" {
		out += "#" + t.fragment
	}
	return out
}

// shareLink is the link that opens the view at cursor in lang, or ""
// when there is none.
func (s shareSite) shareLink(t shareTarget, cursor int, lang string) string {
	if t.page == "" {
		return ""
	}
	return s.address(t.page, t, cursor, lang)
}

// embedLink is the address of the view's embed (docs/embed.md):
// /embed/lessons/NAME/, /embed/scenario/ or /embed/decode/ with the same
// parameters and fragment.
func (s shareSite) embedLink(t shareTarget, cursor int, lang string) string {
	if t.page == "" {
		return ""
	}
	return s.address("/embed"+t.page, t, cursor, lang)
}

// Size of the frame the iframe snippet asks for: the embed tells its
// host its height, and a page without the host script still shows the
// diagram and the player.
const (
	embedWidth  = 720
	embedHeight = 480
)

// iframeSnippet is the HTML that embeds the view at src, titled for
// screen readers, loaded when scrolled near. Both values are escaped:
// a scenario's title is anyone's text.
func iframeSnippet(src, title string) string {
	return `<iframe src="` + html.EscapeString(src) + `" title="` + html.EscapeString(title) +
		`" width="` + strconv.Itoa(embedWidth) + `" height="` + strconv.Itoa(embedHeight) +
		`" loading="lazy" style="border:0;max-width:100%"></iframe>`
}

// markdownSnippet is Markdown showing the picture at image, titled, as a
// link to href (a plain picture when href is "").
func markdownSnippet(title, image, href string) string {
	pic := "![" + markdownText(title) + "](" + markdownURL(image) + ")"
	if href == "" {
		return pic
	}
	return "[" + pic + "](" + markdownURL(href) + ")"
}

// markdownText escapes what would end or break a link's text.
var markdownText = strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, "\n", " ", "\r", " ").Replace

// markdownURL escapes what would end a link's destination.
var markdownURL = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace

// shareImage is the picture the Markdown shows: the site's file of a
// built-in lesson, else the file the dialog's download saves, which the
// writer puts beside the article (download is then true).
func (s shareSite) shareImage(t shareTarget, tr *trace.Trace, lang string) (image string, download bool) {
	if t.lesson != "" {
		return string(s) + link(LessonDiagramPath(t.lesson, lang)), false
	}
	return exportName(tr, 0, len(tr.Steps)-1, lang, exportSVG), true
}

// siteOf returns the origin of the page address u ("https://host:port").
func siteOf(u *url.URL) shareSite {
	return shareSite(u.Scheme + "://" + u.Host)
}

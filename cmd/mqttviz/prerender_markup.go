package main

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// Where go-app v9.8.0's server-side HTML says something else than its
// components mean, fixMarkup puts it right, so that a page read before
// app.wasm runs (or without it) is the page the app draws.

// booleanAttrs are HTML's boolean attributes. go-app writes
// Selected(false), Open(false) or Disabled(false) as name="false", and
// HTML reads a boolean attribute as true whatever its value: <details
// open="false"> is open and every <option selected="false"> is selected.
// Such an attribute is removed. ARIA attributes take "false" as a value
// and are kept.
var booleanAttrs = map[string]bool{}

func init() {
	for _, name := range strings.Fields(`allowfullscreen async autofocus autoplay checked controls default defer disabled formnovalidate hidden inert ismap itemscope loop multiple muted nomodule novalidate open playsinline readonly required reversed selected`) {
		booleanAttrs[name] = true
	}
}

// goappLoader is go-app's loader as it writes it: an <aside>, a second
// complementary landmark beside the page's own, holding an image with no
// text alternative.
var goappLoader = regexp.MustCompile(`<aside (class="goapp-app-info" id="app-wasm-loader")>(\s*<img) ((?s:.*?))</aside>`)

// fixMarkup writes every start tag's attributes in name order (fixTag)
// and makes go-app's loader a status line whose spinning logo is
// decoration. It runs once escapeAttributes has: no attribute value
// holds a ".
func fixMarkup(page []byte) ([]byte, error) {
	page = fixTags(page)
	if n := len(goappLoader.FindAllIndex(page, -1)); n != 1 {
		return nil, fmt.Errorf("go-app's loader found %d times, want once", n)
	}
	page = goappLoader.ReplaceAll(page, []byte(`<div $1 role="status">$2 alt="" $3</div>`))
	if bytes.Contains(page, []byte(`<aside class="goapp-app-info"`)) {
		return nil, fmt.Errorf("go-app's loader is still an aside")
	}
	return page, nil
}

// fixTags rewrites every start tag that has attributes (startTagEnd)
// with fixTag and copies the rest of the page as it is.
func fixTags(page []byte) []byte {
	out := make([]byte, 0, len(page)+len(page)/16)
	var attrs [][]byte
	done := 0
	for i := 0; i < len(page); i++ {
		if page[i] != '<' {
			continue
		}
		nameEnd, end, found := startTagEnd(page, i, attrs[:0])
		if end < 0 {
			continue
		}
		attrs = found
		out = append(out, page[done:i]...)
		out = fixTag(out, page[i+1:nameEnd], attrs)
		done = end
		i = end - 1
	}
	return append(out, page[done:]...)
}

// fixTag writes a start tag with its attributes sorted by name, so that
// the same build pre-renders the same bytes (go-app writes them in map
// order, a new one each run: a static site then changes only where the
// app did, and ETags survive a restart); a boolean attribute written
// "false" (booleanAttrs) is left out, and a bare ARIA attribute gets its
// "true" (go-app writes true as a bare attribute, which ARIA reads as no
// value: aria-hidden, aria-pressed and aria-selected would not hold).
func fixTag(out, name []byte, attrs [][]byte) []byte {
	slices.SortFunc(attrs, bytes.Compare)
	out = append(append(out, '<'), name...)
	for _, a := range attrs {
		if n, ok := bytes.CutSuffix(a, []byte(`="false"`)); ok && booleanAttrs[string(n)] {
			continue
		}
		out = append(append(out, ' '), a...)
		if bareARIA(a) {
			out = append(out, `="true"`...)
		}
	}
	return append(out, '>')
}

// bareARIA reports whether a is an ARIA attribute without a value:
// aria- and lower-case letters.
func bareARIA(a []byte) bool {
	rest, ok := bytes.CutPrefix(a, []byte("aria-"))
	if !ok || len(rest) == 0 {
		return false
	}
	for _, c := range rest {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// startTagEnd reads the start tag at page[i] (a '<'): a name, then one
// or more attributes, each after white space, a bare name or name="value"
// with no " in the value, then white space and '>'. It returns where the
// tag's name ends, where the tag ends and its attributes appended to
// attrs; end is -1 if page[i:] begins no such tag (an end tag, a comment,
// a tag without attributes, one written otherwise).
func startTagEnd(page []byte, i int, attrs [][]byte) (nameEnd, end int, _ [][]byte) {
	j := i + 1
	if j >= len(page) || !isLetter(page[j]) {
		return 0, -1, attrs
	}
	for j < len(page) && (isLetter(page[j]) || isDigit(page[j]) || page[j] == '-') {
		j++
	}
	nameEnd = j
	for {
		k := j
		for k < len(page) && isSpace(page[k]) {
			k++
		}
		if k < len(page) && page[k] == '>' && len(attrs) > 0 {
			return nameEnd, k + 1, attrs
		}
		if k == j || k == len(page) || !isAttrNameByte(page[k]) {
			return 0, -1, attrs
		}
		start := k
		for k < len(page) && isAttrNameByte(page[k]) {
			k++
		}
		if k+1 < len(page) && page[k] == '=' && page[k+1] == '"' {
			q := bytes.IndexByte(page[k+2:], '"')
			if q < 0 {
				return 0, -1, attrs
			}
			k += 2 + q + 1
		}
		attrs = append(attrs, page[start:k])
		j = k
	}
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isSpace is white space as HTML and Go's regexp \s know it.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// isAttrNameByte reports whether c may be part of an attribute's name:
// anything but white space, quotes, '<', '>', '/' and '='.
func isAttrNameByte(c byte) bool {
	return !isSpace(c) && !strings.ContainsRune(`"'<>/=`, rune(c))
}

package main

import (
	"bytes"
	"fmt"
	"regexp"
)

// Where go-app v9.8.0's server-side HTML says something else than its
// components mean, fixMarkup puts it right, so that a page read before
// app.wasm runs (or without it) is the page the app draws.

// falseBoolean matches an HTML boolean attribute that go-app writes with
// the value "false" (Selected(false), Open(false), Disabled(false)). HTML
// reads a boolean attribute as true whatever its value, so <details
// open="false"> is open and every <option selected="false"> is selected;
// such an attribute is removed. ARIA attributes take "false" as a value
// and are kept.
var falseBoolean = regexp.MustCompile(` (?:allowfullscreen|async|autofocus|autoplay|checked|controls|default|defer|disabled|formnovalidate|hidden|inert|ismap|itemscope|loop|multiple|muted|nomodule|novalidate|open|playsinline|readonly|required|reversed|selected)="false"`)

// bareARIA matches an ARIA attribute without a value: go-app writes the
// value "true" as a bare attribute, which ARIA reads as no value at all
// (aria-hidden, aria-pressed and aria-selected would not hold).
var bareARIA = regexp.MustCompile(` (aria-[a-z]+)([ >])`)

// goappLoader is go-app's loader as it writes it: an <aside>, a second
// complementary landmark beside the page's own, holding an image with no
// text alternative.
var goappLoader = regexp.MustCompile(`<aside (class="goapp-app-info" id="app-wasm-loader")>(\s*<img) ((?s:.*?))</aside>`)

// fixMarkup removes the boolean attributes written "false", gives bare
// ARIA attributes their "true", and makes go-app's loader a status line
// whose spinning logo is decoration.
func fixMarkup(page []byte) ([]byte, error) {
	page = falseBoolean.ReplaceAll(page, nil)
	page = bareARIA.ReplaceAll(page, []byte(` $1="true"$2`))
	if n := len(goappLoader.FindAllIndex(page, -1)); n != 1 {
		return nil, fmt.Errorf("go-app's loader found %d times, want once", n)
	}
	page = goappLoader.ReplaceAll(page, []byte(`<div $1 role="status">$2 alt="" $3</div>`))
	if bytes.Contains(page, []byte(`<aside class="goapp-app-info"`)) {
		return nil, fmt.Errorf("go-app's loader is still an aside")
	}
	return page, nil
}

package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
)

// The embeds (docs/embed.md) load the app only when the reader clicks
// their poster, so that a page with ten embeds does not start ten
// WebAssembly runtimes: the server sends each embed page with go-app's
// app.js and wasm_exec.js taken out and web/embed-poster.js in their
// place, which loads the two scripts on the click. It also draws each lesson's still, the first
// steps of its diagram as sim/trace draws an SVG file, for the poster's
// <img>.

// posterSteps is how many steps of a lesson its poster's still draws.
const posterSteps = 6

// embedLoader matches, on a pre-rendered page, go-app's two scripts,
// capturing the address prefix of the scripts; embedStyles matches the
// app's style sheet, capturing the address of web/.
var (
	embedLoader = regexp.MustCompile(`<script defer src="([^"]*)/wasm_exec\.js"></script>\n<script defer src="[^"]*/app\.js"></script>\n`)
	embedStyles = regexp.MustCompile(`<link href="([^"]*)/mqttviz\.css" rel="stylesheet" type="text/css">`)
)

// addEmbedAssets rewrites every embed page among the assets as a poster
// page and adds the lessons' stills.
func addEmbedAssets(assets map[string]*asset) error {
	for p, a := range assets {
		if !strings.HasPrefix(p, "/embed/") || !strings.HasPrefix(a.contentType, "text/html") {
			continue
		}
		body, err := posterPage(a.body)
		if err != nil {
			return fmt.Errorf("embed page %s: %v", p, err)
		}
		assets[p] = newAsset(a.status, a.contentType, body)
	}
	for _, name := range lessons.LessonNames() {
		t, err := lessons.RunLesson(name, 1)
		if err != nil {
			return err
		}
		for lang, file := range map[string]string{i18n.EN: "poster.svg", i18n.ZH: "poster.zh.svg"} {
			svg, err := trace.FormatSVGRange(t, lang, 0, min(posterSteps, len(t.Steps))-1)
			if err != nil {
				return fmt.Errorf("lesson %s: %v", name, err)
			}
			assets["/embed/lessons/"+name+"/"+file] = newAsset(200, "image/svg+xml", []byte(svg))
		}
	}
	return nil
}

// posterPage is the pre-rendered page with go-app's loader replaced by
// the poster's script. The loader must be found exactly once.
func posterPage(page []byte) ([]byte, error) {
	m := embedLoader.FindAllSubmatchIndex(page, -1)
	if len(m) != 1 {
		return nil, fmt.Errorf("go-app's loader found %d times, want once", len(m))
	}
	styles := embedStyles.FindAllSubmatch(page, -1)
	if len(styles) != 1 {
		return nil, fmt.Errorf("the app's style sheet found %d times, want once", len(styles))
	}
	root, web := page[m[0][2]:m[0][3]], styles[0][1]
	// The script tells the poster where the loader is: the addresses are
	// the site's own, written by go-app, never a request's.
	script := fmt.Sprintf(`<script data-app="%s/app.js" data-exec="%s/wasm_exec.js" defer src="%s/embed-poster.js"></script>`+"\n", root, root, web)
	var out bytes.Buffer
	out.Write(page[:m[0][0]])
	out.WriteString(script)
	out.Write(page[m[0][1]:])
	return out.Bytes(), nil
}

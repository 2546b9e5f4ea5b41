// Package docsite writes the user documentation (docs/*.md) as pages of
// the app's site, one per language: /docs/en/NAME/ and /docs/zh/NAME/,
// an index per language, the lesson catalogue built from sim/lessons,
// the lessons a page talks about embedded live where it says
// <!-- embed: NAME step=N -->. `mqttviz static` writes the pages and
// `mqttviz serve` serves the same bytes (Build is the one generator).
//
// Markdown is rendered by goldmark with raw HTML left out: every byte of
// HTML is goldmark's or this package's html/template. It is imported by
// the command only, never by the browser app.
package docsite

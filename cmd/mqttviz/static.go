package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/wasm/ui"
)

const staticUsage = `Usage: mqttviz static [--base /SUBPATH/] [--web DIR] [--brotli N] OUTDIR

Writes the app as a static site for any static file server: every page
as NAME/index.html (lessons/qos2/index.html, decode/index.html, ...),
404.html, the documentation under docs/ (docs/en/NAME/index.html,
docs/zh/NAME/index.html), web/app.wasm with precompressed app.wasm.br
and app.wasm.gz, the icons and the styles.
`

// runStatic writes the app as a static site:
// `mqttviz static [--base /repo/] [--web DIR] OUTDIR`.
func runStatic(args []string, stdout, stderr io.Writer) int {
	c := newCLI("static", staticUsage)
	base := c.fs.String("base", "/", "the sub-path the site is served under, e.g. /mqttviz/ on GitHub Pages")
	web := c.fs.String("web", "", "the web/ directory holding app.wasm (default: ./web)")
	quality := c.fs.Int("brotli", brotliStaticQuality, "brotli quality of web/app.wasm.br, 0-11 (11 is smallest and slowest)")
	pos, code, done := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(pos) != 1 {
		return c.fail(stderr, "want one output directory, got %d argument(s)", len(pos))
	}
	out := pos[0]
	if err := writeStatic(out, *base, *web, *quality, stderr); err != nil {
		fmt.Fprintln(stderr, "mqttviz static:", err)
		return 1
	}
	fmt.Fprintf(stdout, "mqttviz: static site written to %s (base %s)\n", out, *base)
	return 0
}

// writeStatic writes the pages, pre-rendered as `serve` does (renderApp),
// each page as NAME/index.html: the one layout every static host
// resolves for the link NAME/, and the service worker that keeps the
// site for offline use. Then every file of web/ and the precompressed
// app.wasm.
func writeStatic(out, base, web string, quality int, progress io.Writer) error {
	dir, err := findWeb(web)
	if err != nil {
		return err
	}
	s, err := loadSite(dir)
	if err != nil {
		return err
	}
	var resources app.ResourceProvider = s
	prefix := strings.Trim(base, "/")
	if prefix != "" {
		resources = app.CustomProvider("", prefix)
	}
	ui.Register()
	h := ui.NewHandler(resources, s.version)
	assets, err := renderApp(h)
	if err != nil {
		return err
	}
	if err := addEmbedAssets(assets); err != nil {
		return err
	}
	if err := addLessonDiagrams(assets); err != nil {
		return err
	}
	if err := addDocs(assets, siteBase(prefix)); err != nil {
		return err
	}
	files, err := readWeb(dir, s.wasm)
	if err != nil {
		return err
	}
	if _, err := addOfflineWorker(assets, files, siteBase(prefix)); err != nil {
		return err
	}
	for p, a := range assets {
		if err := writeFile(filepath.Join(out, staticFile(p)), a.body); err != nil {
			return err
		}
	}
	if err := copyDir(filepath.Join(out, "web"), dir); err != nil {
		return err
	}
	if quality == brotli.BestCompression {
		fmt.Fprintln(progress, "mqttviz static: compressing app.wasm with brotli at its best quality (this takes a while)")
	}
	br, err := packWasm(s.sum, s.wasm, false, quality)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "web", "app.wasm.br"), br, 0o644); err != nil {
		return err
	}
	<-s.ready
	if s.gz == nil {
		return errors.New("compressing app.wasm with gzip failed")
	}
	return os.WriteFile(filepath.Join(out, "web", "app.wasm.gz"), s.gz, 0o644)
}

// staticFile is the file that answers the address p on a static host:
// a page /NAME/ is NAME/index.html.
func staticFile(p string) string {
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return filepath.FromSlash(strings.TrimPrefix(p, "/"))
}

func writeFile(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

// copyDir copies the regular files of src (not its subdirectories, and
// not stale precompressed wasm) into dst.
func copyDir(dst, src string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), "app.wasm.") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

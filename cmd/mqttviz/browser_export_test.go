package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/chromedp"
)

// exportLesson is the lesson the export tests draw: a lost PUBREC, a
// cut link and a reconnect, with Chinese labels and notes.
const exportLesson = "qos2-lost-pubrec"

// waitFile waits for the browser to finish downloading dir/name (it
// writes to another name and renames the file when done).
func waitFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no %s downloaded to %s (it holds %v)", name, dir, entries)
	return nil
}

// svgSize reads the width and height attributes of an exported SVG.
func svgSize(t *testing.T, svg []byte) (w, h int) {
	t.Helper()
	m := regexp.MustCompile(`<svg [^>]*width="(\d+)" height="(\d+)"`).FindSubmatch(svg)
	if m == nil {
		t.Fatal("the SVG has no width and height")
	}
	w, _ = strconv.Atoi(string(m[1]))
	h, _ = strconv.Atoi(string(m[2]))
	return w, h
}

// exportChoice opens the Export menu and presses one of its buttons.
func exportChoice(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	if !eval[bool](t, ctx, `document.getElementById("export").open`) {
		do(t, ctx, chromedp.Click(chromedp.CSS("#export > summary")))
	}
	do(t, ctx, chromedp.Click(chromedp.ID(id)))
}

// TestBrowserExport exports a lesson's diagram from the lesson page in
// English and in Chinese: the SVG is the bytes `trace.FormatSVG` writes
// (as `mqttviz run --format svg`), the PNG is twice its size, not blank
// and the picture `mqttviz run --format png` draws, the steps around the cursor are the cursor's ±5; then it opens
// the SVG file in Chromium and checks every arrow label is drawn, and
// that the Chinese ones are drawn with a Chinese font's glyphs.
func TestBrowserExport(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 900)
	dir := allowDownloads(t, ctx)
	tr, err := lessons.RunLesson(exportLesson, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh"} {
		open(t, ctx, base, "/")
		do(t, ctx, chromedp.Click(chromedp.ID("lang-"+lang)))
		open(t, ctx, base, "/lessons/"+exportLesson)
		waitFor(t, ctx, `document.getElementById("export") !== null`)

		exportChoice(t, ctx, "export-svg")
		name := exportLesson + "." + lang
		svg := waitFile(t, dir, name+".svg")
		if want := trace.FormatSVG(tr, lang); string(svg) != want {
			t.Errorf("%s: the exported SVG differs from trace.FormatSVG", lang)
		}
		var cli bytes.Buffer
		runRun([]string{exportLesson, "--format", "svg", "--lang", lang}, &cli, &bytes.Buffer{})
		if !bytes.Equal(svg, cli.Bytes()) {
			t.Errorf("%s: the exported SVG differs from mqttviz run --format svg", lang)
		}

		exportChoice(t, ctx, "export-png")
		pngBytes := waitFile(t, dir, name+".png")
		img, err := png.Decode(bytes.NewReader(pngBytes))
		if err != nil {
			t.Fatalf("%s: the PNG does not decode: %v", lang, err)
		}
		w, h := svgSize(t, svg)
		if got := img.Bounds().Size(); got.X != 2*w || got.Y != 2*h {
			t.Errorf("%s: the PNG is %v, want twice the SVG's %d×%d", lang, got, w, h)
		}
		if n := inked(img); n < img.Bounds().Dx()*img.Bounds().Dy()/100 {
			t.Errorf("%s: the PNG is all but blank: %d pixels drawn", lang, n)
		}
		// The command draws the same picture, in headless Chromium too.
		cliPNG := filepath.Join(t.TempDir(), "cli.png")
		var cliErr bytes.Buffer
		if code := runRun([]string{exportLesson, "--format", "png", "--lang", lang, "-o", cliPNG}, &bytes.Buffer{}, &cliErr); code != 0 {
			t.Fatalf("mqttviz run --format png: %d: %s", code, cliErr.String())
		}
		if b, err := os.ReadFile(cliPNG); err != nil {
			t.Fatal(err)
		} else if cliImg, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Fatalf("%s: the command's PNG does not decode: %v", lang, err)
		} else if d := differentPixels(img, cliImg); d != 0 {
			t.Errorf("%s: the command's PNG differs from the app's in %d pixels", lang, d)
		}

		// The steps around the cursor: forward to step 7 (index 6).
		for i := range 6 {
			do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
			// One click at a time: a click while the page redraws the
			// last step may miss the button (one in a full run did).
			waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent.match(/\d+/)[0] === "%d"`, i+2))
		}
		waitFor(t, ctx, `document.getElementById("export-svg-near").textContent.includes("12")`)
		exportChoice(t, ctx, "export-svg-near")
		near := waitFile(t, dir, exportLesson+".steps-2-12."+lang+".svg")
		if want, _ := trace.FormatSVGRange(tr, lang, 1, 11); string(near) != want {
			t.Errorf("%s: the steps around the cursor are not steps 2 to 12", lang)
		}

		checkDrawnSVG(t, ctx, filepath.Join(dir, name+".svg"), tr, lang)
	}

	// The scenario page and the trace page export their trace too.
	open(t, ctx, base, "/scenario/")
	waitFor(t, ctx, `document.getElementById("export") !== null`)
	exportChoice(t, ctx, "export-svg")
	if svg := waitFile(t, dir, "scenario.zh.svg"); !bytes.Contains(svg, []byte("毫秒")) {
		t.Error("the scenario page's export is not in Chinese")
	}
	open(t, ctx, base, "/trace/")
	chooseFile(t, ctx, writeTempFile(t, exportLesson+".json", runJSON(t, exportLesson)))
	waitFor(t, ctx, `document.getElementById("export") !== null`)
	if err := os.Remove(filepath.Join(dir, exportLesson+".zh.svg")); err != nil {
		t.Fatal(err)
	}
	exportChoice(t, ctx, "export-svg")
	if svg := waitFile(t, dir, exportLesson+".zh.svg"); string(svg) != trace.FormatSVG(tr, "zh") {
		t.Error("the trace page's export of the lesson's saved trace differs from the lesson's")
	}
}

// differentPixels counts the pixels where a and b differ; all of them
// when their sizes do.
func differentPixels(a, b image.Image) int {
	if a.Bounds() != b.Bounds() {
		return a.Bounds().Dx() * a.Bounds().Dy()
	}
	n := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x, y).RGBA()
			if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
				n++
			}
		}
	}
	return n
}

// inked counts the pixels of img that are not the diagram's background.
func inked(img image.Image) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 < 0xf0 || g>>8 < 0xf0 || bl>>8 < 0xf0 {
				n += 4
			}
		}
	}
	return n
}

// checkDrawnSVG opens the SVG file at path in the tab and checks that
// every packet's label is drawn, with a box of some width, and in
// Chinese that every text holding Chinese is drawn with glyphs of one of
// the diagram's Chinese fonts (Chromium's own account of the fonts it
// used for the node), not with boxes for missing characters.
func checkDrawnSVG(t *testing.T, ctx context.Context, path string, tr *trace.Trace, lang string) {
	t.Helper()
	do(t, ctx, chromedp.Navigate("file://"+path))
	waitFor(t, ctx, `document.querySelectorAll("text").length > 0`)
	if lang == "zh" {
		shoot(t, ctx, "export-svg-zh")
	}
	type drawn struct {
		Step  string  `json:"step"`
		Text  string  `json:"text"`
		Width float64 `json:"width"`
	}
	labels := eval[[]drawn](t, ctx, `[...document.querySelectorAll("g[data-kind=packet]")].map(g => {
		const text = g.querySelector("text.arrow-label");
		return {step: g.dataset.step, text: text.textContent, width: text.getBBox().width};
	})`)
	byStep := map[string]drawn{}
	for _, l := range labels {
		byStep[l.Step] = l
	}
	for _, s := range tr.Steps {
		if s.Kind != trace.KindPacket {
			continue
		}
		l, ok := byStep[strconv.Itoa(s.Index)]
		want := s.Label.In(lang)
		switch {
		case !ok:
			t.Errorf("%s: step %d has no arrow", lang, s.Index)
		case l.Text != want && !(strings.HasSuffix(l.Text, "…") && strings.HasPrefix(want, strings.TrimSuffix(l.Text, "…"))):
			t.Errorf("%s: step %d's label reads %q, want %q", lang, s.Index, l.Text, want)
		case l.Width < float64(len([]rune(l.Text)))*3:
			t.Errorf("%s: step %d's label %q is drawn %.1f wide", lang, s.Index, l.Text, l.Width)
		}
	}
	if lang != "zh" {
		return
	}
	n := eval[int](t, ctx, `(() => {
		let n = 0;
		for (const el of document.querySelectorAll("text")) {
			if (/\p{Script=Han}/u.test(el.textContent)) { el.setAttribute("data-cjk", "1"); n++; }
		}
		return n;
	})()`)
	if n < 10 {
		t.Fatalf("only %d texts hold Chinese", n)
	}
	fonts, err := chromedp.Run(ctx, chromedp.QueryAfter(chromedp.CSSAll("text[data-cjk]"),
		func(ctx context.Context, tg *chromedp.Target, nodes []*chromedp.Node) ([]string, error) {
			if _, err := cdp.Call(ctx, tg, css.Enable, cdp.Empty{}); err != nil {
				return nil, err
			}
			var bad []string
			for _, node := range nodes {
				res, err := cdp.Call(ctx, tg, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: node.NodeID})
				if err != nil {
					return nil, err
				}
				if !chineseGlyphs(res.Fonts) {
					bad = append(bad, fmt.Sprintf("node %d: %v", node.NodeID, fontNames(res.Fonts)))
				}
			}
			return bad, nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fonts {
		t.Errorf("a Chinese text is not drawn with a Chinese font: %s", f)
	}
}

// chineseFonts are the Chinese fonts of the export's font list.
var chineseFonts = []string{"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans Mono CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Micro Hei Mono"}

// chineseGlyphs reports whether some glyphs of a node were drawn with one
// of the Chinese fonts.
func chineseGlyphs(fonts []*css.PlatformFontUsage) bool {
	for _, f := range fonts {
		for _, name := range chineseFonts {
			if f.FamilyName == name && f.GlyphCount > 0 {
				return true
			}
		}
	}
	return false
}

func fontNames(fonts []*css.PlatformFontUsage) []string {
	var out []string
	for _, f := range fonts {
		out = append(out, fmt.Sprintf("%s×%v", f.FamilyName, f.GlyphCount))
	}
	return out
}

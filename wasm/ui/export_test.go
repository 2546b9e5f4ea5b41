package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestExportChoices: the menu offers the whole trace and the steps
// around the cursor, kept inside the trace, in the page's language.
func TestExportChoices(t *testing.T) {
	for _, c := range []struct{ cursor, n, from, to int }{
		{0, 20, 0, 5},
		{10, 20, 5, 15},
		{19, 20, 14, 19},
		{1, 3, 0, 2},
	} {
		if from, to := nearRange(c.cursor, c.n); from != c.from || to != c.to {
			t.Errorf("nearRange(%d, %d) = %d, %d, want %d, %d", c.cursor, c.n, from, to, c.from, c.to)
		}
	}
	lt, err := lessons.RunLesson("qos2", 1)
	if err != nil {
		t.Fatal(err)
	}
	html := app.HTMLString(newExportControl(lt, 8, nil, "zh"))
	for _, want := range []string{`id="export-svg"`, `id="export-png-near"`, "导出", "SVG，第 4–14 步", "PNG（2 倍），完整轨迹"} {
		if !strings.Contains(html, want) {
			t.Errorf("the menu lacks %q:\n%s", want, html)
		}
	}
}

// TestExportName: a part says which steps, every name says its language,
// and the trace's name is kept to safe characters.
func TestExportName(t *testing.T) {
	tr := &trace.Trace{Scenario: "../a b.json", Steps: make([]trace.Step, 10)}
	for _, c := range []struct {
		from, to int
		lang     string
		f        exportFormat
		want     string
	}{
		{0, 9, "en", exportSVG, "a-b.en.svg"},
		{2, 7, "zh", exportPNG, "a-b.steps-3-8.zh.png"},
	} {
		if got := exportName(tr, c.from, c.to, c.lang, c.f); got != c.want {
			t.Errorf("exportName(%d, %d, %s, %s) = %q, want %q", c.from, c.to, c.lang, c.f, got, c.want)
		}
	}
}

// TestExportTooLarge: a PNG of a trace too tall for a canvas is refused
// with a message in the page's language, and the steps around the
// cursor still fit.
func TestExportTooLarge(t *testing.T) {
	tr := &trace.Trace{Nodes: []string{"broker", "c"}}
	for i := range 400 {
		tr.Steps = append(tr.Steps, trace.Step{Index: i, Kind: trace.KindTimer, From: "c"})
	}
	if w, h := trace.SVGSize(tr, "en", 0, 399); pngFits(w, h) {
		t.Fatalf("a %d×%d diagram of 400 steps fits a canvas at 2×", w, h)
	}
	from, to := nearRange(200, 400)
	if w, h := trace.SVGSize(tr, "en", from, to); !pngFits(w, h) {
		t.Errorf("the steps around the cursor, %d×%d, do not fit", w, h)
	}
	c := newExportControl(tr, 200, nil, "zh")
	c.export(nil, exportPNG, 0, 399)
	if _, ok := c.err.(tooLarge); !ok {
		t.Fatalf("err = %v, want tooLarge", c.err)
	}
	if html := app.HTMLString(c); !strings.Contains(html, "超出浏览器单张图片的上限") {
		t.Errorf("the refusal is not said in Chinese:\n%s", html)
	}
}

package ui

import (
	"fmt"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// exportNear is how many steps before and after the cursor an export of
// "the steps around this one" draws.
const exportNear = 5

// pngScale is how many device pixels a PNG export gives each pixel of the
// diagram: twice, for screens and print.
const pngScale = 2

// maxCanvas is the widest and tallest canvas browsers draw (Chromium's
// and Firefox's limit, in device pixels), and maxCanvasArea the most
// pixels Chromium's holds: a PNG larger than either cannot be drawn.
const (
	maxCanvas     = 32767
	maxCanvasArea = 268435456
)

// pngFits reports whether a diagram w×h pixels fits on a canvas at
// pngScale.
func pngFits(w, h int) bool {
	w, h = w*pngScale, h*pngScale
	return w <= maxCanvas && h <= maxCanvas && w*h <= maxCanvasArea
}

// exportFormat is what the Export control writes.
type exportFormat string

// The formats of an export.
const (
	exportSVG exportFormat = "svg"
	exportPNG exportFormat = "png"
)

// exportControl is the Export menu of a player page: the sequence
// diagram of the whole trace, or of the steps around the cursor, as an
// SVG file or as a PNG at twice its size drawn from the same SVG, in the
// page's language. A failed export says why under the menu.
type exportControl struct {
	app.Compo

	Trace  *trace.Trace
	Cursor int
	// Redact is applied to every step exported, as the page shows it.
	Redact func(trace.Step) trace.Step
	Lang   string

	// err is why the last export failed.
	err error
}

func newExportControl(t *trace.Trace, cursor int, redact func(trace.Step) trace.Step, lang string) *exportControl {
	return &exportControl{Trace: t, Cursor: cursor, Redact: redact, Lang: lang}
}

// nearRange is the steps around cursor an export draws, of n steps.
func nearRange(cursor, n int) (from, to int) {
	return max(cursor-exportNear, 0), min(cursor+exportNear, n-1)
}

// exportName is the file an export is saved as: the trace's name, the
// steps (numbered from 1, as the player shows them) when it is a part,
// the language and the format: "qos2.steps-3-13.zh.png".
func exportName(t *trace.Trace, from, to int, lang string, f exportFormat) string {
	name := strings.TrimSuffix(traceFileName(t), ".json")
	if from > 0 || to < len(t.Steps)-1 {
		name += ".steps-" + strconv.Itoa(from+1) + "-" + strconv.Itoa(to+1)
	}
	return name + "." + lang + "." + string(f)
}

// export draws steps from to to and saves them in format f.
func (c *exportControl) export(ctx app.Context, f exportFormat, from, to int) {
	t := redactedTrace(c.Trace, c.Redact)
	svg, err := trace.FormatSVGRange(t, c.Lang, from, to)
	if err != nil {
		c.err = err
		return
	}
	name := exportName(t, from, to, c.Lang, f)
	if f == exportSVG {
		c.err = jsb.Download(name, "image/svg+xml", []byte(svg))
		return
	}
	if w, h := trace.SVGSize(t, c.Lang, from, to); !pngFits(w, h) {
		c.err = tooLarge{w * pngScale, h * pngScale}
		return
	}
	c.err = nil
	jsb.DownloadSVGAsPNG(name, svg, pngScale, func(err error) {
		ctx.Dispatch(func(app.Context) { c.err = err })
	})
}

func (c *exportControl) Render() app.UI {
	n := 0
	if c.Trace != nil {
		n = len(c.Trace.Steps)
	}
	if n == 0 {
		return app.Span()
	}
	from, to := nearRange(c.Cursor, n)
	choice := func(id string, f exportFormat, from, to int, key string, args ...any) app.UI {
		return app.Button().ID(id).Class("save-trace").Type("button").
			OnClick(func(ctx app.Context, e app.Event) { c.export(ctx, f, from, to) }, f, from, to).
			Text(tr(c.Lang, key, args...))
	}
	var failed app.UI
	if big, ok := c.err.(tooLarge); ok {
		failed = app.P().ID("export-error").Class("error").Role("alert").Text(tr(c.Lang, "export.toolarge", big.w, big.h))
	} else if c.err != nil {
		failed = app.P().ID("export-error").Class("error").Role("alert").Text(tr(c.Lang, "export.failed", c.err.Error()))
	}
	return app.Details().ID("export").Class("export").Body(
		app.Summary().Title(tr(c.Lang, "export.title")).Text(tr(c.Lang, "export")),
		app.Div().Class("export-menu").Body(
			choice("export-svg", exportSVG, 0, n-1, "export.svg"),
			choice("export-svg-near", exportSVG, from, to, "export.svg.near", from+1, to+1),
			choice("export-png", exportPNG, 0, n-1, "export.png"),
			choice("export-png-near", exportPNG, from, to, "export.png.near", from+1, to+1),
		),
		failed,
	)
}

// tooLarge is a PNG export refused because its canvas, w×h device
// pixels, is larger than a browser draws.
type tooLarge struct{ w, h int }

func (e tooLarge) Error() string {
	return fmt.Sprintf("the PNG would be %d×%d pixels, larger than a browser's canvas", e.w, e.h)
}

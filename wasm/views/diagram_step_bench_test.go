package views

import (
	"mqttviz/wasm/i18n"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// BenchmarkDiagramStep moves the cursor one step down and back in a full
// box of rows that stays where it is, as the → and ← keys do: a step
// changes two rows (the current one before and after), and the rest of
// the rows in view should cost next to nothing (natively: the render and
// go-app's comparison, without the DOM calls).
func BenchmarkDiagramStep(b *testing.B) {
	tr := repeatedTrace(b, 2000)
	d := NewDiagram(tr, 0, i18n.EN)
	c := app.NewClientTester(d)
	defer c.Close()
	d.viewH, d.viewW, d.scrollTop = 900, 1200, 1000*rowHeight
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		d.Cursor = 1005 + i%2
		d.shown, d.shownOf = d.Cursor, tr // in view: no scroll of its own
		d.Update()
		c.Consume()
	}
}

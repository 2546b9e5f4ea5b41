package views

import (
	"mqttviz/wasm/i18n"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// BenchmarkEventListStep moves the cursor one step down and back in a
// full list that stays where it is, as the → and ← keys do: two rows
// change, and the rest of the rows in view should cost next to nothing
// (natively: the render and go-app's comparison, without the DOM calls).
func BenchmarkEventListStep(b *testing.B) {
	tr := repeatedTrace(b, 2000)
	l := NewEventList(tr, 1000, i18n.EN)
	c := app.NewClientTester(l)
	defer c.Close()
	l.viewH, l.scrollTop = 900, 995*l.rowH()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		c.Dispatch(app.Dispatch{Mode: app.Update, Source: l, Function: func(ctx app.Context) { l.Cursor = 1000 + i%2 }})
		c.Consume()
	}
}

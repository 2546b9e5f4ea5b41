package views

import (
	"testing"

	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// BenchmarkEventListRerun measures the event list's part of showing a
// re-run after an instructor's change: a new trace (undo and redo swap
// two) rendered and updated, with every other step marked changed and
// with no marks, side by side.
func BenchmarkEventListRerun(b *testing.B) {
	a, err := lessons.RunLesson("broker-restart", 1)
	if err != nil {
		b.Fatal(err)
	}
	c, _ := lessons.RunLesson("broker-restart", 2)
	changed := make([]bool, len(a.Steps))
	for i := range changed {
		changed[i] = i%2 == 0
	}
	for _, m := range []struct {
		name  string
		marks Marks
	}{{"marks=none", Marks{}}, {"marks=half", Marks{Changed: changed}}} {
		b.Run(m.name, func(b *testing.B) {
			l := NewEventList(a, 10, i18n.EN).WithMarks(m.marks)
			d := app.NewClientTester(l)
			defer d.Close()
			d.Consume()
			traces := []*trace.Trace{a, c}
			b.ResetTimer()
			for i := range b.N {
				t := traces[i%2]
				d.Dispatch(app.Dispatch{Mode: app.Update, Source: l, Function: func(ctx app.Context) { l.Trace = t }})
				d.Consume()
			}
		})
	}
}

package views

import (
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"regexp"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestStepViewsRenderOnce checks that the views a step renders have no
// OnUpdate: go-app renders a component again after its OnUpdate, which
// would draw every step twice (and the event list's read of its box's
// size there forced a layout on each).
func TestStepViewsRenderOnce(t *testing.T) {
	for name, c := range map[string]app.Composer{
		"diagram":    NewDiagram(nil, 0, i18n.EN),
		"event list": NewEventList(nil, 0, i18n.EN),
	} {
		if _, ok := c.(app.Updater); ok {
			t.Errorf("the %s has an OnUpdate: each step renders it twice", name)
		}
	}
}

// TestDiagramRowsKeepTheirPlace scrolls a long diagram by one row: every
// step still in view must keep its place among the rows, so that go-app
// leaves its element alone and draws only the row coming into view.
func TestDiagramRowsKeepTheirPlace(t *testing.T) {
	tr := repeatedTrace(t, 400)
	d := NewDiagram(tr, 0, i18n.EN)
	c := app.NewClientTester(d)
	defer c.Close()
	places := func(scrollTop int) map[string]int {
		d.viewH, d.viewW, d.scrollTop = 600, 900, scrollTop
		d.Cursor = scrollTop/rowHeight + 2
		d.shown, d.shownOf = d.Cursor, tr // in view: no scroll of its own
		d.Update()
		c.Consume()
		out := map[string]int{}
		for i, m := range regexp.MustCompile(`data-step="(\d+)"`).FindAllStringSubmatch(app.HTMLString(d), -1) {
			out[m[1]] = i
		}
		return out
	}
	before := places(100 * rowHeight)
	after := places(101 * rowHeight)
	kept := 0
	for step, at := range after {
		if was, ok := before[step]; ok {
			kept++
			if was != at {
				t.Errorf("step %s moved from row %d to row %d", step, was, at)
			}
		}
	}
	if kept < 10 {
		t.Errorf("only %d steps in view both times", kept)
	}
}

// BenchmarkDiagramScroll scrolls a long diagram one row at a time, as
// stepping through it does: the render and go-app's update of the rows
// (natively: without the DOM calls, which are most of it in a browser).
func BenchmarkDiagramScroll(b *testing.B) {
	tr := repeatedTrace(b, 20000)
	d := NewDiagram(tr, 0, i18n.EN)
	c := app.NewClientTester(d)
	defer c.Close()
	d.viewH, d.viewW = 600, 900
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		row := 100 + i%10000
		d.scrollTop, d.Cursor = row*rowHeight, row+2
		d.shown, d.shownOf = d.Cursor, tr
		d.Update()
		c.Consume()
	}
}

// repeatedTrace is the qos1 lesson's steps repeated, one after the other
// in time, until the trace has n steps.
func repeatedTrace(t testing.TB, n int) *trace.Trace {
	t.Helper()
	one, err := lessons.RunLesson("qos1", 1)
	if err != nil {
		t.Fatal(err)
	}
	out := &trace.Trace{Scenario: "repeated", Nodes: one.Nodes}
	last := one.Steps[len(one.Steps)-1].Time + 1000
	for len(out.Steps) < n {
		shift := int64(len(out.Steps)/len(one.Steps)) * last
		for _, s := range one.Steps {
			s.Index, s.Time = len(out.Steps), s.Time+shift
			if s.SentAt != 0 {
				s.SentAt += shift
			}
			out.Steps = append(out.Steps, s)
		}
	}
	return out
}

package ui

import (
	"mqttviz/sim/live"
	"mqttviz/sim/trace"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// follow keeps the view of a growing recording on its newest step, or,
// once the user stepped back, on the step shown: the live page's and the
// watch page's cursor as steps come.
type follow struct {
	// following says the view follows the newest step; cursorSeq is the
	// sequence number of the step shown when it does not.
	following bool
	cursorSeq int
}

// before notes, before new steps come to rec, whether the cursor is on
// the newest step.
func (f *follow) before(rec *live.Recorder, cursor int) {
	f.following = cursor >= len(rec.Trace().Steps)-1
	f.cursorSeq = recordedSeq(rec, cursor)
}

// after is where the cursor goes once new steps came: the newest step
// when following, else the step shown before (the first kept when it is
// no longer).
func (f *follow) after(rec *live.Recorder) int {
	if f.following {
		return len(rec.Trace().Steps) - 1
	}
	i, ok := recordedIndex(rec, f.cursorSeq)
	if !ok {
		i = 0
	}
	return i
}

// recordedIndex is the trace index of the step of sequence number seq,
// and whether rec still keeps it.
func recordedIndex(rec *live.Recorder, seq int) (int, bool) {
	t := rec.Trace()
	i := len(t.Steps) - rec.Recorded() + seq
	first := 0
	if len(t.Steps) > 0 && t.Steps[0].Kind == trace.KindGap {
		first = 1
	}
	return i, i >= first && i < len(t.Steps)
}

// recordedSeq is the sequence number of rec's step i.
func recordedSeq(rec *live.Recorder, i int) int {
	return rec.Recorded() - len(rec.Trace().Steps) + i
}

// recordedDropped is how many steps rec no longer keeps.
func recordedDropped(rec *live.Recorder) int {
	t := rec.Trace()
	if len(t.Steps) > 0 && t.Steps[0].Kind == trace.KindGap {
		return rec.Recorded() - len(t.Steps) + 1
	}
	return 0
}

// renderFollow says whether the view of a growing recording of steps
// steps follows the newest, with the control that returns to it (back).
func renderFollow(lang string, cursor, steps int, back func()) app.UI {
	if cursor >= steps-1 {
		return app.P().ID("live-follow").Class("live-follow").Text(tr(lang, "live.following"))
	}
	return app.P().ID("live-follow").Class("live-follow paused").Body(
		app.Span().Text(tr(lang, "live.paused")+" "),
		app.Button().ID("live-back").Type("button").Class("live-btn primary").
			OnClick(func(ctx app.Context, e app.Event) { back() }).
			Text(tr(lang, "live.back")),
	)
}

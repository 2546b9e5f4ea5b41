package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// prepared is the run of the lesson at the browser's address, made by
// Prepare before go-app builds the page; the page takes it once.
var prepared struct {
	name  string
	seed  int64
	trace *trace.Trace
	err   error
}

// Prepare runs, before go-app builds the page, the lesson the browser's
// address names, so that the start-up is a few tasks rather than one:
// main gives the browser a task of its own before and after it. The
// lesson page takes the run instead of making it again (runLesson).
func Prepare() {
	if !app.IsClient {
		return
	}
	name, seed := lessonAt(app.Window().URL())
	if name == "" {
		return
	}
	prepared.name, prepared.seed = name, seed
	prepared.trace, prepared.err = lessons.RunLesson(name, seed)
	jsb.PerfMark(PreparedMark)
}

// PreparedMark is the performance mark Prepare sets once it ran a
// lesson: the browser tests check that the mount is a task of its own.
const PreparedMark = "mqttviz-prepared"

// runLesson is lessons.RunLesson, or the run Prepare made of the same
// lesson and seed, which it takes only once.
func runLesson(name string, seed int64) (*trace.Trace, error) {
	if prepared.name == name && prepared.seed == seed && (prepared.trace != nil || prepared.err != nil) {
		t, err := prepared.trace, prepared.err
		prepared.trace, prepared.err, prepared.name = nil, nil, ""
		return t, err
	}
	return lessons.RunLesson(name, seed)
}

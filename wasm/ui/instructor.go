package ui

import (
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// instructor is a player page's instructor mode: a change made at the
// cursor (a packet lost, held, duplicated or resent from its arrow; an
// action added after the step) becomes lines of the scenario at the place
// they belong, the scenario runs again, the cursor stays on the changed
// step and the steps that came out differently from the original are
// marked. The scenario text is the document: undo and redo walk its
// versions, and a link carries it to the scenario editor.
type instructor struct {
	on bool
	// name and seed are what the scenario runs as.
	name string
	seed int64
	hist *script.History
	// index is which statement produced each step of the trace shown.
	index *script.StepIndex
	// base is the original's trace, which the marks compare with.
	base    *trace.Trace
	changed []bool
	// menu is the step whose packet actions are open, -1 for none.
	menu int
	// recovery is what the client left waiting by a loss does next, as
	// last chosen; holdSecs is the hold form's field.
	recovery script.Recovery
	holdSecs string
	form     actionForm
	// addedAt is the step the last action was added at and addedLine
	// the line it ended at, in the current version: the next action at
	// that step goes after it.
	addedAt, addedLine int
	// share and added are the current text's link and its added lines,
	// made once per version: every render of the panel shows them.
	share string
	added []bool
	// problem is why the last change does not run.
	problem *scenarioProblem
	// onText, when set, is told the scenario after each change, undo and
	// redo: the scenario page's editor shows it.
	onText func(app.Context, string)
	// start gives what the mode starts from when turned on: the page's
	// scenario name, text and seed; nil on a page without the mode.
	start func() (name, source string, seed int64)
	// pl is the page's player, whose trace and cursor a change replaces.
	pl          *player
	releaseKeys func()
}

// actInstructor is the action the panel's buttons post, with an
// instructorOp.
const actInstructor = "mqttviz.instructor"

// instructorOp is one of the panel's changes: to a packet, an action
// added, or undo or redo (neither set: redo).
type instructorOp struct {
	packet *script.PacketChange
	action *script.Action
	undo   bool
	// close closes a packet's actions, the focus back on their opener.
	close bool
}

// postOp asks the page to carry out op.
func postOp(ctx app.Context, op instructorOp) { ctx.NewActionWithValue(actInstructor, op) }

// newInstructor is an instructor mode, off.
func newInstructor() *instructor {
	return &instructor{menu: -1, recovery: script.ResendOnOpen, form: newActionForm()}
}

// reset turns the mode off and forgets its changes: the page opened
// another lesson or scenario.
func (in *instructor) reset() {
	in.on, in.hist, in.index, in.base, in.changed, in.menu, in.problem = false, nil, nil, nil, nil, -1, nil
}

// edited forgets the versions when the text was typed over in the
// editor: the next change starts from what is there.
func (in *instructor) edited(text string) {
	if in.hist != nil && text != in.hist.Current() {
		in.reset()
	}
}

// mount wires the arrow's actions and the undo and redo keys.
func (in *instructor) mount(ctx app.Context, pl *player) {
	in.pl = pl
	// The panel's buttons post their change, which runs here, on the
	// page's context: a deferred measure of a button's own context would
	// never run once the button is gone from the page.
	ctx.Handle(actInstructor, func(ctx app.Context, a app.Action) {
		op, ok := a.Value.(instructorOp)
		if !ok || !in.on {
			return
		}
		switch {
		case op.close:
			in.menu = -1
			ctx.Defer(func(app.Context) { jsb.Focus("instructor-open-actions") })
		case op.packet != nil:
			in.changePacket(ctx, pl, *op.packet)
		case op.action != nil:
			in.addAction(ctx, pl, *op.action)
		case op.undo:
			in.undo(ctx, pl)
		default:
			in.redo(ctx, pl)
		}
	})
	ctx.Handle(views.ActStepActions, func(ctx app.Context, a app.Action) {
		if i, ok := a.Value.(int); ok && in.on {
			in.openMenu(ctx, i)
		}
	})
	in.releaseKeys = jsb.ListenKeys(func(k jsb.KeyPress) bool {
		if !in.on || !k.Modified || k.Editable || k.Tag == "INPUT" || k.Tag == "TEXTAREA" || k.Tag == "SELECT" {
			return false
		}
		switch k.Key {
		case "z":
			ctx.Dispatch(func(ctx app.Context) { in.undo(ctx, pl) })
		case "Z", "y", "Y":
			ctx.Dispatch(func(ctx app.Context) { in.redo(ctx, pl) })
		default:
			return false
		}
		return true
	})
}

// dismount removes the key listener.
func (in *instructor) dismount() {
	if in.releaseKeys != nil {
		in.releaseKeys()
		in.releaseKeys = nil
	}
}

// toggle turns the mode on, starting from source (the lesson's or the
// editor's scenario) run as name with seed, or off, the changes kept.
func (in *instructor) toggle(name, source string, seed int64) {
	if in.on {
		in.on, in.menu = false, -1
		return
	}
	in.on = true
	if in.hist != nil {
		return
	}
	t, x, err := script.Rerun(name, source, seed)
	if err != nil {
		in.problem = problemOf(err)
		return
	}
	in.name, in.seed, in.hist, in.index, in.base = name, seed, script.NewHistory(source), x, t
	in.changed = nil
	if in.pl != nil && in.pl.trace != nil {
		// The trace the index is of: the page's, unless the editor's text
		// changed since it ran.
		in.pl.trace, in.pl.cursor = t, views.ClampStep(in.pl.cursor, len(t.Steps))
	}
	// The link and the comparison are made now once: the first change
	// then costs what every change does (the browser compiles the
	// WebAssembly of a function the first time it runs).
	in.share, in.added = link("/scenario/")+"#"+encodeShare(source), script.AddedLines(source, source)
	script.CompareSteps(t.Steps, t.Steps)
}

// openMenu opens the actions of step i's packet and moves the focus to
// them.
func (in *instructor) openMenu(ctx app.Context, i int) {
	in.menu = i
	ctx.Defer(func(app.Context) { jsb.Focus(instructorMenuID) })
}

// changePacket applies a change to the packet of the cursor's step.
func (in *instructor) changePacket(ctx app.Context, pl *player, c script.PacketChange) {
	i := pl.cursor
	text, err := c.Apply(in.hist.Current(), in.index, i, pl.trace.Steps[i])
	if err != nil {
		in.problem = problemOf(err)
		return
	}
	in.menu = -1
	in.rerun(ctx, pl, text, true)
}

// addAction adds an action after the cursor's step.
func (in *instructor) addAction(ctx app.Context, pl *player, a script.Action) {
	at := pl.cursor
	text, line := script.ActionAt(in.hist.Current(), in.index, at, a)
	if in.addedLine > 0 && in.addedAt == at {
		text, line = script.ActionAfter(in.hist.Current(), in.addedLine, a)
	}
	if in.rerun(ctx, pl, text, true) && pl.cursor == at {
		in.addedAt, in.addedLine = at, line
	}
}

// undo and redo step through the versions of the scenario.
func (in *instructor) undo(ctx app.Context, pl *player) {
	if in.hist != nil && in.hist.Undo() {
		in.rerun(ctx, pl, in.hist.Current(), false)
	}
}

func (in *instructor) redo(ctx app.Context, pl *player) {
	if in.hist != nil && in.hist.Redo() {
		in.rerun(ctx, pl, in.hist.Current(), false)
	}
}

// rerun runs text and shows its trace, the cursor on the step that took
// the place of the one it was on, the steps that differ from the
// original's marked; push makes text a new version. It reports whether
// text ran. The time from here
// to the page drawn is the measure mqttviz-rerun.
func (in *instructor) rerun(ctx app.Context, pl *player, text string, push bool) bool {
	jsb.PerfMark("mqttviz-rerun-start")
	t, x, err := script.Rerun(in.name, text, in.seed)
	if err != nil {
		in.problem = problemOf(err)
		return false
	}
	in.addedLine = 0
	in.problem = nil
	if push {
		in.hist.Push(text)
	}
	moved := script.CompareSteps(pl.trace.Steps, t.Steps)
	cursor := 0
	if pl.cursor < len(moved.NewIndex) {
		cursor = moved.NewIndex[pl.cursor]
	}
	in.changed = script.CompareSteps(in.base.Steps, t.Steps).Changed
	if in.hist.Changes() == 0 {
		in.changed = nil
	}
	in.share, in.added = link("/scenario/")+"#"+encodeShare(text), script.AddedLines(in.hist.Original(), text)
	in.index = x
	pl.trace, pl.cursor = t, views.ClampStep(cursor, len(t.Steps))
	if in.onText != nil {
		in.onText(ctx, text)
	}
	pl.addr.write(pl.cursor)
	ctx.Defer(func(app.Context) { jsb.PerfMeasure("mqttviz-rerun", "mqttviz-rerun-start") })
	return true
}

// marks are the diagram's marks: the changed steps and, while the mode
// is on, the arrows' actions.
func (in *instructor) marks() views.Marks {
	if in == nil {
		return views.Marks{}
	}
	return views.Marks{Changed: in.changed, Actions: in.on}
}

package ui

import (
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// playStatus is where the player stands.
type playStatus int

// The player statuses.
const (
	// paused: the cursor moves only when asked.
	paused playStatus = iota
	// playing: the cursor advances one step per tick.
	playing
)

// speeds are the playback speeds the speed control offers.
var speeds = []float64{0.5, 1, 2, 4}

// baseTick is the time between two steps at speed 1.
const baseTick = 1200 * time.Millisecond

// tickFor returns the time between two steps at speed s.
func tickFor(s float64) time.Duration {
	if s <= 0 {
		s = 1
	}
	return time.Duration(float64(baseTick) / s)
}

// player is a trace and a cursor: the state a page with a sequence
// diagram owns. Pages embed it; its children move the cursor through the
// actions of actions.go, and the keyboard through keyCommand.
type player struct {
	trace  *trace.Trace
	cursor int
	status playStatus
	speed  float64
	// tick counts play sessions: a pending tick of an older one does
	// nothing.
	tick int

	releaseKeys func()
	// saveErr is why the last Save trace failed.
	saveErr error
	// redact, when set, is applied to every step the page shows or
	// saves: the live page masks passwords with it.
	redact func(trace.Step) trace.Step
	// addr keeps the cursor in the page's address (stepurl.go).
	addr stepKeeper
	// instr is the page's instructor mode, nil on a page without one.
	instr *instructor
	// modes are presenter and predict mode (presenter.go, predict.go);
	// noModes, set on an embed, leaves their keys to the page.
	modes   modes
	noModes bool
	// share is the Share dialog (sharedialog.go), on a page that sets
	// its target.
	share shareDialog
}

// load shows a new trace, paused, from its first step or the step the
// page's address asks for.
func (p *player) load(t *trace.Trace) {
	p.trace, p.cursor, p.status = t, 0, paused
	if p.instr != nil {
		p.instr.reset()
	}
	p.tick++
	p.modes.quiz.reset()
	if p.speed == 0 {
		p.speed = 1
	}
	if n := p.steps(); n > 0 && p.addr.hasWant {
		p.cursor = p.addr.opening(n)
		p.addr.write(p.cursor)
	}
}

// mount wires the player's actions and the keyboard to the page of ctx.
func (p *player) mount(ctx app.Context) {
	if p.instr != nil {
		p.instr.mount(ctx, p)
	}
	ctx.Handle(views.ActGoto, func(ctx app.Context, a app.Action) {
		if i, ok := a.Value.(int); ok {
			p.goTo(ctx, i)
		}
	})
	ctx.Handle(views.ActStep, func(ctx app.Context, a app.Action) {
		if d, ok := a.Value.(int); ok && d < 0 {
			p.apply(ctx, cmdBack)
		} else {
			p.apply(ctx, cmdForward)
		}
	})
	ctx.Handle(views.ActEdge, func(ctx app.Context, a app.Action) {
		if end, _ := a.Value.(bool); end {
			p.apply(ctx, cmdEnd)
		} else {
			p.apply(ctx, cmdStart)
		}
	})
	ctx.Handle(actSaveTrace, func(ctx app.Context, a app.Action) { p.saveErr = p.save() })
	ctx.Handle(views.ActToggle, func(ctx app.Context, a app.Action) { p.apply(ctx, cmdToggle) })
	ctx.Handle(views.ActSpeed, func(ctx app.Context, a app.Action) {
		if v, ok := a.Value.(float64); ok && v > 0 {
			p.speed = v
		}
	})
	p.addr.observeLang(ctx, func() (int, bool) { return p.cursor, p.trace != nil })
	p.mountModes(ctx)
	p.share.mount(ctx)
	p.releaseKeys = jsb.ListenKeys(func(k jsb.KeyPress) bool {
		if act := p.modeKey(k); act != nil {
			ctx.Dispatch(act)
			return true
		}
		cmd := keyCommand(k.Key, k.Tag, k.Editable, k.Modified)
		if cmd == cmdNone || p.trace == nil || k.OwnKeys {
			return false
		}
		ctx.Dispatch(func(ctx app.Context) { p.apply(ctx, cmd) })
		return true
	})
}

// dismount removes the keyboard listener and stops playing.
func (p *player) dismount() {
	if p.instr != nil {
		p.instr.dismount()
	}
	if p.releaseKeys != nil {
		p.releaseKeys()
		p.releaseKeys = nil
	}
	p.share.dismount()
	p.tick++
}

func (p *player) steps() int {
	if p.trace == nil {
		return 0
	}
	return len(p.trace.Steps)
}

// apply carries out a player command.
func (p *player) apply(ctx app.Context, cmd command) {
	switch cmd {
	case cmdToggle:
		p.toggle(ctx)
	case cmdBack:
		p.goTo(ctx, p.cursor-1)
	case cmdForward:
		p.goTo(ctx, p.cursor+1)
	case cmdStart:
		p.goTo(ctx, 0)
	case cmdEnd:
		p.goTo(ctx, p.steps()-1)
	}
}

// goTo moves the cursor and times the render that follows.
func (p *player) goTo(ctx app.Context, i int) {
	i = p.predictStop(ctx, views.ClampStep(i, p.steps()))
	if i == p.cursor {
		return
	}
	jsb.PerfMark("mqttviz-step-start")
	p.cursor = i
	p.addr.write(i)
	ctx.Defer(func(app.Context) { jsb.PerfMeasure("mqttviz-step", "mqttviz-step-start") })
}

func (p *player) toggle(ctx app.Context) {
	p.tick++
	if p.status == playing {
		p.status = paused
		return
	}
	if p.cursor >= p.steps()-1 {
		p.cursor = 0
	}
	p.status = playing
	p.schedule(ctx, p.tick)
}

// schedule advances the cursor after one tick while play session tick
// lasts, and stops at the end.
func (p *player) schedule(ctx app.Context, tick int) {
	ctx.After(tickFor(p.speed), func(ctx app.Context) {
		if p.tick != tick || p.status != playing {
			return
		}
		if p.cursor >= p.steps()-1 {
			p.status = paused
			return
		}
		p.goTo(ctx, p.cursor+1)
		p.schedule(ctx, tick)
	})
}

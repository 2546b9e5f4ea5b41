package ui

import (
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// closeGoingAway is the close code the broker sends when it stops.
const closeGoingAway = 1001

// ended decides what the end of an open stream means. The broker says
// when it stops (1001); a stream that breaks off without a word ended
// either with the broker (killed) or because the broker gave this page
// up: it never waits for a watch page that falls too far behind (one
// that reads nothing for 30 s, whose writes then fail). A second stream,
// the probe, tells which: refused, the broker is gone; its first message
// with the same start time, the same broker runs; another, it restarted.
func (p *watchPage) ended(ctx app.Context, code int) {
	if code == closeGoingAway {
		p.status = watchClosed
		return
	}
	p.status = watchChecking
	gen := p.gen
	on := func(f func()) {
		ctx.Dispatch(func(app.Context) {
			if p.gen == gen && p.status == watchChecking {
				f()
			}
		})
	}
	opened := false
	sock, err := jsb.DialWebSocketProtocol(watchStreamURL(ctx.Page().URL()), watchProtocol, jsb.SocketEvents{
		Open: func() { on(func() { opened = true }) },
		Text: func(s string) { on(func() { p.probed(true, startOf([]byte(s))) }) },
		Close: func(jsb.CloseEvent) {
			on(func() { p.probed(opened, "") })
		},
	})
	if err != nil {
		p.status = watchClosed
		return
	}
	p.probe = sock
}

// probed sets the status from what the probe found: whether a stream
// opened, and the start time its first message gave ("" for none).
func (p *watchPage) probed(opened bool, start string) {
	p.closeProbe()
	switch {
	case !opened:
		p.status = watchClosed
	case start != "" && p.trace != nil && start != p.trace.Start:
		p.status = watchRestarted
	default:
		p.status = watchDropped
	}
}

// closeProbe closes the probe, if one is open.
func (p *watchPage) closeProbe() {
	if p.probe != nil {
		p.probe.Close()
		p.probe = nil
	}
}

// startOf is the start time of a stream message, "" when it is not a
// trace.
func startOf(b []byte) string {
	t, err := trace.Read(b)
	if err != nil {
		return ""
	}
	return t.Start
}

package ui

import (
	"errors"
	"mqttviz/codec"
	"mqttviz/sim/live"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"net/url"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// watchStatus is where the watch page's stream stands.
type watchStatus int

// The watch page's stream statuses.
const (
	// watchConnecting: the WebSocket is opening.
	watchConnecting watchStatus = iota
	// watchOpen: steps come as the broker records them.
	watchOpen
	// watchClosed: the stream was open and ended because the broker
	// stopped (it said so, or it no longer answers).
	watchClosed
	// watchFailed: the stream never opened (no mqttviz broker here).
	watchFailed
	// watchBad: a message was not a trace; the page stopped reading.
	watchBad
	// watchChecking: the stream broke off without the broker saying it
	// stops; a second stream (the probe) asks whether it still runs.
	watchChecking
	// watchDropped: the broker still runs, the same one: it closed this
	// page's stream because the page fell too far behind.
	watchDropped
	// watchRestarted: a broker runs, with another start time.
	watchRestarted
)

// watchPage is /watch: the recording of `mqttviz broker`, streamed from
// its own origin (/watch/stream), drawn with the lesson page's views as
// it grows. The page only reads the stream; it follows the newest step
// until the user steps back. The server pre-renders it from its path
// alone: everything the broker sends is drawn in the browser.
type watchPage struct {
	app.Compo
	language
	player
	follow

	ctx    app.Context
	status watchStatus
	// badText is why a message was refused (watchBad).
	badText codec.Text
	// rec is the page's copy of the recording, nil before the first
	// message; keep is how many steps it keeps.
	rec  *live.Recorder
	keep int
	sock *jsb.Socket
	// probe asks, after a stream broke off, whether the broker runs.
	probe *jsb.Socket
	// gen counts streams: events of an older one do nothing.
	gen int
	// lastMissed is how many steps the newest gap step missed, missed
	// how many every gap did.
	lastMissed, missed int
}

func newWatchPage() *watchPage {
	return &watchPage{player: player{speed: 1}, follow: follow{following: true}, keep: liveKeep}
}

func (p *watchPage) OnPreRender(ctx app.Context) { p.prerender(ctx, p.pageTitle) }

func (p *watchPage) OnNav(ctx app.Context) {
	p.retitle(ctx, p.pageTitle)
	ctx.Defer(func(app.Context) { jsb.MarkInteractive() })
}

func (p *watchPage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.observe(ctx, p.pageTitle)
	p.player.mount(ctx)
	p.dial(ctx)
}

func (p *watchPage) OnDismount() {
	p.player.dismount()
	p.gen++
	if p.sock != nil {
		p.sock.Close()
		p.sock = nil
	}
	p.closeProbe()
}

func (p *watchPage) pageTitle(lang string) string { return tr(lang, "title.watch") }

// watchProtocol is the watch stream's WebSocket subprotocol.
const watchProtocol = "mqttviz-watch"

// watchStreamURL is the watch stream on the page's own origin: ws:// for
// an http:// page, wss:// for an https:// one, under the app's root.
func watchStreamURL(page *url.URL) string {
	u := url.URL{Scheme: "ws", Host: page.Host, Path: link("/watch/stream")}
	if page.Scheme == "https" {
		u.Scheme = "wss"
	}
	return u.String()
}

// dial opens the stream; its events run on go-app's UI goroutine.
func (p *watchPage) dial(ctx app.Context) {
	p.gen++
	gen := p.gen
	on := func(f func()) {
		ctx.Dispatch(func(app.Context) {
			if p.gen == gen {
				f()
			}
		})
	}
	p.status = watchConnecting
	sock, err := jsb.DialWebSocketProtocol(watchStreamURL(ctx.Page().URL()), watchProtocol, jsb.SocketEvents{
		Open: func() { on(func() { p.status = watchOpen }) },
		Text: func(s string) { on(func() { p.receive([]byte(s)) }) },
		Close: func(ce jsb.CloseEvent) {
			on(func() {
				switch p.status {
				case watchConnecting:
					p.status = watchFailed
				case watchOpen:
					p.ended(ctx, ce.Code)
				}
			})
		},
	})
	if err != nil {
		p.status = watchFailed
		return
	}
	p.sock = sock
}

// receive adds the steps of one message of the stream, a trace document
// read as untrusted (trace.Read), and moves the view (follow).
func (p *watchPage) receive(b []byte) {
	if p.status == watchBad {
		return
	}
	t, err := trace.Read(b)
	if err != nil {
		p.refuse(err)
		return
	}
	if p.rec == nil {
		p.rec = live.NewRecorder(live.Options{Source: t.Source, Start: t.Start, Keep: p.keep})
	}
	p.follow.before(p.rec, p.cursor)
	for _, n := range t.Nodes {
		p.rec.AddNode(n)
	}
	for i, s := range t.Steps {
		if s.Kind == trace.KindGap {
			p.lastMissed = s.Missed
			p.missed += s.Missed
		}
		p.rec.Record(s, t.StateAt(i))
	}
	p.trace = p.rec.Trace()
	p.cursor = p.follow.after(p.rec)
	if p.following && p.ctx != nil {
		p.ctx.Defer(func(app.Context) { views.ScrollDiagramToEnd() })
	}
}

// refuse stops reading a stream that sent what is not a trace.
func (p *watchPage) refuse(err error) {
	p.status = watchBad
	p.badText = errorText(err)
	var re *trace.ReadError
	if errors.As(err, &re) {
		p.badText = re.Text
	}
	if p.sock != nil {
		p.sock.Close()
	}
}

// backToLive shows the newest step and follows again.
func (p *watchPage) backToLive() {
	if p.trace == nil {
		return
	}
	p.following, p.cursor = true, len(p.trace.Steps)-1
}

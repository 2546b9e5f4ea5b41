package main

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/coder/websocket"

	"mqttviz/sim/live"
	"mqttviz/sim/trace"
)

// The watch stream's bounds: the most steps, and about the most packet
// bytes, one message carries. How long one message may take to write
// before the watcher is given up is --watch-timeout: the stream is then
// cut without a close frame (nothing more can be written to it), and
// the page tells a broker that gave it up from one that stopped by
// opening a second stream.
//
// A message waits up to watchLinger for more steps after its first:
// under load the stream sends fewer, fuller messages, each of which
// starts with the broker's whole state, so that a watch page costs the
// broker's machine less (docs/performance.md, section Broker: 100
// publishers to one subscriber with a watch page, 0.13 of mosquitto's
// throughput before, 0.41 with it).
const (
	watchBatchSteps = 64
	watchBatchBytes = 64 << 10
	watchLinger     = 25 * time.Millisecond
)

// watchStreamPath is where the watch page reads the broker's recording,
// with the subprotocol watchProtocol (which a client may also leave out).
const (
	watchStreamPath = "/watch/stream"
	watchProtocol   = "mqttviz-watch"
)

// httpHandler is the --http server: the watch stream beside the app.
func (s *brokerServer) httpHandler(app http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(watchStreamPath, s.serveWatch)
	mux.Handle("/", app)
	return mux
}

// serveWatch streams the recording to one watch page, read-only: every
// message is a trace document (text) holding the header as it stands
// (version, source, start, the lifelines its steps name) and the next
// steps, the first message the steps the broker still keeps. A watcher
// that falls behind misses steps rather than slowing the broker: it then
// gets one gap step counting them, with the broker's state after them.
//
// The origin check of coder/websocket stays on: a page from another
// origin must not read every device's traffic.
func (s *brokerServer) serveWatch(w http.ResponseWriter, r *http.Request) {
	wc, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{watchProtocol}})
	if err != nil {
		return
	}
	defer wc.CloseNow()
	// Anything the page sends closes the stream: it is read-only.
	ctx := wc.CloseRead(r.Context())
	ws := &watchStream{s: s, wc: wc}
	var first []live.Watched
	if !s.onLoop(func() { first = ws.start() }) {
		wc.Close(websocket.StatusGoingAway, "the broker stopped")
		return
	}
	defer s.post(func() { s.drv.Unwatch(ws.w) })
	if err := ws.send(ctx, first); err != nil {
		return
	}
	for {
		select {
		case x := <-ws.w.C():
			if err := ws.send(ctx, ws.batch(x)); err != nil {
				return
			}
		case <-ctx.Done():
			return
		case <-s.quit:
			ws.send(ctx, ws.batch())
			wc.Close(websocket.StatusGoingAway, "the broker stopped")
			return
		}
	}
}

// watchStream is one watch page's stream.
type watchStream struct {
	s  *brokerServer
	wc *websocket.Conn
	w  *live.Watcher
	// next is the sequence number of the next step the page gets;
	// reported how many missed steps it was told of.
	next     int
	reported int64
	header   trace.Trace
}

// start, on the loop, subscribes and returns the steps kept so far.
func (ws *watchStream) start() []live.Watched {
	d := ws.s.drv
	ws.w = d.Watch(ws.s.cfg.watchBuffer)
	t := d.Recorder().Trace()
	ws.header = trace.Trace{Version: trace.Version, Source: t.Source, Start: t.Start}
	ws.next = d.Recorder().Recorded()
	out := make([]live.Watched, len(t.Steps))
	for i, st := range t.Steps {
		out[i] = live.Watched{Seq: ws.next - len(t.Steps) + i, Step: st, State: t.StateAt(i)}
	}
	return out
}

// batch is first and what else waits in the channel, within the
// message's bounds; when the watcher missed steps, one gap step instead
// of everything not sent yet (the steps of first and the channel's
// included), with the state after the newest.
func (ws *watchStream) batch(first ...live.Watched) []live.Watched {
	out, size := first, 0
	for _, x := range first {
		size += len(x.Step.Bytes)
	}
	var linger <-chan time.Time
	if len(first) > 0 {
		t := time.NewTimer(watchLinger)
		defer t.Stop()
		linger = t.C
	}
	for len(out) < watchBatchSteps && size < watchBatchBytes {
		x, ok := ws.waiting(linger)
		if !ok {
			break
		}
		out, size = append(out, x), size+len(x.Step.Bytes)
	}
	if ws.w.Missed() == ws.reported {
		return out
	}
	// Everything not sent yet is in the gap.
	var gap live.Watched
	ws.s.onLoop(func() { gap = ws.catchUp() })
	if gap.Step.Missed == 0 {
		return nil
	}
	return []live.Watched{gap}
}

// waiting is the next step waiting in the channel; with linger, it waits
// for one until linger fires, unless the watcher is missing steps
// already (the gap step then says the rest).
func (ws *watchStream) waiting(linger <-chan time.Time) (live.Watched, bool) {
	select {
	case x := <-ws.w.C():
		return x, true
	default:
	}
	if linger == nil || ws.w.Missed() != ws.reported {
		return live.Watched{}, false
	}
	select {
	case x := <-ws.w.C():
		return x, true
	case <-linger:
		return live.Watched{}, false
	}
}

// catchUp, on the loop, empties the channel and returns the gap step of
// every step from the first missed one to the newest, with the state
// after the newest: the page catches up from it.
func (ws *watchStream) catchUp() live.Watched {
	for len(ws.w.C()) > 0 {
		<-ws.w.C()
	}
	ws.reported = ws.w.Missed()
	rec := ws.s.drv.Recorder()
	t := rec.Trace()
	from, to := ws.next, rec.Recorded()
	if to <= from || len(t.Steps) == 0 {
		return live.Watched{}
	}
	last := len(t.Steps) - 1
	g := trace.GapStep(t.Steps[last].Time, to-from)
	ws.next = to
	return live.Watched{Seq: from, Step: g, State: t.StateAt(last)}
}

// send writes steps as messages within the bounds of one; nothing for
// none.
func (ws *watchStream) send(ctx context.Context, steps []live.Watched) error {
	for len(steps) > 0 {
		n, size := 0, 0
		for n < len(steps) && n < watchBatchSteps && size < watchBatchBytes {
			size += len(steps[n].Step.Bytes)
			n++
		}
		if err := ws.sendMessage(ctx, steps[:n]); err != nil {
			return err
		}
		steps = steps[n:]
	}
	return nil
}

// sendMessage writes steps as one message.
func (ws *watchStream) sendMessage(ctx context.Context, steps []live.Watched) error {
	t := ws.header
	t.Nodes = []string{trace.BrokerName}
	seen := map[string]bool{trace.BrokerName: true}
	for _, x := range steps {
		st := x.Step
		if x.Seq >= ws.next {
			ws.next = x.Seq + 1
		}
		if !ws.s.cfg.revealPasswords {
			st = trace.MaskPassword(st)
		}
		for _, n := range []string{st.From, st.To} {
			if n != "" && !seen[n] {
				seen[n] = true
				t.Nodes = append(t.Nodes, n)
			}
		}
		t.Record(st, x.State)
	}
	b, err := json.Marshal(&t)
	if err != nil {
		return err
	}
	wctx, cancel := context.WithTimeout(ctx, ws.s.cfg.watchTimeout)
	defer cancel()
	return ws.wc.Write(wctx, websocket.MessageText, b)
}

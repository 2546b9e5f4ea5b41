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
// Messages go at most every watchEvery, and at most watchRate bytes a
// second: one waits for more steps until its time (a step after a quiet
// spell goes at once), and a stream that has more steps than a message
// carries misses the rest: the message ends with one gap step counting
// them, with the broker's state after them. Under load a watch page
// then gets at most ten messages a second (fewer when the broker's state
// is large: a subscriber with 100 messages in flight makes each step's
// change a few kilobytes) rather than as many as it can read, and the
// broker, whose watchers are behind most of the time, records changes
// for them (live.BrokerDriver) rather than its whole state
// (docs/performance.md, section Broker).
const (
	watchBatchSteps = 64
	watchBatchBytes = 64 << 10
	watchEvery      = 100 * time.Millisecond
	watchRate       = 1 << 20
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
	if _, err := ws.send(ctx, first); err != nil {
		return
	}
	next := time.Now()
	for {
		select {
		case x := <-ws.w.C():
			steps, ok := ws.batch(ctx, x, next)
			if !ok {
				return
			}
			n, err := ws.send(ctx, steps)
			if err != nil {
				return
			}
			next = time.Now().Add(max(watchEvery, time.Duration(n)*time.Second/watchRate))
		case <-ctx.Done():
			return
		case <-s.quit:
			steps, _ := ws.batch(ctx, live.Watched{Seq: -1}, time.Time{})
			ws.send(ctx, steps)
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
	// The broker's state after the last step sent is last with the
	// changes pending applied, in one go when a message needs it.
	last    *trace.State
	pending []*trace.StateChange
}

// state is the broker's state after the last step sent.
func (ws *watchStream) state() *trace.State {
	if len(ws.pending) > 0 {
		ws.last = trace.Apply(ws.last, ws.pending...)
		clear(ws.pending)
		ws.pending = ws.pending[:0]
	}
	return ws.last
}

// start, on the loop, subscribes and returns the steps kept so far.
func (ws *watchStream) start() []live.Watched {
	d := ws.s.drv
	ws.w = d.Watch(ws.s.cfg.watchBuffer)
	t := d.Recorder().Trace()
	ws.header = trace.Trace{Version: trace.Version, Source: t.Source, Start: t.Start}
	ws.next = d.Recorder().Recorded()
	// The steps as recorded, each with its change or its snapshot:
	// sendMessage builds the state at each message's start from them,
	// on the stream's goroutine. (StateAt of every step, here on the
	// loop, held the broker 1.5 s and 700 MB with 10,000 devices.)
	out := make([]live.Watched, len(t.Steps))
	for i, st := range t.Steps {
		out[i] = live.Watched{Seq: ws.next - len(t.Steps) + i, Step: st}
	}
	return out
}

// batch is the next message: first (none when its Seq is -1) and the
// steps that come until next, within a message's bounds (those that wait
// in the channel when next has passed), and when the watcher missed
// steps, one gap step counting every step from after them to the
// newest, with the state after the newest. ok is false when the page
// went away meanwhile.
func (ws *watchStream) batch(ctx context.Context, first live.Watched, next time.Time) (out []live.Watched, ok bool) {
	size := 0
	// after is the sequence number the next step must have: after a
	// step missed, the rest goes into the gap.
	after := func() int {
		if len(out) > 0 {
			return out[len(out)-1].Seq + 1
		}
		return ws.next
	}
	hole := first.Seq >= 0 && first.Seq != after()
	if first.Seq >= 0 && !hole {
		out, size = append(out, first), len(first.Step.Bytes)
	}
	var until <-chan time.Time
	if wait := time.Until(next); wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		until = t.C
	}
	// One step is left for the gap, so that the message is one.
	for !hole && len(out) < watchBatchSteps-1 && size < watchBatchBytes {
		x, more, expired := ws.waiting(until)
		if expired {
			until = nil
		}
		if !more {
			break
		}
		if hole = x.Seq != after(); !hole {
			out, size = append(out, x), size+len(x.Step.Bytes)
		}
	}
	if until != nil {
		// A full message still waits for its time: meanwhile the
		// watcher misses steps rather than the page getting more.
		select {
		case <-until:
		case <-ctx.Done():
			return nil, false
		}
	}
	if !hole && ws.w.Missed() == ws.reported {
		return out, true
	}
	from := after()
	var gap live.Watched
	ws.s.onLoop(func() { gap = ws.catchUp(from) })
	if gap.Step.Missed > 0 {
		out = append(out, gap)
	}
	return out, true
}

// waiting is the next step waiting in the channel, or the next to come
// until until fires (nil: none waits); expired says it fired.
func (ws *watchStream) waiting(until <-chan time.Time) (x live.Watched, more, expired bool) {
	select {
	case x := <-ws.w.C():
		return x, true, false
	default:
	}
	if until == nil {
		return live.Watched{}, false, false
	}
	select {
	case x := <-ws.w.C():
		return x, true, false
	case <-until:
		return live.Watched{}, false, true
	}
}

// catchUp, on the loop, empties the channel and returns the gap step of
// every step from sequence number from to the newest, with the state
// after the newest: the page catches up from it.
func (ws *watchStream) catchUp(from int) live.Watched {
	for len(ws.w.C()) > 0 {
		<-ws.w.C()
	}
	ws.reported = ws.w.Missed()
	// The newest step's time and state, without describing the steps
	// missed (Trace would, thousands of them on the loop).
	rec := ws.s.drv.Recorder()
	to := rec.Recorded()
	at, st, ok := rec.Newest()
	if to <= from || !ok {
		return live.Watched{}
	}
	g := trace.GapStep(at, to-from)
	return live.Watched{Seq: to - 1, Step: g, State: st}
}

// send writes steps as messages within the bounds of one (nothing for
// none) and returns how many bytes it wrote.
func (ws *watchStream) send(ctx context.Context, steps []live.Watched) (int, error) {
	wrote := 0
	for len(steps) > 0 {
		n, size := 0, 0
		for n < len(steps) && n < watchBatchSteps && size < watchBatchBytes {
			size += len(steps[n].Step.Bytes)
			n++
		}
		b, err := ws.sendMessage(ctx, steps[:n])
		if err != nil {
			return wrote, err
		}
		wrote += b
		steps = steps[n:]
	}
	return wrote, nil
}

// sendMessage writes steps as one message of n bytes.
func (ws *watchStream) sendMessage(ctx context.Context, steps []live.Watched) (n int, err error) {
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
		// Each step carries the change or the snapshot it was recorded
		// with (a step from the channel also the whole state after it);
		// a message starts with the whole state.
		switch {
		case x.State != nil:
			ws.last = x.State
			clear(ws.pending)
			ws.pending = ws.pending[:0]
		case x.Step.Snapshot != nil:
			ws.last = x.Step.Snapshot
			clear(ws.pending)
			ws.pending = ws.pending[:0]
		case x.Step.Change != nil:
			ws.pending = append(ws.pending, x.Step.Change)
		}
		if len(t.Steps) == 0 || x.Step.Kind == trace.KindGap || x.Step.Snapshot != nil {
			t.Record(st, ws.state())
		} else {
			t.RecordChange(st, x.Step.Change, ws.state)
		}
	}
	b, err := json.Marshal(&t)
	if err != nil {
		return 0, err
	}
	wctx, cancel := context.WithTimeout(ctx, ws.s.cfg.watchTimeout)
	defer cancel()
	return len(b), ws.wc.Write(wctx, websocket.MessageText, b)
}

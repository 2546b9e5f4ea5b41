package load

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/coder/websocket"

	"mqttviz/sim/trace"
)

// WatchStats is what a watch reader received.
type WatchStats struct {
	// Messages and Steps are the stream's messages and the steps they
	// held; Missed is how many steps the broker's gap steps said the
	// reader missed.
	Messages, Steps, Missed int
	// Err is why the stream ended before Stop, if it did.
	Err error
}

// Watcher reads `mqttviz broker`'s watch stream as the watch page does:
// every message read whole and parsed as an untrusted trace document
// (trace.Read), its steps counted; only the drawing is left out.
type Watcher struct {
	c      *websocket.Conn
	cancel context.CancelFunc
	done   chan struct{}
	mu     sync.Mutex
	stats  WatchStats
}

// Watch opens the watch stream of the broker whose app is served at
// httpAddr (host:port), from the page's own origin.
func Watch(ctx context.Context, httpAddr string) (*Watcher, error) {
	ctx, cancel := context.WithCancel(ctx)
	c, _, err := websocket.Dial(ctx, "ws://"+httpAddr+"/watch/stream", &websocket.DialOptions{
		Subprotocols: []string{"mqttviz-watch"},
		HTTPHeader:   http.Header{"Origin": {"http://" + httpAddr}},
	})
	if err != nil {
		cancel()
		return nil, fmt.Errorf("the watch stream: %w", err)
	}
	c.SetReadLimit(trace.MaxReadBytes)
	w := &Watcher{c: c, cancel: cancel, done: make(chan struct{})}
	go w.read(ctx)
	return w, nil
}

// read reads messages until the stream ends.
func (w *Watcher) read(ctx context.Context) {
	defer close(w.done)
	for {
		_, b, err := w.c.Read(ctx)
		if err == nil {
			var t *trace.Trace
			if t, err = trace.Read(b); err == nil {
				w.count(t)
				continue
			}
		}
		if ctx.Err() == nil {
			w.mu.Lock()
			w.stats.Err = err
			w.mu.Unlock()
		}
		return
	}
}

// count adds one message's steps.
func (w *Watcher) count(t *trace.Trace) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stats.Messages++
	w.stats.Steps += len(t.Steps)
	for _, s := range t.Steps {
		w.stats.Missed += s.Missed
	}
}

// Stats is what the reader received so far.
func (w *Watcher) Stats() WatchStats {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stats
}

// Stop closes the stream and returns what it received.
func (w *Watcher) Stop() WatchStats {
	w.cancel()
	<-w.done
	w.c.CloseNow()
	return w.Stats()
}

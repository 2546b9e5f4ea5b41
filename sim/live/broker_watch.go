package live

import (
	"slices"
	"sync/atomic"

	"mqttviz/sim/trace"
)

// Watched is one step a watcher gets: its sequence number (as
// Recorder.Recorded counts), the step as recorded, with its snapshot or
// its change from the step before, and the broker's state after it
// (shared, never modified) when the step holds a snapshot or is a gap, nil
// otherwise: the watcher applies the step's Change to the state it has.
type Watched struct {
	Seq   int
	Step  trace.Step
	State *trace.State
}

// Watcher receives the steps the driver records from Watch on, through a
// bounded channel: a watcher that does not keep up misses steps rather
// than slowing the broker, and Missed counts them (it can catch up from
// the Recorder's trace, Since and StateAt, on the driver's loop).
type Watcher struct {
	c      chan Watched
	missed atomic.Int64
}

// C is the channel of steps.
func (w *Watcher) C() <-chan Watched { return w.c }

// Missed is how many steps did not fit in the channel.
func (w *Watcher) Missed() int64 { return w.missed.Load() }

// offer sends s unless the channel is full.
func (w *Watcher) offer(s Watched) {
	select {
	case w.c <- s:
	default:
		w.missed.Add(1)
	}
}

// Watch starts a watcher with a channel of n steps (at least 1). Call it
// on the driver's loop; Unwatch ends it.
func (d *BrokerDriver) Watch(n int) *Watcher {
	w := &Watcher{c: make(chan Watched, max(n, 1))}
	d.watchers = append(d.watchers, w)
	return w
}

// Unwatch ends w: it gets no more steps.
func (d *BrokerDriver) Unwatch(w *Watcher) {
	d.watchers = slices.DeleteFunc(d.watchers, func(x *Watcher) bool { return x == w })
}

// watcherRoom says a watcher has room for a step in its channel.
func (d *BrokerDriver) watcherRoom() bool {
	for _, w := range d.watchers {
		if len(w.c) < cap(w.c) {
			return true
		}
	}
	return false
}

// Watching is how many watchers there are. Call it on the driver's loop.
func (d *BrokerDriver) Watching() int { return len(d.watchers) }

package sim

import "mqttviz/sim/trace"

// eventKind is what an event does when its time comes.
type eventKind uint8

const (
	// evArrive is a packet's bytes reaching the far end of a link.
	evArrive eventKind = iota
	// evFin is the news of a connection closed by one end reaching the
	// other end.
	evFin
	// evTimer is a timer a node asked for.
	evTimer
)

// event is one scheduled happening.
type event struct {
	kind eventKind
	// foreground events keep RunUntilQuiet running; idle keepalive timers
	// are background.
	foreground bool
	// up says a packet or a close travels from the client to the broker;
	// for a timer, that the timer is the client's.
	up    bool
	timer timerKind
	conn  *conn
	// sentAt, bytes and lost describe a packet: when it left, what it is,
	// and why it never arrives (nil when it does).
	sentAt int64
	bytes  []byte
	lost   *trace.Text
	// note, when set, says why a packet travels a second time.
	note *trace.Note
}

// dir is the direction the event travels.
func (ev *event) dir() Direction {
	if ev.up {
		return Up
	}
	return Down
}

// eventQueue holds the pending events in order of time and, within one
// time, in the order they were scheduled: a min-heap of the distinct times
// that have events, each with a FIFO of its events. Most events share
// their time with others (a fan-out sends a hundred packets with the same
// latency), so the heap stays small and most pushes and pops are O(1).
type eventQueue struct {
	times   []int64
	buckets map[int64]*bucket
	// last is the bucket of the last push, which the next push often
	// shares; first is the bucket of the earliest time, once looked up.
	last  *bucket
	first *bucket
	// spare are emptied buckets for reuse.
	spare []*bucket
	n     int
}

// bucket is the FIFO of the events of one time.
type bucket struct {
	at   int64
	evs  []event
	head int
}

func (q *eventQueue) len() int { return q.n }

// next is the time of the earliest event; the queue must not be empty.
func (q *eventQueue) next() int64 { return q.times[0] }

// push schedules ev at time at, after every event already scheduled then.
func (q *eventQueue) push(at int64, ev event) {
	b := q.last
	if b == nil || b.at != at {
		b = q.buckets[at]
		if b == nil {
			b = q.newBucket(at)
		}
		q.last = b
	}
	b.evs = append(b.evs, ev)
	q.n++
}

// newBucket makes the FIFO of a time that has no events yet.
func (q *eventQueue) newBucket(at int64) *bucket {
	var b *bucket
	if n := len(q.spare); n > 0 {
		b = q.spare[n-1]
		q.spare = q.spare[:n-1]
	} else {
		b = &bucket{}
	}
	b.at = at
	if q.buckets == nil {
		q.buckets = map[int64]*bucket{}
	}
	q.buckets[at] = b
	q.times = append(q.times, at)
	h := q.times
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if h[p] <= h[i] {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
	return b
}

// pop removes the earliest event and returns it with its time; the queue
// must not be empty.
func (q *eventQueue) pop() (int64, event) {
	at := q.times[0]
	b := q.first
	if b == nil || b.at != at {
		b = q.buckets[at]
		q.first = b
	}
	ev := b.evs[b.head]
	b.evs[b.head] = event{}
	b.head++
	q.n--
	if b.head == len(b.evs) {
		q.dropTime(b)
	}
	return at, ev
}

// dropTime retires the emptied bucket of the earliest time.
func (q *eventQueue) dropTime(b *bucket) {
	delete(q.buckets, b.at)
	if q.last == b {
		q.last = nil
	}
	q.first = nil
	b.evs, b.head = b.evs[:0], 0
	q.spare = append(q.spare, b)
	h := q.times
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	q.times = h
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h[l] < h[m] {
			m = l
		}
		if r < n && h[r] < h[m] {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

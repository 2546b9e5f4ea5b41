package sim

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

// event is one scheduled happening. Events run in order of (at, seq): the
// sequence number, taken from a counter when the event is scheduled, makes
// the order total and the same on every run.
type event struct {
	at   int64
	seq  uint64
	kind eventKind
	// foreground events keep RunUntilQuiet running; idle keepalive timers
	// are background.
	foreground bool
	conn       *conn
	// dir is the direction a packet or a close travels.
	dir Direction
	// sentAt, bytes and lost describe a packet: when it left, what it is,
	// and why it never arrives (empty EN when it does).
	sentAt int64
	bytes  []byte
	lost   Text
	// timer is the timer that fires; node is who asked for it.
	timer timerKind
	node  node
}

// eventQueue is a binary min-heap of events by (at, seq).
type eventQueue []event

func (q eventQueue) less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}

func (q *eventQueue) push(e event) {
	*q = append(*q, e)
	h := *q
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h[i], h[p] = h[p], h[i]
		i = p
	}
}

// pop removes and returns the earliest event; the queue must not be empty.
func (q *eventQueue) pop() event {
	h := *q
	top := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h[n] = event{}
	h = h[:n]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < n && h.less(l, m) {
			m = l
		}
		if r < n && h.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	*q = h
	return top
}

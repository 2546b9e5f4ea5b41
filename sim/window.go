package sim

import (
	"slices"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// window is one side's QoS 1 and 2 publications in flight, the same for
// the broker towards a client (in its session) and for a client towards
// the broker: packet ids from a counter, each exchange's stage, and the one
// rule for resending on a timer. [MQTT 4.3, MQTT 4.4]
type window struct {
	// flights are the exchanges not yet complete, oldest first.
	flights []*flight
	// lastID is the last packet id used.
	lastID uint16
	// shared, when sharedOK, is view's list: the flights in their trace
	// form, kept in step as flights are added at the end and completed
	// from the front, the common order, so that successive snapshots
	// share one backing array instead of a new list each.
	shared   []trace.Inflight
	sharedOK bool
}

// flight is one QoS 1 or 2 publication on its way: a client's own message
// or one the broker forwards.
type flight struct {
	id  uint16
	msg *message
	// qos and retain are those of this leg's PUBLISH: the broker may
	// deliver at a lower QoS than published, and sets RETAIN only for a
	// retained message sent because of a new subscription.
	qos    codec.QoS
	retain bool
	// stage is StageUnsent (a client's message kept while it has no
	// connection), StagePublishSent or StagePubrelSent.
	stage trace.Stage
	// sentAt is when its last PUBLISH or PUBREL left.
	sentAt int64
}

// maxInflight is how many exchanges can be in flight one way: one per
// non-zero packet id.
const maxInflight = 65535

func (w *window) len() int { return len(w.flights) }

// nextID picks the next packet id not in use: a counter from 1 that wraps
// from 65535 to 1 and skips the ids in flight and those busy says are
// taken (nil: none). The window must have a free id. [MQTT-2.3.1-2,
// MQTT-2.3.1-4]
func (w *window) nextID(busy func(uint16) bool) uint16 {
	for {
		w.lastID++
		if w.lastID == 0 {
			w.lastID = 1
		}
		if w.find(w.lastID) < 0 && (busy == nil || !busy(w.lastID)) {
			return w.lastID
		}
	}
}

// find is the index of the exchange with packet id id, or -1.
func (w *window) find(id uint16) int {
	for i, f := range w.flights {
		if f.id == id {
			return i
		}
	}
	return -1
}

// add keeps a new exchange, newest last.
func (w *window) add(f *flight) {
	w.flights = append(w.flights, f)
	if w.sharedOK {
		// Past the end of every list view returned: none of them changes.
		w.shared = append(w.shared, f.trace())
	}
}

// puback completes the QoS 1 exchange id, reporting whether one was
// waiting for that PUBACK. [MQTT 4.3.2]
func (w *window) puback(id uint16) bool {
	return w.complete(id, func(f *flight) bool { return f.qos == codec.AtLeastOnce && f.stage == trace.StagePublishSent })
}

// pubcomp completes the QoS 2 exchange id, reporting whether its PUBREL
// was waiting for that PUBCOMP. [MQTT 4.3.3]
func (w *window) pubcomp(id uint16) bool {
	return w.complete(id, func(f *flight) bool { return f.stage == trace.StagePubrelSent })
}

// complete removes exchange id when it is in a stage that ok accepts.
func (w *window) complete(id uint16, ok func(*flight) bool) bool {
	i := w.find(id)
	if i < 0 || !ok(w.flights[i]) {
		return false
	}
	w.flights = slices.Delete(w.flights, i, i+1)
	if i == 0 && w.sharedOK {
		w.shared = w.shared[1:]
	} else {
		w.sharedOK = false
	}
	return true
}

// pubrec moves the QoS 2 exchange id to its second half at time now: the
// PUBREL is what is sent, and resent, from then on. It reports whether a
// QoS 2 exchange had that id. [MQTT-4.3.3-1]
func (w *window) pubrec(id uint16, now int64) bool {
	i := w.find(id)
	if i < 0 || w.flights[i].qos != codec.ExactlyOnce {
		return false
	}
	f := w.flights[i]
	f.stage, f.sentAt = trace.StagePubrelSent, now
	w.sharedOK = false
	return true
}

// retry resends, through resend, every sent exchange that has waited
// interval since it last left, and returns when the next one falls due
// (-1: nothing sent is waiting). The timer is set for that earliest due
// time, not a full interval away, so that no exchange waits longer than
// interval. [MQTT 4.4; resending on a timer is an option]
func (w *window) retry(now, interval int64, resend func(*flight)) int64 {
	next := int64(-1)
	for _, f := range w.flights {
		if f.stage == trace.StageUnsent {
			continue
		}
		due := f.sentAt + interval
		if due <= now {
			resend(f)
			f.sentAt = now
			due = now + interval
		}
		if next < 0 || due < next {
			next = due
		}
	}
	return next
}

// packet is the packet that (re)sends f: its PUBREL once PUBREC came, else
// its PUBLISH, written into p, with DUP 1 when it was sent before.
// [MQTT-3.3.1-1, MQTT-4.3.3-1]
func (f *flight) packet(p *codec.Publish) codec.Packet {
	if f.stage == trace.StagePubrelSent {
		return &codec.Pubrel{PacketID: f.id}
	}
	*p = codec.Publish{Dup: f.stage == trace.StagePublishSent, QoS: f.qos, Retain: f.retain, Topic: f.msg.topic, PacketID: f.id, Payload: f.msg.payload}
	return p
}

// inflight appends the window's exchanges in their trace form.
func (w *window) inflight(dst []trace.Inflight) []trace.Inflight {
	for _, f := range w.flights {
		dst = append(dst, f.trace())
	}
	return dst
}

// view is the window's exchanges in their trace form (never nil) for a
// snapshot, which keeps it: the list is never changed afterwards, later
// views may share its backing array. Only the broker's windows use it:
// a client changes its flights' stages itself (transmit, openWith), so
// its window's list is not kept in step.
func (w *window) view() []trace.Inflight {
	if !w.sharedOK || len(w.shared) != len(w.flights) {
		w.shared, w.sharedOK = w.inflight(make([]trace.Inflight, 0, len(w.flights))), true
	}
	return w.shared
}

// trace is f in its trace form.
func (f *flight) trace() trace.Inflight {
	return trace.Inflight{PacketID: f.id, QoS: byte(f.qos), Direction: trace.Out, Stage: f.stage, Topic: f.msg.topic}
}

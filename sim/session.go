package sim

import (
	"slices"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// session is what the broker keeps for one client id: its subscriptions,
// the QoS 1 and 2 exchanges in flight both ways, and messages queued while
// the client is away. With clean session 0 it outlives the connection.
// [MQTT 3.1.2.4]
type session struct {
	id    string
	clean bool
	// conn is the connection the session is attached to; nil offline.
	conn *brokerConn
	subs map[string]codec.QoS
	// out are the broker's own PUBLISH exchanges to the client.
	out window
	// in are the QoS 2 packet ids received from the client and not yet
	// released by PUBREL; the message is kept when the broker forwards on
	// PUBREL, nil otherwise.
	in map[uint16]*message
	// queue holds messages for the client while it is offline, and while
	// it is online those waiting for a free packet id; queueView is it in
	// its trace form when queueViewOK, kept in step as messages are
	// queued at the end and sent from the front (enqueue, dequeue), so
	// that successive snapshots share it as they share the window's.
	queue       []queued
	queueView   []trace.Message
	queueViewOK bool
	// mark, best and hits serve subIndex.match.
	mark uint64
	best codec.QoS
	hits int
	// dirty marks a change since snap was made; reported says the
	// broker's state last reported (a snapshot or a change) holds the
	// session, as snap.
	dirty    bool
	reported bool
	snap     *trace.SessionState
	// subsView are the subscriptions in their trace form, shared by the
	// snapshots until they change (nil: rebuild).
	subsView []trace.Subscription
}

// queued is a message waiting for an offline client or a free packet id,
// with the QoS it will be delivered at and its RETAIN flag.
type queued struct {
	msg    *message
	qos    codec.QoS
	retain bool
}

// filters are the session's topic filters, sorted.
func (s *session) filters() []string {
	fs := make([]string, 0, len(s.subs))
	for f := range s.subs {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	return fs
}

// snapshot returns the session's trace form, rebuilt only after a change.
func (s *session) snapshot() *trace.SessionState {
	if !s.dirty && s.snap != nil {
		return s.snap
	}
	if s.subsView == nil {
		s.subsView = make([]trace.Subscription, 0, len(s.subs))
		for _, f := range s.filters() {
			s.subsView = append(s.subsView, trace.Subscription{Filter: f, QoS: byte(s.subs[f])})
		}
	}
	// Each list is made at its length: a session with 100 messages in
	// flight is snapshot on every step of a fan-out.
	st := &trace.SessionState{
		ClientID:      s.id,
		Connected:     s.conn != nil,
		CleanSession:  s.clean,
		Subscriptions: s.subsView,
	}
	if s.conn != nil {
		st.KeepAlive = s.conn.keepAlive
		if s.conn.will != nil {
			w := s.conn.will.asMessage()
			st.Will = &w
		}
	}
	// The QoS 2 ids received come after the broker's own exchanges; with
	// none, the snapshot shares the window's list.
	st.Inflight = s.out.view()
	if len(s.in) > 0 {
		st.Inflight = append(make([]trace.Inflight, 0, len(st.Inflight)+len(s.in)), st.Inflight...)
	}
	ids := make([]uint16, 0, len(s.in))
	for id := range s.in {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		in := trace.Inflight{PacketID: id, QoS: 2, Direction: trace.In, Stage: trace.StagePubrecSent}
		if m := s.in[id]; m != nil {
			in.Topic = m.topic
			in.Stage = trace.StagePubrecHeld
		}
		st.Inflight = append(st.Inflight, in)
	}
	st.Queued = s.queued()
	s.snap, s.dirty = st, false
	return st
}

// enqueue queues q at the end.
func (s *session) enqueue(q queued) {
	s.queue = append(s.queue, q)
	if s.queueViewOK {
		// Past the end of every list queued returned: none changes.
		s.queueView = append(s.queueView, q.trace())
	}
}

// dequeue forgets the first message queued.
func (s *session) dequeue() {
	s.queue[0] = queued{}
	s.queue = s.queue[1:]
	if s.queueViewOK {
		s.queueView = s.queueView[1:]
	}
	if len(s.queue) == 0 {
		s.queue = nil
	}
}

// queued is the queue in its trace form (never nil) for a snapshot,
// which keeps it: the list is never changed afterwards, later ones may
// share its backing array.
func (s *session) queued() []trace.Message {
	if !s.queueViewOK || len(s.queueView) != len(s.queue) {
		s.queueView = make([]trace.Message, 0, len(s.queue))
		for _, q := range s.queue {
			s.queueView = append(s.queueView, q.trace())
		}
		s.queueViewOK = true
	}
	return s.queueView
}

// trace is q in its trace form: the message at the QoS it will be
// delivered at.
func (q queued) trace() trace.Message {
	m := q.msg.asMessage()
	m.QoS = byte(q.qos)
	return m
}

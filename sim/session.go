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
	// it is online those waiting for a free packet id.
	queue []queued
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
		Queued:        make([]trace.Message, 0, len(s.queue)),
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
	for _, q := range s.queue {
		m := q.msg.asMessage()
		m.QoS = byte(q.qos)
		st.Queued = append(st.Queued, m)
	}
	s.snap, s.dirty = st, false
	return st
}

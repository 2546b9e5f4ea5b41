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
	// out are the broker's own PUBLISH exchanges to the client, oldest
	// first.
	out []*outflight
	// in are the QoS 2 packet ids received from the client and not yet
	// released by PUBREL; the message is kept when the broker forwards on
	// PUBREL, nil otherwise.
	in map[uint16]*message
	// queue holds messages for the client while it is offline, and while
	// it is online those waiting for a free packet id.
	queue []queued
	// lastID is the last packet id the broker used towards this client.
	lastID uint16
	// mark, best and hits serve subIndex.match.
	mark uint64
	best codec.QoS
	hits int
	// dirty marks a change since snap was made.
	dirty bool
	snap  *trace.SessionState
}

// outStage is where a broker-to-client exchange stands.
type outStage uint8

const (
	// awaitAck: PUBLISH sent, waiting for PUBACK (QoS 1) or PUBREC (QoS 2).
	awaitAck outStage = iota
	// awaitComp: PUBREL sent, waiting for PUBCOMP.
	awaitComp
)

// outflight is one QoS 1 or 2 message the broker sent and the client has
// not finished acknowledging.
type outflight struct {
	id     uint16
	msg    *message
	qos    codec.QoS
	retain bool
	stage  outStage
	// sentAt is when the last PUBLISH or PUBREL of it left.
	sentAt int64
}

// queued is a message waiting for an offline client or a free packet id,
// with the QoS it will be delivered at and its RETAIN flag.
type queued struct {
	msg    *message
	qos    codec.QoS
	retain bool
}

// maxInflight is how many exchanges can be in flight towards one client:
// one per non-zero packet id.
const maxInflight = 65535

// filters are the session's topic filters, sorted.
func (s *session) filters() []string {
	fs := make([]string, 0, len(s.subs))
	for f := range s.subs {
		fs = append(fs, f)
	}
	slices.Sort(fs)
	return fs
}

// nextID picks the next packet id not in use towards this client: a
// counter that wraps from 65535 to 1 and skips ids in flight. [MQTT 2.3.1]
func (s *session) nextID() uint16 {
	for {
		s.lastID++
		if s.lastID == 0 {
			s.lastID = 1
		}
		if s.findOut(s.lastID) < 0 {
			return s.lastID
		}
	}
}

// findOut is the index of the exchange with packet id id in out, or -1.
func (s *session) findOut(id uint16) int {
	for i, o := range s.out {
		if o.id == id {
			return i
		}
	}
	return -1
}

// snapshot returns the session's trace form, rebuilt only after a change.
func (s *session) snapshot() *trace.SessionState {
	if !s.dirty && s.snap != nil {
		return s.snap
	}
	st := &trace.SessionState{
		ClientID:      s.id,
		Connected:     s.conn != nil,
		CleanSession:  s.clean,
		Subscriptions: []trace.Subscription{},
		Inflight:      []trace.Inflight{},
		Queued:        []trace.Message{},
	}
	if s.conn != nil {
		st.KeepAlive = s.conn.keepAlive
		if s.conn.will != nil {
			w := s.conn.will.asMessage()
			st.Will = &w
		}
	}
	for _, f := range s.filters() {
		st.Subscriptions = append(st.Subscriptions, trace.Subscription{Filter: f, QoS: byte(s.subs[f])})
	}
	for _, o := range s.out {
		stage := trace.StagePublishSent
		if o.stage == awaitComp {
			stage = trace.StagePubrelSent
		}
		st.Inflight = append(st.Inflight, trace.Inflight{PacketID: o.id, QoS: byte(o.qos), Direction: trace.Out, Stage: stage, Topic: o.msg.topic})
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

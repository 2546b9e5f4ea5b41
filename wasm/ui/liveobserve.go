package ui

import (
	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
)

// problemKind is what went wrong on a client's connection.
type problemKind int

// The failures the live page names.
const (
	// wsFailed: the WebSocket closed before it ever opened.
	wsFailed problemKind = iota + 1
	// connRefused: the broker answered CONNECT with a refusal.
	connRefused
	// brokerClosed: the broker closed an open connection.
	brokerClosed
	// malformed: the broker sent bytes that are no MQTT packet.
	malformed
	// noConnack: no CONNACK came in time; the page closed the connection.
	noConnack
	// clientGaveUp: the client closed the connection on its own (a
	// PINGRESP overdue, a protocol violation by the broker).
	clientGaveUp
)

// liveProblem is a failure on one client's connection: what it was,
// what the page says of it, the step that shows it, and the notes of
// that step (what the transport or the client said).
type liveProblem struct {
	kind problemKind
	conn int
	text codec.Text
	// seq is the recorder's sequence number of the step that shows it.
	seq    int
	detail []codec.Text
}

// connackTimeout is how long a client waits for CONNACK, from the
// moment it starts to connect, before the page gives the connection up.
const connackTimeout = 10_000

// watchSteps looks at the steps recorded since the last look and updates
// what the page knows of each client: its connection, and the failures.
func (p *livePage) watchSteps() {
	s := p.sess
	if s == nil {
		return
	}
	steps, _ := s.rec.Since(s.seen)
	first := s.rec.Recorded() - len(steps)
	s.seen = s.rec.Recorded()
	for i := range steps {
		p.observeStep(&steps[i], first+i)
	}
}

// observeStep updates the client of step st, of sequence number seq.
func (p *livePage) observeStep(st *trace.Step, seq int) {
	cl := p.client(st.From)
	if cl == nil {
		cl = p.client(st.To)
	}
	if cl == nil {
		return
	}
	switch {
	case st.Kind == trace.KindConnect:
		cl.conn, cl.opened, cl.connacked, cl.closing = st.Conn, false, false, false
		p.armConnack(cl, st.Conn, st.Time)
	case st.Kind == trace.KindPacket && st.From == cl.name:
		if st.Conn == cl.conn {
			cl.opened = true
		}
	case st.Kind == trace.KindPacket && st.Outcome == trace.Refused:
		// The codec's sentence; the client's note after it repeats it.
		cl.fail(liveProblem{kind: malformed, conn: st.Conn, seq: seq, text: both("live.fail.malformed"), detail: noteTexts(st.Notes[:min(1, len(st.Notes))])})
	case st.Kind == trace.KindPacket && st.Packet == codec.CONNACK && st.Outcome == trace.Delivered:
		p.connack(cl, st, seq)
	case st.Kind == trace.KindClose:
		p.closed(cl, st, seq)
	}
}

// connack takes the CONNACK of step st: accepted, or a refusal named.
func (p *livePage) connack(cl *liveClient, st *trace.Step, seq int) {
	pk, err := codec.Decode(st.Bytes)
	ca, ok := pk.(*codec.Connack)
	if err != nil || !ok {
		return
	}
	if ca.ReturnCode == codec.Accepted {
		cl.connacked = true
		return
	}
	code, means := int(ca.ReturnCode), ca.ReturnCode.Meaning()
	cl.fail(liveProblem{kind: connRefused, conn: st.Conn, seq: seq, text: codec.Text{
		EN: tr(i18n.EN, "live.fail.refused", code, means.EN),
		ZH: tr(i18n.ZH, "live.fail.refused", code, means.ZH),
	}})
}

// closed takes the close of a client's connection: by the broker, or by
// the client when the user did not ask.
func (p *livePage) closed(cl *liveClient, st *trace.Step, seq int) {
	conn := st.Conn
	if conn != cl.conn {
		return
	}
	earlier := cl.problem != nil && cl.problem.conn == conn
	switch {
	case earlier:
		// A refusal, malformed bytes or the CONNACK timeout said it.
	case st.From == trace.BrokerName && !cl.opened:
		cl.fail(liveProblem{kind: wsFailed, conn: conn, seq: seq, text: both("live.fail.ws", p.sess.addr.String()), detail: noteTexts(st.Notes)})
	case st.From == trace.BrokerName:
		cl.fail(liveProblem{kind: brokerClosed, conn: conn, seq: seq, text: both("live.fail.closed"), detail: noteTexts(st.Notes)})
	case !cl.closing:
		cl.fail(liveProblem{kind: clientGaveUp, conn: conn, seq: seq, text: both("live.fail.gaveup"), detail: noteTexts(st.Notes)})
	}
	cl.conn, cl.opened, cl.connacked, cl.closing = 0, false, false, false
}

// armConnack gives connection conn of cl up when no CONNACK came on it
// within connackTimeout of at.
func (p *livePage) armConnack(cl *liveClient, conn int, at int64) {
	s := p.sess
	s.clock.At(at+connackTimeout, func() {
		if p.sess != s || cl.conn != conn || cl.connacked {
			return
		}
		key := "live.fail.noconnack"
		if !cl.opened {
			key = "live.fail.noopen"
		}
		seq := s.rec.Recorded()
		cl.fail(liveProblem{kind: noConnack, conn: conn, seq: seq, text: both(key, connackTimeout/1000)})
		cl.closing = true
		_ = s.d.Do(cl.name, (*sim.Client).Abort)
		p.afterEvents()
	})
}

// fail records a failure on c.
func (c *liveClient) fail(pr liveProblem) { c.problem = &pr }

// noteTexts are the texts of notes.
func noteTexts(notes []trace.Note) []codec.Text {
	out := make([]codec.Text, len(notes))
	for i, n := range notes {
		out[i] = n.Text
	}
	return out
}

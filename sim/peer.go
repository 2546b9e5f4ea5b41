package sim

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// peer is the engine's side of one client: the pure Client core, its link
// to the broker and its latest connection. It is the core's driver in the
// simulation, as a live driver is on a real network: it hands the core
// each input and turns the core's Effects into the engine's (a connection
// opened, packets on the link, timers on the queue, a close).
type peer struct {
	ready
	eng  *engine
	core *Client
	link link
	// conn is the client's latest connection (the open one, or the last
	// closed), which a cut closes and Connection reads.
	conn *conn
	// brokerHold is what the broker holds back for this client.
	brokerHold brokerHold
}

func (p *peer) nodeName() string { return p.core.name }

// effects is the peer's ready with what the core wants done.
func (p *peer) effects() *ready {
	p.take()
	return &p.ready
}

// packet hands a packet of the client's current connection to the core.
func (p *peer) packet(now int64, k *conn, pk codec.Packet) {
	if k == p.conn {
		p.core.Packet(now, pk)
		p.take()
	}
}

// malformed hands undecodable bytes of the current connection to the
// core.
func (p *peer) malformed(now int64, k *conn, frame []byte, err error) {
	if k == p.conn {
		p.core.Malformed(now, frame, err)
		p.take()
	}
}

// closed tells the core that its connection is closed.
func (p *peer) closed(now int64, k *conn) {
	if k == p.conn {
		p.core.Closed(now)
		p.take()
	}
}

// tick fires a timer the core set on connection k: while k is the
// latest connection, the core's current one if it has one.
func (p *peer) tick(now int64, k *conn, kind timerKind) {
	if k == p.conn {
		p.core.Timer(now, Timer{kind: kind, conn: p.core.conn})
		p.take()
	}
}

// take moves the core's effects into the peer's ready: a new connection
// first, then the sends and timers on the current connection and its
// close; the notes as they are.
func (p *peer) take() {
	fx := p.core.Ready()
	if !fx.Open && !fx.Close && !fx.Refused && len(fx.Sends)+len(fx.Timers)+len(fx.Notes) == 0 {
		return
	}
	if fx.Open {
		p.conn = p.eng.open(p)
	}
	for _, s := range fx.Sends {
		p.sends = append(p.sends, outgoing{c: p.conn, bytes: s.Bytes, typ: s.Type, id: s.PacketID})
	}
	for _, t := range fx.Timers {
		p.timers = append(p.timers, timerReq{at: t.At, kind: t.kind, c: p.conn, foreground: t.Foreground})
	}
	if fx.Close {
		p.close(p.conn)
	}
	if len(fx.Notes) > 0 {
		p.notes = append(p.notes, fx.Notes...)
	}
	p.refused = p.refused || fx.Refused
	p.core.Advance()
}

// snapshot is the client's state in its trace form.
func (p *peer) snapshot() *trace.ClientState { return p.core.Snapshot() }

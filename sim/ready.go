package sim

import (
	"slices"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// timerKind names what a timer is for.
type timerKind uint8

const (
	// timerKeepAlive is the broker's 1.5 × keepalive watch on a connection.
	timerKeepAlive timerKind = iota
	// timerPing is a client's "nothing sent for a keepalive period" timer.
	timerPing
	// timerPingResp is a client waiting for PINGRESP.
	timerPingResp
	// timerRetry resends unacknowledged packets on the same connection.
	timerRetry
)

// outgoing is one packet a node wants sent, already encoded.
type outgoing struct {
	c     *conn
	bytes []byte
	typ   codec.PacketType
	id    uint16
}

// timerReq asks the engine to fire a timer at a virtual time.
type timerReq struct {
	at         int64
	kind       timerKind
	c          *conn
	foreground bool
}

// ready is what a node wants done after an input, in the manner of raft's
// Ready: the engine drains it after every step.
type ready struct {
	// explain makes the node write notes; off for benchmarks.
	explain bool
	sends   []outgoing
	timers  []timerReq
	closes  []*conn
	notes   []trace.Note
	// refused says the input broke a protocol rule and the node is closing
	// the connection because of it.
	refused bool
	// spare are buffers to encode into, shared with the engine, which
	// returns them once processed; nil when steps keep the bytes.
	spare *[][]byte
}

// note adds an explanation in English and Chinese with its rule.
func (r *ready) note(rule, en, zh string) {
	if r.explain {
		r.notes = append(r.notes, trace.Note{Text: trace.Text{EN: en, ZH: zh}, Rule: rule})
	}
}

// send encodes p for connection c with the strict encoder, which refuses
// anything malformed.
func (r *ready) send(c *conn, p codec.Packet) error {
	return r.encode(c, p, codec.Encoder{})
}

// encode encodes p for connection c with enc.
func (r *ready) encode(c *conn, p codec.Packet, enc codec.Encoder) error {
	var dst []byte
	if r.spare != nil {
		if n := len(*r.spare); n > 0 {
			dst = (*r.spare)[n-1]
			*r.spare = (*r.spare)[:n-1]
		}
	}
	b, err := enc.Append(dst, p)
	if err != nil {
		return err
	}
	r.sends = append(r.sends, outgoing{c: c, bytes: b, typ: p.Type(), id: packetID(p)})
	return nil
}

// sendRaw queues bytes as they are.
func (r *ready) sendRaw(c *conn, b []byte) error {
	if len(b) == 0 {
		return refuse("no bytes to send", "没有要发送的字节")
	}
	o := outgoing{c: c, bytes: b, typ: codec.PacketType(b[0] >> 4)}
	if p, err := codec.Decode(b); err == nil {
		o.id = packetID(p)
	}
	r.sends = append(r.sends, o)
	return nil
}

// timer asks for a timer.
func (r *ready) timer(at int64, k timerKind, c *conn, foreground bool) {
	r.timers = append(r.timers, timerReq{at: at, kind: k, c: c, foreground: foreground})
}

// close asks for the node's end of c to be closed.
func (r *ready) close(c *conn) {
	r.closes = append(r.closes, c)
}

// closing reports whether the node asked to close c.
func (r *ready) closing(c *conn) bool {
	return slices.Contains(r.closes, c)
}

// packetID is p's packet identifier, 0 for types that carry none.
func packetID(p codec.Packet) uint16 {
	switch p := p.(type) {
	case *codec.Publish:
		return p.PacketID
	case *codec.Puback:
		return p.PacketID
	case *codec.Pubrec:
		return p.PacketID
	case *codec.Pubrel:
		return p.PacketID
	case *codec.Pubcomp:
		return p.PacketID
	case *codec.Subscribe:
		return p.PacketID
	case *codec.Suback:
		return p.PacketID
	case *codec.Unsubscribe:
		return p.PacketID
	case *codec.Unsuback:
		return p.PacketID
	}
	return 0
}

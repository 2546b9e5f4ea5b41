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
	// nt is the note text builder text hands out.
	nt noteText
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
	b, err := encodeSpare(r.spare, p, enc)
	if err != nil {
		return err
	}
	r.sends = append(r.sends, outgoing{c: c, bytes: b, typ: p.Type(), id: packetID(p)})
	return nil
}

// encodeSpare encodes p with enc, into a buffer taken from spare when it
// has one (spare may be nil).
func encodeSpare(spare *[][]byte, p codec.Packet, enc codec.Encoder) ([]byte, error) {
	var dst []byte
	if spare != nil {
		if n := len(*spare); n > 0 {
			dst = (*spare)[n-1]
			*spare = (*spare)[:n-1]
		}
	}
	return enc.Append(dst, p)
}

// sendRaw queues bytes as they are.
func (r *ready) sendRaw(c *conn, b []byte) error {
	typ, id, err := rawInfo(b)
	if err != nil {
		return err
	}
	r.sends = append(r.sends, outgoing{c: c, bytes: b, typ: typ, id: id})
	return nil
}

// rawInfo is the packet type and packet id that the raw bytes b carry (id
// 0 when they do not decode); an error for no bytes.
func rawInfo(b []byte) (codec.PacketType, uint16, error) {
	if len(b) == 0 {
		return 0, 0, refuse("no bytes to send", "没有要发送的字节")
	}
	var id uint16
	if p, err := codec.Decode(b); err == nil {
		id = packetID(p)
	}
	return codec.PacketType(b[0] >> 4), id, nil
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

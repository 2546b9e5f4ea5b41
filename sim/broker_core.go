package sim

import (
	"slices"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// Broker is the simulator's MQTT 3.1.1 broker as a pure state machine for
// a driver outside the simulator, in the shape of etcd raft's RawNode, as
// Client is: every input (a connection opened, a packet read on it, bytes
// that do not decode, a timer, its close) takes the time now and the
// connection's id, and what the broker wants done collects in its
// BrokerEffects (Ready), which the driver carries out before it calls
// Advance. It is the very broker the simulator's engine drives (the same
// sessions, subscriptions, retained messages and notes), with connections
// named by the driver's ids instead of the engine's links. It holds no
// clock, no connection and no goroutine: sim/live runs it on real sockets.
type Broker struct {
	core  *broker
	conns map[int]*conn
	// addrs are the remote addresses of the open connections.
	addrs map[int]string
	fx    BrokerEffects
	// spare are the buffers Reuse gave back, which the core encodes into.
	spare [][]byte
}

// BrokerEffects are what a Broker wants done after its inputs, in this
// order: write the sends, each on its connection; set the timers; close
// the connections in Closes (after their sends are written) and then tell
// the broker with Closed.
type BrokerEffects struct {
	// Sends are the packets to write, in order, each already encoded.
	Sends []BrokerSend
	// Timers ask the driver to call Broker.Timer with each at its At.
	Timers []BrokerTimer
	// Closes are the connections the broker closes.
	Closes []int
	// Notes explain what the broker did and why, each with the rule
	// behind it.
	Notes []trace.Note
	// Refused says the last packet broke a protocol rule and the broker
	// closes its connection because of it.
	Refused bool
}

// BrokerSend is one packet the Broker writes on connection Conn.
type BrokerSend struct {
	Conn int
	Send
}

// BrokerTimer is a timer the Broker asked for on connection Conn: the
// driver hands it back to Broker.Timer at At. A timer of a closed
// connection is ignored, so a driver may cancel it or not.
type BrokerTimer struct {
	// At is when the timer fires, in milliseconds on the driver's clock.
	At   int64
	Conn int
	// Foreground says the timer is part of an exchange in progress (a
	// resend); false for the keepalive watch.
	Foreground bool
	kind       timerKind
}

// NewBroker makes a broker with options o, no session and no
// connection.
func NewBroker(o BrokerOptions) *Broker {
	core := newBroker(o, true)
	core.shared = true
	return &Broker{core: core, conns: map[int]*conn{}, addrs: map[int]string{}}
}

// Open tells the broker that connection c was opened by a device at the
// remote address addr: it waits for the CONNECT. An id already open is
// closed first.
func (b *Broker) Open(now int64, c int, addr string) {
	if b.conns[c] != nil {
		b.Closed(now, c)
	}
	k := &conn{id: c, open: [2]bool{true, true}}
	k.b = &brokerConn{c: k, lastRecv: now}
	b.conns[c] = k
	b.addrs[c] = addr
}

// Packet hands the broker one decoded packet read on connection c. The
// broker keeps the topic and payload of a PUBLISH as they are: p's
// strings and byte slices must never change afterwards (codec.Decode's
// do not; a codec.Decoder's would).
func (b *Broker) Packet(now int64, c int, p codec.Packet) {
	if k := b.live(c); k != nil {
		b.core.packet(now, k, p)
	}
}

// Malformed hands the broker the bytes of a packet on c that do not
// decode (frame nil when the stream itself cannot be cut) with the
// codec's error: the broker closes the connection, naming the rule.
func (b *Broker) Malformed(now int64, c int, frame []byte, err error) {
	if k := b.live(c); k != nil {
		b.core.malformed(now, k, frame, err)
	}
}

// Closed tells the broker that its end of c is closed, by itself (after
// Closes) or by the device: the will is published unless DISCONNECT
// discarded it, a clean session ends. Later inputs of c are ignored.
func (b *Broker) Closed(now int64, c int) {
	k := b.conns[c]
	if k == nil {
		return
	}
	delete(b.conns, c)
	delete(b.addrs, c)
	k.open = [2]bool{}
	b.core.closed(now, k)
}

// Timer fires a timer the broker asked for.
func (b *Broker) Timer(now int64, t BrokerTimer) {
	if k := b.live(t.Conn); k != nil {
		b.core.tick(now, k, t.kind)
	}
}

// Stop closes every connection as the broker process stops: their wills
// are lost with the process, not published, and the sessions stay.
func (b *Broker) Stop(now int64) {
	b.core.stopNote()
	b.core.stopping = true
	ids := make([]int, 0, len(b.conns))
	for id := range b.conns {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		k := b.conns[id]
		en, zh := k.b.clientID, k.b.clientID
		if !k.b.accepted {
			en, zh = "the device at "+b.addrs[id], b.addrs[id]+" 上的设备"
		}
		b.core.endWithProcess(en, zh, k)
		b.Closed(now, id)
	}
	b.core.stopping = false
}

// ClientID is the client id of the CONNECT accepted on c, "" before one
// is (or when c is not open).
func (b *Broker) ClientID(c int) string {
	if k := b.conns[c]; k != nil && k.b.accepted {
		return k.b.clientID
	}
	return ""
}

// Snapshot is the broker's state in its trace form: the very same value
// while nothing changed.
func (b *Broker) Snapshot() *trace.BrokerState { return b.core.snapshot() }

// Change is what changed in the broker's state since the last Snapshot or
// Change, as trace.Diff would find it (nil: nothing), without building
// the whole state; ok is false when only a Snapshot can say (a session
// came or went, a retained message changed). For trace.RecordChange.
func (b *Broker) Change() (c *trace.StateChange, ok bool) { return b.core.change() }

// Ready returns what the broker wants done after the inputs so far. The
// driver carries the effects out, in order, then calls Advance.
func (b *Broker) Ready() *BrokerEffects {
	r := &b.core.ready
	for _, o := range r.sends {
		b.fx.Sends = append(b.fx.Sends, BrokerSend{Conn: o.c.id, Send: Send{Bytes: o.bytes, Type: o.typ, PacketID: o.id}})
	}
	for _, t := range r.timers {
		b.fx.Timers = append(b.fx.Timers, BrokerTimer{At: t.at, Conn: t.c.id, Foreground: t.foreground, kind: t.kind})
	}
	for _, c := range r.closes {
		if !slices.Contains(b.fx.Closes, c.id) {
			b.fx.Closes = append(b.fx.Closes, c.id)
		}
	}
	b.fx.Notes = append(b.fx.Notes, r.notes...)
	b.fx.Refused = b.fx.Refused || r.refused
	clear(r.sends)
	r.sends, r.timers, r.closes, r.notes, r.refused = r.sends[:0], r.timers[:0], r.closes[:0], r.notes[:0], false
	return &b.fx
}

// Reuse gives the broker back the bytes of a send that were written,
// once nothing keeps them: it encodes later packets into them.
func (b *Broker) Reuse(p []byte) {
	if b.core.spare == nil {
		b.core.spare = &b.spare
	}
	if len(b.spare) < maxSpare && cap(p) <= maxSpareSize {
		b.spare = append(b.spare, p[:0])
	}
}

// The most buffers Reuse keeps, and the largest.
const (
	maxSpare     = 256
	maxSpareSize = 4096
)

// Advance tells the broker that its effects were carried out: Ready is
// empty until the next input.
func (b *Broker) Advance() {
	clear(b.fx.Sends)
	b.fx.Sends, b.fx.Timers, b.fx.Closes, b.fx.Notes = b.fx.Sends[:0], b.fx.Timers[:0], b.fx.Closes[:0], b.fx.Notes[:0]
	b.fx.Refused = false
}

// live is the open connection c, nil when it is not open.
func (b *Broker) live(c int) *conn {
	if k := b.conns[c]; k != nil && k.open[brokerEnd] {
		return k
	}
	return nil
}

package sim

import (
	"bytes"
	"slices"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// clientStatus is where a client's connection stands.
type clientStatus uint8

const (
	// offline: no connection.
	offline clientStatus = iota
	// connecting: CONNECT sent, no CONNACK yet.
	connecting
	// online: CONNACK 0 received.
	online
	// refused: a CONNACK refused the connection; the broker closes it.
	refused
)

// Client is an MQTT 3.1.1 client as a pure state machine, in the shape of
// etcd raft's RawNode: every input (an action, the bytes of a packet, a
// timer, the close of its connection) takes the time now, and what the
// client wants done collects in its Effects (Ready), which the driver
// carries out before it calls Advance. It holds no clock and no
// connection of its own, so the simulator's engine and a live driver (a
// real clock and a WebSocket) run the same client.
//
// It behaves as a conforming client library does: it acknowledges (unless
// told to hold), numbers its packets from a counter, keeps its QoS 1 and
// 2 state, resends with DUP on reconnect, pings when idle and gives up on
// a connection whose PINGRESP does not come. It has at most one
// connection at a time; a driver tells it of nothing but that one.
type Client struct {
	fx Effects
	// explain makes the client write notes (off for benchmarks); spare
	// are buffers to encode into, shared with the engine, nil when steps
	// keep the bytes.
	explain bool
	spare   *[][]byte
	// now is the time of the input being handled.
	now  int64
	name string
	// opts are the options for the next Connect; cur those of the
	// current or last connection, which the client's behaviour follows.
	opts ClientOptions
	cur  ClientOptions
	// conn numbers the current connection, 0 when there is none; conns
	// counts the connections opened.
	conn   uint32
	conns  uint32
	status clientStatus
	// out are the client's QoS 1 and 2 publications not yet complete.
	out window
	// in are the QoS 2 packet ids received and not yet released, with
	// their topics.
	in map[uint16]string
	// requests are the SUBSCRIBE and UNSUBSCRIBE packets awaiting their
	// acknowledgement, by packet id.
	requests map[uint16]codec.Packet
	// holding are the packet types the client withholds; held are the
	// packets withheld, oldest first.
	holding [16]bool
	held    []codec.Packet
	// lastSent is when the client last sent a packet; pingSent when it
	// sent the PINGREQ it waits an answer for (-1: none).
	lastSent int64
	pingSent int64
	// retryArmed says a retry timer is pending.
	retryArmed bool
	received   []Delivery
	deliveries int
	dirty      bool
	snap       *trace.ClientState
}

// NewClient makes a client named name (its lifeline in a trace) with the
// options of its first Connect, not connected, at no time yet.
func NewClient(name string, o ClientOptions) *Client {
	return &Client{
		explain:  true,
		name:     name,
		opts:     o,
		cur:      o,
		in:       map[uint16]string{},
		requests: map[uint16]codec.Packet{},
		pingSent: -1,
		dirty:    true,
	}
}

// Name is the client's name, its lifeline in a trace.
func (c *Client) Name() string { return c.name }

// SetOptions replaces the options; they take effect at the next Connect.
func (c *Client) SetOptions(o ClientOptions) { c.opts = o }

// Ready returns what the client wants done after the inputs so far. The
// driver carries the effects out, in order, then calls Advance.
func (c *Client) Ready() *Effects { return &c.fx }

// Advance tells the client that its effects were carried out: Ready is
// empty until the next input.
func (c *Client) Advance() { c.fx.clear() }

// Connected reports whether the client has a connection on which a
// CONNACK 0 came.
func (c *Client) Connected() bool { return c.status == online }

// Received returns the messages the client handed to its application, in
// order; empty when it does not explain (Options.NoRecord).
func (c *Client) Received() []Delivery { return c.received }

// DeliveryCount is how many messages the client handed to its
// application.
func (c *Client) DeliveryCount() int { return c.deliveries }

var errNotConnected = refuse("the client has no connection", "客户端没有网络连接")

// Connect opens a connection and sends CONNECT. With clean session 1 the
// client first discards its own session state. A client that kept its
// session resends its unfinished exchanges after CONNACK. [MQTT-3.1.2-6]
func (c *Client) Connect(now int64) error {
	c.now = now
	if c.conn != 0 {
		return refuse("client "+c.name+" is already connected", "客户端 "+c.name+" 已经连接")
	}
	o := c.opts
	p := &codec.Connect{
		ProtocolName:  "MQTT",
		ProtocolLevel: 4,
		CleanSession:  o.CleanSession,
		KeepAlive:     o.KeepAlive,
		ClientID:      o.ClientID,
		Will:          o.Will,
	}
	enc := codec.Encoder{}
	switch o.ProtocolLevel {
	case 0, 4:
	case 3:
		p.ProtocolName, p.ProtocolLevel = "MQIsdp", 3
	default:
		// Not a version the codec speaks: written as it is, for the
		// broker to refuse.
		p.ProtocolLevel, enc.AllowMalformed = o.ProtocolLevel, true
	}
	if o.Username != nil {
		p.HasUsername, p.Username = true, *o.Username
	}
	if o.Password != nil {
		p.HasPassword, p.Password = true, []byte(*o.Password)
	}
	b, err := enc.Append(nil, p)
	if err != nil {
		return err
	}
	return c.openWith(b, o.CleanSession, o.KeepAlive)
}

// ConnectRaw opens a connection and sends b in place of the client's own
// CONNECT: it takes the Clean Session flag and the keepalive from b when b
// decodes as a CONNECT, and from its options otherwise.
func (c *Client) ConnectRaw(now int64, b []byte) error {
	c.now = now
	if c.conn != 0 {
		return refuse("client "+c.name+" is already connected", "客户端 "+c.name+" 已经连接")
	}
	if len(b) == 0 {
		return refuse("no bytes to send", "没有要发送的字节")
	}
	clean, keepAlive := c.opts.CleanSession, c.opts.KeepAlive
	if p, err := codec.Decode(b); err == nil {
		if cp, ok := p.(*codec.Connect); ok {
			clean, keepAlive = cp.CleanSession, cp.KeepAlive
		}
	}
	return c.openWith(bytes.Clone(b), clean, keepAlive)
}

// openWith opens a connection and sends the CONNECT bytes b, which carry the
// Clean Session flag clean and the keepalive keepAlive.
func (c *Client) openWith(b []byte, clean bool, keepAlive uint16) error {
	c.cur = c.opts
	c.cur.CleanSession, c.cur.KeepAlive = clean, keepAlive
	if clean && c.hasSession() {
		c.out.flights = slices.DeleteFunc(c.out.flights, func(f *flight) bool { return f.stage != trace.StageUnsent })
		clear(c.in)
		c.note("MQTT-3.1.2-6", "clean session 1: "+c.name+" discards its unfinished QoS 1 and 2 exchanges",
			"清理会话为 1："+c.name+" 丢弃自己尚未完成确认的 QoS 1 和 QoS 2 消息")
	}
	c.openConn()
	c.writeRaw(b)
	c.armPing()
	return nil
}

// Open opens a connection and sends nothing: the driver writes the first
// bytes (SendRaw). The client waits for a CONNACK as after Connect, with
// its options' Clean Session and keepalive, and sets no PINGREQ timer: it
// has not sent a keepalive.
func (c *Client) Open(now int64) error {
	c.now = now
	if c.conn != 0 {
		return refuse("client "+c.name+" is already connected", "客户端 "+c.name+" 已经连接")
	}
	c.cur = c.opts
	c.openConn()
	c.note("", c.name+" opens a network connection and sends nothing yet: the next bytes are the scenario's",
		c.name+" 建立网络连接，但先不发送任何报文：接下来的字节由场景给出")
	return nil
}

// openConn asks for a new connection, which the client then waits for a
// CONNACK on.
func (c *Client) openConn() {
	clear(c.requests)
	c.conns++
	c.conn = c.conns
	c.fx.Open = true
	c.status = connecting
	c.dirty = true
}

// hasSession reports whether the client holds session state.
func (c *Client) hasSession() bool {
	return len(c.in) > 0 || slices.ContainsFunc(c.out.flights, func(f *flight) bool { return f.stage != trace.StageUnsent })
}

// send writes a packet on the current connection with the strict
// encoder, which refuses anything malformed.
func (c *Client) send(p codec.Packet) error {
	b, err := encodeSpare(c.spare, p, codec.Encoder{})
	if err != nil {
		return err
	}
	c.fx.Sends = append(c.fx.Sends, Send{Bytes: b, Type: p.Type(), PacketID: packetID(p)})
	c.lastSent = c.now
	return nil
}

// writeRaw writes bytes as they are on the current connection.
func (c *Client) writeRaw(b []byte) error {
	typ, id, err := rawInfo(b)
	if err != nil {
		return err
	}
	c.fx.Sends = append(c.fx.Sends, Send{Bytes: b, Type: typ, PacketID: id})
	c.lastSent = c.now
	return nil
}

// timer asks for a timer on the current connection.
func (c *Client) timer(at int64, k timerKind, foreground bool) {
	c.fx.Timers = append(c.fx.Timers, Timer{At: at, Foreground: foreground, kind: k, conn: c.conn})
}

// close asks for the current connection to be closed.
func (c *Client) close() { c.fx.Close = true }

// ack sends an acknowledgement, or keeps it when told to hold its type.
func (c *Client) ack(p codec.Packet) {
	if c.holding[p.Type()] {
		c.held = append(c.held, p)
		c.note("", c.name+" withholds its "+p.Type().String()+" (told to)", c.name+" 按场景的要求暂不发送 "+p.Type().String())
		return
	}
	c.send(p)
}

// Hold starts (on) or ends withholding packets of the given types (PUBACK,
// PUBREC, PUBREL, PUBCOMP): the client updates its state as if it had sent
// them but keeps the packets. Ending it sends what was held of those
// types, oldest first, on the current connection (none if there is none).
func (c *Client) Hold(now int64, types []codec.PacketType, on bool) error {
	c.now = now
	for _, t := range types {
		switch t {
		case codec.PUBACK, codec.PUBREC, codec.PUBREL, codec.PUBCOMP:
		default:
			return refuse("only PUBACK, PUBREC, PUBREL and PUBCOMP can be held, not "+t.String(), "只能暂扣 PUBACK、PUBREC、PUBREL 和 PUBCOMP，不能暂扣 "+t.String())
		}
		c.holding[t] = on
	}
	if on {
		return nil
	}
	var keep []codec.Packet
	for _, p := range c.held {
		switch {
		case c.holding[p.Type()]:
			keep = append(keep, p)
		case c.conn != 0:
			c.note("", c.name+" sends the "+p.Type().String()+" it held", c.name+" 发送之前暂扣的 "+p.Type().String())
			c.send(p)
		}
	}
	c.held = keep
	return nil
}

// nextID picks the next packet id not in use: a counter from 1 that wraps
// and skips ids of unfinished exchanges; an error when all 65535 are in
// use. [MQTT-2.3.1-2]
func (c *Client) nextID() (uint16, error) {
	if c.out.len()+len(c.requests) >= maxInflight {
		return 0, refuse("client "+c.name+" has all 65535 packet ids in use (MQTT-2.3.1-2: a new packet needs an unused one)", "客户端 "+c.name+" 的 65535 个报文标识符都在使用中（MQTT-2.3.1-2：新报文必须使用未被占用的标识符）")
	}
	return c.out.nextID(c.requested), nil
}

// requested reports whether a SUBSCRIBE or UNSUBSCRIBE awaits its
// acknowledgement under packet id id.
func (c *Client) requested(id uint16) bool {
	_, ok := c.requests[id]
	return ok
}

// note adds an explanation; notef formats one.
func (c *Client) note(rule, en, zh string) {
	if c.explain {
		c.fx.Notes = append(c.fx.Notes, trace.Note{Text: trace.Text{EN: en, ZH: zh}, Rule: rule})
	}
}

func (c *Client) notef(rule, en, zh string, args ...any) {
	if c.explain {
		c.note(rule, sprintf(en, args...), sprintf(zh, args...))
	}
}

// Snapshot returns the client's state in its trace form. It is rebuilt
// only after a change: an unchanged client gives the very same value,
// which the caller must not change.
func (c *Client) Snapshot() *trace.ClientState {
	if !c.dirty && c.snap != nil {
		return c.snap
	}
	st := &trace.ClientState{Name: c.name, ClientID: c.cur.ClientID, Connected: c.status == online, Inflight: []trace.Inflight{}}
	st.Inflight = c.out.inflight(st.Inflight)
	ids := make([]uint16, 0, len(c.in))
	for id := range c.in {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		st.Inflight = append(st.Inflight, trace.Inflight{PacketID: id, QoS: 2, Direction: trace.In, Stage: trace.StagePubrecSent, Topic: c.in[id]})
	}
	c.snap, c.dirty = st, false
	return st
}

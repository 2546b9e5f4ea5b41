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

// client is a scripted MQTT client: it does what the World tells it and
// otherwise behaves as a conforming client library does. It acknowledges
// (unless told to hold), numbers its packets from a counter, keeps its QoS
// 1 and 2 state, resends with DUP on reconnect, pings when idle and gives
// up on a connection whose PINGRESP does not come.
type client struct {
	ready
	eng  *engine
	name string
	// opts are the options for the next Connect; cur those of the
	// current or last connection, which the client's behaviour follows.
	opts   ClientOptions
	cur    ClientOptions
	link   *Link
	conn   *conn
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

func newClient(e *engine, name string, o ClientOptions, latency int64) *client {
	c := &client{
		ready:    ready{explain: e.record},
		eng:      e,
		name:     name,
		opts:     o,
		cur:      o,
		in:       map[uint16]string{},
		requests: map[uint16]codec.Packet{},
		pingSent: -1,
		dirty:    true,
	}
	c.link = &Link{eng: e, client: name, latency: [2]int64{latency, latency}}
	return c
}

func (c *client) nodeName() string { return c.name }
func (c *client) effects() *ready  { return &c.ready }
func (c *client) connected() bool  { return c.status == online }

var errNotConnected = refuse("the client has no connection", "客户端没有网络连接")

// connect opens a connection and sends CONNECT. With clean session 1 the
// client first discards its own session state. [MQTT-3.1.2-6]
func (c *client) connect() error {
	if c.conn != nil {
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
	return c.open(b, o.CleanSession, o.KeepAlive)
}

// connectRaw opens a connection and sends b in place of the client's own
// CONNECT.
func (c *client) connectRaw(b []byte) error {
	if c.conn != nil {
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
	return c.open(bytes.Clone(b), clean, keepAlive)
}

// open opens a connection and sends the CONNECT bytes b, which carry the
// Clean Session flag clean and the keepalive keepAlive.
func (c *client) open(b []byte, clean bool, keepAlive uint16) error {
	c.cur = c.opts
	c.cur.CleanSession, c.cur.KeepAlive = clean, keepAlive
	if clean && c.hasSession() {
		c.out.flights = slices.DeleteFunc(c.out.flights, func(f *flight) bool { return f.stage != trace.StageUnsent })
		clear(c.in)
		c.note("MQTT-3.1.2-6", "clean session 1: "+c.name+" discards its unfinished QoS 1 and 2 exchanges",
			"清理会话为 1："+c.name+" 丢弃自己尚未完成确认的 QoS 1 和 QoS 2 消息")
	}
	clear(c.requests)
	c.conn = c.eng.open(c)
	c.status = connecting
	c.dirty = true
	c.ready.sendRaw(c.conn, b)
	c.lastSent = c.eng.now
	c.armPing()
	c.eng.act(c, trace.KindConnect, true)
	return nil
}

// openBare opens a connection and sends nothing: the scenario writes the
// first bytes. No PINGREQ timer: the client has not sent a keepalive.
func (c *client) openBare() error {
	if c.conn != nil {
		return refuse("client "+c.name+" is already connected", "客户端 "+c.name+" 已经连接")
	}
	c.cur = c.opts
	clear(c.requests)
	c.conn = c.eng.open(c)
	c.status = connecting
	c.dirty = true
	c.note("", c.name+" opens a network connection and sends nothing yet: the next bytes are the scenario's",
		c.name+" 建立网络连接，但先不发送任何报文：接下来的字节由场景给出")
	c.eng.act(c, trace.KindConnect, true)
	return nil
}

// hasSession reports whether the client holds session state.
func (c *client) hasSession() bool {
	return len(c.in) > 0 || slices.ContainsFunc(c.out.flights, func(f *flight) bool { return f.stage != trace.StageUnsent })
}

// send writes a packet on the current connection.
func (c *client) send(p codec.Packet) error {
	if err := c.ready.send(c.conn, p); err != nil {
		return err
	}
	c.lastSent = c.eng.now
	return nil
}

// ack sends an acknowledgement, or keeps it when told to hold its type.
func (c *client) ack(p codec.Packet) {
	if c.holding[p.Type()] {
		c.held = append(c.held, p)
		c.note("", c.name+" withholds its "+p.Type().String()+" (told to)", c.name+" 按场景的要求暂不发送 "+p.Type().String())
		return
	}
	c.send(p)
}

// hold starts or ends withholding packets of the given types; ending it
// sends what was held of those types.
func (c *client) hold(types []codec.PacketType, on bool) error {
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
		case c.conn != nil && c.conn.open[clientEnd]:
			c.note("", c.name+" sends the "+p.Type().String()+" it held", c.name+" 发送之前暂扣的 "+p.Type().String())
			c.send(p)
		}
	}
	c.held = keep
	c.eng.act(c, trace.KindNote, false)
	return nil
}

// nextID picks the next packet id not in use: a counter from 1 that wraps
// and skips ids of unfinished exchanges; an error when all 65535 are in
// use. [MQTT-2.3.1-2]
func (c *client) nextID() (uint16, error) {
	if c.out.len()+len(c.requests) >= maxInflight {
		return 0, refuse("client "+c.name+" has all 65535 packet ids in use (MQTT-2.3.1-2: a new packet needs an unused one)", "客户端 "+c.name+" 的 65535 个报文标识符都在使用中（MQTT-2.3.1-2：新报文必须使用未被占用的标识符）")
	}
	return c.out.nextID(c.requested), nil
}

// requested reports whether a SUBSCRIBE or UNSUBSCRIBE awaits its
// acknowledgement under packet id id.
func (c *client) requested(id uint16) bool {
	_, ok := c.requests[id]
	return ok
}

// note adds an explanation; notef formats one.
func (c *client) note(rule, en, zh string) { c.ready.note(rule, en, zh) }

func (c *client) notef(rule, en, zh string, args ...any) {
	if c.explain {
		c.ready.note(rule, sprintf(en, args...), sprintf(zh, args...))
	}
}

// snapshot returns the client's trace form, rebuilt only after a change.
func (c *client) snapshot() *trace.ClientState {
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

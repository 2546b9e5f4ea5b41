package sim

import (
	"bytes"
	"slices"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// Publish sends an application message; at QoS 1 and 2 the client keeps
// it until the exchange completes, and keeps it to send after the next
// CONNACK when it has no connection (QoS 0 is then lost, with a note).
// [MQTT 4.3]
func (c *Client) Publish(now int64, topic string, payload []byte, qos codec.QoS, retain bool) error {
	c.now = now
	p := &codec.Publish{QoS: qos, Retain: retain, Topic: strings.Clone(topic), Payload: bytes.Clone(payload)}
	if qos > codec.AtMostOnce {
		id, err := c.nextID()
		if err != nil {
			return err
		}
		p.PacketID = id
	}
	if _, err := codec.Append(nil, p); err != nil {
		return err
	}
	if qos == codec.AtMostOnce {
		if c.conn == 0 {
			c.note("MQTT 4.3.1", c.name+" has no connection: a QoS 0 message is simply lost",
				c.name+" 没有连接：QoS 0 的消息直接丢失")
			return nil
		}
		c.send(p)
		return nil
	}
	f := &flight{id: p.PacketID, msg: &message{topic: p.Topic, payload: p.Payload, qos: qos, retain: retain}, qos: qos, retain: retain}
	c.out.add(f)
	c.dirty = true
	if c.conn == 0 {
		c.notef("MQTT 4.3", "%s has no connection: it keeps the QoS %d message (id=%d) and sends it after the next CONNACK",
			"%s 没有连接：先保存这条 QoS %d 的消息（id=%d），下次收到 CONNACK 后再发送", c.name, qos, p.PacketID)
	} else {
		c.sendOut(f)
	}
	return nil
}

// sendOut sends a publication by its stage (see transmit) and sets the
// resend timer if none is pending.
func (c *Client) sendOut(f *flight) {
	c.transmit(f)
	c.armRetry()
}

// transmit sends a publication's PUBLISH (DUP 1 when it was sent before)
// or, once PUBREC came, its PUBREL. [MQTT-3.3.1-1, MQTT-4.3.3-1]
func (c *Client) transmit(f *flight) {
	var p codec.Publish
	c.send(f.packet(&p))
	f.sentAt = c.now
	if f.stage == trace.StageUnsent {
		f.stage = trace.StagePublishSent
	}
	c.dirty = true
}

// Subscribe sends one SUBSCRIBE with the given filters and a new packet
// id.
func (c *Client) Subscribe(now int64, subs ...codec.Subscription) error {
	c.now = now
	if c.conn == 0 {
		return errNotConnected
	}
	id, err := c.nextID()
	if err != nil {
		return err
	}
	p := &codec.Subscribe{PacketID: id, Subscriptions: slices.Clone(subs)}
	if err := c.send(p); err != nil {
		return err
	}
	c.requests[p.PacketID] = p
	return nil
}

// Unsubscribe sends one UNSUBSCRIBE with the given filters and a new
// packet id.
func (c *Client) Unsubscribe(now int64, filters ...string) error {
	c.now = now
	if c.conn == 0 {
		return errNotConnected
	}
	id, err := c.nextID()
	if err != nil {
		return err
	}
	p := &codec.Unsubscribe{PacketID: id, Filters: slices.Clone(filters)}
	if err := c.send(p); err != nil {
		return err
	}
	c.requests[p.PacketID] = p
	return nil
}

// Ping sends PINGREQ now and waits for PINGRESP.
func (c *Client) Ping(now int64) error {
	c.now = now
	if c.conn == 0 {
		return errNotConnected
	}
	c.sendPing()
	return nil
}

// Disconnect sends DISCONNECT and closes the connection: the graceful
// goodbye after which the broker discards the will. [MQTT-3.14.4-1]
func (c *Client) Disconnect(now int64) error {
	c.now = now
	if c.conn == 0 {
		return errNotConnected
	}
	c.send(&codec.Disconnect{})
	c.note("MQTT-3.14.4-1", c.name+" sends DISCONNECT and closes the network connection: the broker must discard its will",
		c.name+" 发送 DISCONNECT 后关闭网络连接，服务端必须丢弃它的遗嘱消息")
	c.close()
	return nil
}

// Abort closes the connection without DISCONNECT, as a crashed device
// would: the broker publishes the will.
func (c *Client) Abort(now int64) error {
	c.now = now
	if c.conn == 0 {
		return errNotConnected
	}
	c.note("MQTT-3.1.2-8", c.name+" closes its network connection without DISCONNECT: the broker will publish its will",
		c.name+" 没有发送 DISCONNECT 就关闭了网络连接，服务端将发布它的遗嘱消息")
	c.close()
	return nil
}

// SendRaw writes b as it is on the current connection: malformed packets,
// a second CONNECT, half a packet. The client's own state does not change.
func (c *Client) SendRaw(now int64, b []byte) error {
	c.now = now
	if c.conn == 0 {
		return errNotConnected
	}
	return c.writeRaw(bytes.Clone(b))
}

// sendPing sends PINGREQ and sets the timer for its answer. [MQTT 3.1.2.10]
func (c *Client) sendPing() {
	c.send(&codec.Pingreq{})
	c.pingSent = c.now
	c.timer(c.now+c.pingTimeout(), timerPingResp, false)
}

// pingTimeout is how long the client waits for PINGRESP.
func (c *Client) pingTimeout() int64 {
	if c.cur.PingTimeout > 0 {
		return c.cur.PingTimeout
	}
	if c.cur.KeepAlive > 0 {
		return int64(c.cur.KeepAlive) * 1000
	}
	return 30000
}

// armPing sets the idle timer of keepalive.
func (c *Client) armPing() {
	if c.cur.KeepAlive > 0 {
		c.timer(c.lastSent+int64(c.cur.KeepAlive)*1000, timerPing, false)
	}
}

// armRetry sets the resend timer when the option is on and none is
// pending.
func (c *Client) armRetry() {
	if c.cur.RetryInterval <= 0 || c.retryArmed || c.conn == 0 {
		return
	}
	c.retryArmed = true
	c.timer(c.now+c.cur.RetryInterval, timerRetry, true)
}

package sim

import (
	"bytes"
	"slices"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// publish sends an application message; at QoS 1 and 2 the client keeps it
// until the exchange completes, and keeps it to send later when it has no
// connection. [MQTT 4.3]
func (c *client) publish(topic string, payload []byte, qos codec.QoS, retain bool) error {
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
		if c.conn == nil {
			c.note("MQTT 4.3.1", c.name+" has no connection: a QoS 0 message is simply lost",
				c.name+" 没有连接：QoS 0 的消息直接丢失")
			c.eng.act(c, trace.KindNote, false)
			return nil
		}
		c.send(p)
		c.eng.act(c, trace.KindNote, false)
		return nil
	}
	f := &flight{id: p.PacketID, msg: &message{topic: p.Topic, payload: p.Payload, qos: qos, retain: retain}, qos: qos, retain: retain}
	c.out.add(f)
	c.dirty = true
	if c.conn == nil {
		c.notef("MQTT 4.3", "%s has no connection: it keeps the QoS %d message (id=%d) and sends it after the next CONNACK",
			"%s 没有连接：先保存这条 QoS %d 的消息（id=%d），下次收到 CONNACK 后再发送", c.name, qos, p.PacketID)
	} else {
		c.sendOut(f)
	}
	c.eng.act(c, trace.KindNote, false)
	return nil
}

// sendOut sends a publication by its stage (see transmit) and sets the
// resend timer if none is pending.
func (c *client) sendOut(f *flight) {
	c.transmit(f)
	c.armRetry()
}

// transmit sends a publication's PUBLISH (DUP 1 when it was sent before)
// or, once PUBREC came, its PUBREL. [MQTT-3.3.1-1, MQTT-4.3.3-1]
func (c *client) transmit(f *flight) {
	var p codec.Publish
	c.send(f.packet(&p))
	f.sentAt = c.eng.now
	if f.stage == trace.StageUnsent {
		f.stage = trace.StagePublishSent
	}
	c.dirty = true
}

// subscribe sends SUBSCRIBE with a new packet id.
func (c *client) subscribe(subs []codec.Subscription) error {
	if c.conn == nil {
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
	c.eng.act(c, trace.KindNote, false)
	return nil
}

// unsubscribe sends UNSUBSCRIBE with a new packet id.
func (c *client) unsubscribe(filters []string) error {
	if c.conn == nil {
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
	c.eng.act(c, trace.KindNote, false)
	return nil
}

// ping sends PINGREQ and waits for PINGRESP.
func (c *client) ping() error {
	if c.conn == nil {
		return errNotConnected
	}
	c.sendPing()
	c.eng.act(c, trace.KindNote, false)
	return nil
}

// disconnect sends DISCONNECT and closes the connection. [MQTT-3.14.4-1]
func (c *client) disconnect() error {
	if c.conn == nil {
		return errNotConnected
	}
	c.send(&codec.Disconnect{})
	c.note("MQTT-3.14.4-1", c.name+" sends DISCONNECT and closes the network connection: the broker must discard its will",
		c.name+" 发送 DISCONNECT 后关闭网络连接，服务端必须丢弃它的遗嘱消息")
	c.close(c.conn)
	c.eng.act(c, trace.KindNote, false)
	return nil
}

// abort closes the connection without DISCONNECT.
func (c *client) abort() error {
	if c.conn == nil {
		return errNotConnected
	}
	c.note("MQTT-3.1.2-8", c.name+" closes its network connection without DISCONNECT: the broker will publish its will",
		c.name+" 没有发送 DISCONNECT 就关闭了网络连接，服务端将发布它的遗嘱消息")
	c.close(c.conn)
	c.eng.act(c, trace.KindNote, false)
	return nil
}

// sendRaw writes bytes as they are on the current connection.
func (c *client) sendRaw(b []byte) error {
	if c.conn == nil {
		return errNotConnected
	}
	if err := c.ready.sendRaw(c.conn, bytes.Clone(b)); err != nil {
		return err
	}
	c.lastSent = c.eng.now
	c.eng.act(c, trace.KindNote, false)
	return nil
}

// sendPing sends PINGREQ and sets the timer for its answer. [MQTT 3.1.2.10]
func (c *client) sendPing() {
	c.send(&codec.Pingreq{})
	c.pingSent = c.eng.now
	c.timer(c.eng.now+c.pingTimeout(), timerPingResp, c.conn, false)
}

// pingTimeout is how long the client waits for PINGRESP.
func (c *client) pingTimeout() int64 {
	if c.cur.PingTimeout > 0 {
		return c.cur.PingTimeout
	}
	if c.cur.KeepAlive > 0 {
		return int64(c.cur.KeepAlive) * 1000
	}
	return 30000
}

// armPing sets the idle timer of keepalive.
func (c *client) armPing() {
	if c.cur.KeepAlive > 0 {
		c.timer(c.lastSent+int64(c.cur.KeepAlive)*1000, timerPing, c.conn, false)
	}
}

// armRetry sets the resend timer when the option is on and none is
// pending.
func (c *client) armRetry() {
	if c.cur.RetryInterval <= 0 || c.retryArmed || c.conn == nil {
		return
	}
	c.retryArmed = true
	c.timer(c.eng.now+c.cur.RetryInterval, timerRetry, c.conn, true)
}

package sim

import (
	"bytes"
	"strconv"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// Receive handles the bytes of one packet from the broker, a frame as
// codec.Splitter cuts the stream: decoded, or a protocol violation that
// closes the connection when they do not decode.
func (c *Client) Receive(now int64, frame []byte) {
	p, err := codec.Decode(frame)
	if err != nil {
		c.Malformed(now, frame, err)
		return
	}
	c.Packet(now, p)
}

// Packet handles one decoded packet from the broker; Receive decodes
// bytes for it. Nothing happens without a connection.
func (c *Client) Packet(now int64, p codec.Packet) {
	c.now = now
	if c.conn == 0 {
		return
	}
	switch p := p.(type) {
	case *codec.Connack:
		c.connack(now, p)
	case *codec.Publish:
		c.receive(now, p)
	case *codec.Puback:
		c.finish(p.PacketID, c.out.puback(p.PacketID), "MQTT 4.3.2", "PUBACK", codec.AtLeastOnce)
	case *codec.Pubrec:
		c.pubrec(now, p.PacketID)
	case *codec.Pubrel:
		if _, ok := c.in[p.PacketID]; ok {
			delete(c.in, p.PacketID)
			c.dirty = true
		}
		c.notef("MQTT 4.3.3", "PUBREL id=%d: %s forgets the id and answers PUBCOMP", "收到 PUBREL id=%d：%s 删除这个报文标识符并回复 PUBCOMP", p.PacketID, c.name)
		c.ack(&codec.Pubcomp{PacketID: p.PacketID})
	case *codec.Pubcomp:
		c.finish(p.PacketID, c.out.pubcomp(p.PacketID), "MQTT 4.3.3", "PUBCOMP", codec.ExactlyOnce)
	case *codec.Suback:
		c.suback(p)
	case *codec.Unsuback:
		delete(c.requests, p.PacketID)
		c.notef("MQTT 3.11", "UNSUBACK id=%d: the unsubscribe is done", "收到 UNSUBACK id=%d：取消订阅完成", p.PacketID)
	case *codec.Pingresp:
		c.pingSent = -1
		c.note("MQTT 3.13", "PINGRESP: the broker is alive, the connection is fine", "收到 PINGRESP：服务端在线，连接正常")
	default:
		c.note("MQTT-4.8.0-1", "a broker never sends "+p.Type().String()+": protocol violation, "+c.name+" closes the connection",
			"服务端不能发送 "+p.Type().String()+"：属于协议违规，"+c.name+" 关闭连接")
		c.fx.Refused = true
		c.close()
	}
}

// connack ends the connection handshake: on 0 the client resends what
// its session left unfinished, in order. [MQTT 3.2, MQTT-4.4.0-1]
func (c *Client) connack(now int64, p *codec.Connack) {
	if c.status != connecting {
		c.note("MQTT-4.8.0-1", "a second CONNACK is a protocol violation: "+c.name+" closes the connection",
			"第二个 CONNACK 属于协议违规："+c.name+" 关闭连接")
		c.fx.Refused = true
		c.close()
		return
	}
	if p.ReturnCode != codec.Accepted {
		c.status = refused
		c.notef("MQTT 3.2.2.3", "CONNACK return code 0x%02x: the broker refused the connection", "CONNACK 返回码 0x%02x：服务端拒绝了连接", byte(p.ReturnCode))
		return
	}
	c.status = online
	c.dirty = true
	c.notef("MQTT 3.2.2", "CONNACK 0: %s is connected, session present %d", "CONNACK 返回码 0：%s 连接成功，当前会话标志为 %d", c.name, b2i(p.SessionPresent))
	if !p.SessionPresent && len(c.in) > 0 {
		clear(c.in)
		c.note("MQTT 3.2.2.2", "session present 0: the broker kept no session, so "+c.name+" forgets the QoS 2 ids it was waiting to see released",
			"当前会话标志为 0：服务端没有保存会话，"+c.name+" 丢弃正在等待 PUBREL 的 QoS 2 报文标识符")
	}
	for _, f := range c.out.flights {
		switch f.stage {
		case trace.StageUnsent:
			c.notef("MQTT 4.3", "%s sends the message it kept while offline (id=%d)", "%s 发送离线时保存的消息（id=%d）", c.name, f.id)
		case trace.StagePublishSent:
			c.notef("MQTT-4.4.0-1", "%s resends PUBLISH id=%d with DUP 1", "%s 重发 PUBLISH id=%d，重发标志 DUP 置 1", c.name, f.id)
		case trace.StagePubrelSent:
			c.notef("MQTT-4.4.0-1", "%s resends PUBREL id=%d", "%s 重发 PUBREL id=%d", c.name, f.id)
		}
		c.sendOut(f)
	}
}

// receive takes a PUBLISH from the broker: delivered to the application
// once, except a QoS 1 duplicate, which a client may deliver again.
// [MQTT 4.3.2, MQTT-4.3.3-2]
func (c *Client) receive(now int64, p *codec.Publish) {
	switch p.QoS {
	case codec.AtMostOnce:
		c.deliver(now, p)
	case codec.AtLeastOnce:
		c.deliver(now, p)
		c.notef("MQTT-4.3.2-2", "%s answers PUBACK id=%d", "%s 回复 PUBACK id=%d", c.name, p.PacketID)
		c.ack(&codec.Puback{PacketID: p.PacketID})
	case codec.ExactlyOnce:
		if _, seen := c.in[p.PacketID]; seen {
			c.notef("MQTT-4.3.3-2", "id=%d was already received and not yet released: %s does not deliver it twice, PUBREC again",
				"id=%d 已经收到且尚未释放：%s 不会再次交给应用程序，只再回复一次 PUBREC", p.PacketID, c.name)
		} else {
			c.in[p.PacketID] = strings.Clone(p.Topic)
			c.dirty = true
			c.deliver(now, p)
		}
		c.ack(&codec.Pubrec{PacketID: p.PacketID})
	}
}

// deliver hands a message to the application.
func (c *Client) deliver(now int64, p *codec.Publish) {
	c.deliveries++
	if !c.explain {
		return
	}
	c.received = append(c.received, Delivery{
		Time: now, Topic: strings.Clone(p.Topic), Payload: bytes.Clone(p.Payload),
		QoS: p.QoS, Retain: p.Retain, Dup: p.Dup, PacketID: p.PacketID,
	})
	c.notef("", "%s hands %q on %s to its application", "%[1]s 把主题 %[3]s 上的消息 %[2]q 交给应用程序", c.name, p.Payload, p.Topic)
}

// finish reports a publication acknowledged by PUBACK or PUBCOMP: done
// says the window matched and completed it.
func (c *Client) finish(id uint16, done bool, rule, what string, qos codec.QoS) {
	if !done {
		c.notef(rule, "%s id=%d matches nothing in flight: ignored", "%s id=%d 没有对应的未确认消息：忽略", what, id)
		return
	}
	c.dirty = true
	c.notef(rule, "%s id=%d: the QoS %d publication is complete", "收到 %s id=%d：QoS %d 的发布流程完成", what, id, qos)
}

// pubrec answers PUBREC with PUBREL; the PUBLISH is not sent again after
// that. [MQTT-4.3.3-1]
func (c *Client) pubrec(now int64, id uint16) {
	if !c.out.pubrec(id, now) {
		c.notef("MQTT 4.3.3", "PUBREC id=%d matches nothing in flight: ignored", "PUBREC id=%d 没有对应的未确认消息：忽略", id)
		return
	}
	c.dirty = true
	c.notef("MQTT-4.3.3-1", "PUBREC id=%d: %s answers PUBREL", "收到 PUBREC id=%d：%s 回复 PUBREL", id, c.name)
	c.ack(&codec.Pubrel{PacketID: id})
}

// suback reports each filter's grant.
func (c *Client) suback(p *codec.Suback) {
	req, _ := c.requests[p.PacketID].(*codec.Subscribe)
	delete(c.requests, p.PacketID)
	for i, code := range p.ReturnCodes {
		// A SUBSCRIBE written as raw bytes left no request: the filter is
		// then named by its place in the packet.
		f := trace.Text{EN: "filter " + strconv.Itoa(i+1), ZH: "第 " + strconv.Itoa(i+1) + " 个主题过滤器"}
		if req != nil && i < len(req.Subscriptions) {
			f = trace.Text{EN: req.Subscriptions[i].Filter, ZH: req.Subscriptions[i].Filter + " "}
		}
		if code == codec.SubackFailure {
			c.note("MQTT 3.9.3", "SUBACK 0x80: the broker refused "+f.EN, "SUBACK 返回码 0x80：服务端拒绝了订阅 "+strings.TrimSpace(f.ZH))
			continue
		}
		q := strconv.Itoa(int(code))
		c.note("MQTT 3.9.3", "SUBACK: "+f.EN+" granted QoS "+q, "SUBACK："+f.ZH+"被授予 QoS "+q)
	}
}

// Malformed handles bytes from the broker that do not decode (frame, nil
// when the stream itself cannot be cut; err says why): the client closes
// the connection.
func (c *Client) Malformed(now int64, frame []byte, err error) {
	c.now = now
	if c.conn == 0 {
		return
	}
	rule, en, zh := describeError(err)
	c.note(rule, "malformed packet: "+en+" "+c.name+" closes the connection.", "畸形报文："+zh+c.name+" 关闭连接。")
	c.fx.Refused = true
	c.close()
}

// Closed tells the client that its connection is closed: it closed it
// itself, the broker's close arrived or the network failed. The session
// state stays for the next Connect.
func (c *Client) Closed(now int64) {
	c.now = now
	if c.conn == 0 {
		return
	}
	c.conn = 0
	c.status = offline
	c.pingSent = -1
	c.retryArmed = false
	c.dirty = true
	if !c.cur.CleanSession && c.hasSession() {
		c.note("MQTT 4.4", c.name+" keeps its unfinished exchanges to resend when it reconnects",
			c.name+" 保留尚未完成确认的消息，重新连接后再重发")
	}
}

// Timer fires a timer the client asked for (the keepalive ping, the
// PINGRESP watch, the resend timer); one of an earlier connection does
// nothing. [MQTT-3.1.2-23, MQTT 3.1.2.10]
func (c *Client) Timer(now int64, t Timer) {
	c.now = now
	if c.conn == 0 || t.conn != c.conn {
		return
	}
	switch t.kind {
	case timerPing:
		due := c.lastSent + int64(c.cur.KeepAlive)*1000
		if now < due {
			c.timer(due, timerPing, false)
			return
		}
		c.notef("MQTT-3.1.2-23", "%s has sent nothing for keepalive %d s: it sends PINGREQ",
			"%s 在保持连接时间 %d 秒内没有发送任何报文：发送 PINGREQ", c.name, c.cur.KeepAlive)
		c.sendPing()
		c.armPing()
	case timerPingResp:
		if c.pingSent < 0 || now < c.pingSent+c.pingTimeout() {
			return
		}
		c.notef("MQTT 3.1.2.10", "no PINGRESP within %d ms of PINGREQ: %s gives the connection up and closes it",
			"PINGREQ 之后 %d 毫秒内没有收到 PINGRESP：%s 认为连接已断开并关闭它", c.pingTimeout(), c.name)
		c.close()
	case timerRetry:
		c.retryArmed = false
		next := c.out.retry(now, c.cur.RetryInterval, func(f *flight) {
			c.notef("MQTT 4.4", "%s has waited %d ms for an answer to id=%d: it sends again",
				"%s 已等待 %[2]d 毫秒仍没有收到 id=%[3]d 的应答：再次发送", c.name, c.cur.RetryInterval, f.id)
			c.transmit(f)
		})
		if next >= 0 {
			c.retryArmed = true
			c.timer(next, timerRetry, true)
		}
	}
}

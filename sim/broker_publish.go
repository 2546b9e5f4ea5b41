package sim

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// publish handles an application message from a client, at its QoS.
// [MQTT 3.3.4, 4.3]
func (b *broker) publish(now int64, s *session, p *codec.Publish) {
	m := &message{topic: p.Topic, payload: p.Payload, qos: p.QoS, retain: p.Retain}
	if !b.shared {
		m.topic, m.payload = strings.Clone(p.Topic), bytes.Clone(p.Payload)
	}
	c := s.conn.c
	switch p.QoS {
	case codec.AtMostOnce:
		b.accept(now, m)
	case codec.AtLeastOnce:
		b.accept(now, m)
		if b.explain {
			b.noteText("MQTT-4.3.2-2", b.text().add("QoS 1: the broker takes the message and answers PUBACK id=").id(p.PacketID).
				chinese().add("QoS 1：服务端接收这条消息，回复 PUBACK id=").id(p.PacketID))
		}
		b.send(c, &codec.Puback{PacketID: p.PacketID})
	case codec.ExactlyOnce:
		if _, seen := s.in[p.PacketID]; seen {
			b.notef("MQTT-4.3.3-2",
				"QoS 2 id=%d was already received and not yet released: no second delivery, PUBREC again",
				"QoS 2 的 id=%d 已经收到且尚未释放：不再投递第二次，只再回复一次 PUBREC", p.PacketID)
		} else if b.opts.ForwardOnPubrel {
			s.in[p.PacketID] = m
			b.notef("MQTT 4.3.3", "QoS 2: the broker keeps the message and forwards it only after PUBREL id=%d (option: forward on PUBREL, method A of the spec)",
				"QoS 2：服务端先保存消息，收到 PUBREL id=%d 后才转发（选项：收到 PUBREL 时转发，即规范中的方法 A）", p.PacketID)
		} else {
			s.in[p.PacketID] = nil
			b.notef("MQTT 4.3.3", "QoS 2: the broker forwards the message now and keeps only id=%d until PUBREL (option: forward on PUBLISH, method B of the spec)",
				"QoS 2：服务端立即转发消息，只保存报文标识符 %d 直到收到 PUBREL（选项：收到 PUBLISH 时转发，即规范中的方法 B）", p.PacketID)
			b.accept(now, m)
		}
		b.markSession(s)
		b.send(c, &codec.Pubrec{PacketID: p.PacketID})
	}
}

// pubrel releases a QoS 2 message from a client: forwarded now if it was
// held, and PUBCOMP either way. [MQTT-4.3.3-2, MQTT 3.6.4]
func (b *broker) pubrel(now int64, s *session, id uint16) {
	m, ok := s.in[id]
	switch {
	case !ok:
		b.notef("MQTT 3.6.4", "PUBREL id=%d for an exchange the broker no longer holds (its PUBCOMP was probably lost): PUBCOMP again",
			"收到 PUBREL id=%d，但服务端已经没有这个报文标识符的记录（上次的 PUBCOMP 可能丢失了）：仍然回复 PUBCOMP", id)
	case m != nil:
		delete(s.in, id)
		b.notef("MQTT 4.3.3", "PUBREL id=%d: the broker forwards the message it held and answers PUBCOMP",
			"收到 PUBREL id=%d：服务端转发它保存的消息并回复 PUBCOMP", id)
		b.accept(now, m)
	default:
		delete(s.in, id)
		b.notef("MQTT 4.3.3", "PUBREL id=%d: the broker forgets the id and answers PUBCOMP",
			"收到 PUBREL id=%d：服务端删除这个报文标识符并回复 PUBCOMP", id)
	}
	b.markSession(s)
	b.send(s.conn.c, &codec.Pubcomp{PacketID: id})
}

// accept takes a message in: the retained store first, then every
// matching subscription. [MQTT-3.3.1-5..12]
func (b *broker) accept(now int64, m *message) {
	if m.retain {
		b.retain(m)
	}
	b.route(now, m)
}

// retain stores, replaces or clears the retained message of m's topic.
func (b *broker) retain(m *message) {
	_, had := b.retained[m.topic]
	if len(m.payload) == 0 {
		if had {
			delete(b.retained, m.topic)
			i, _ := slices.BinarySearch(b.topics, m.topic)
			b.topics = slices.Delete(b.topics, i, i+1)
			b.retainedDirty, b.dirty = true, true
		}
		b.note("MQTT-3.3.1-10", "retain 1 with an empty payload: the broker removes the retained message of "+m.topic+" and stores nothing",
			"保留标志为 1 且有效载荷为空：服务端删除 "+m.topic+" 的保留消息，这条空消息本身不保存")
		return
	}
	if !had {
		i, _ := slices.BinarySearch(b.topics, m.topic)
		b.topics = slices.Insert(b.topics, i, m.topic)
	}
	b.retained[m.topic] = m
	b.retainedDirty, b.dirty = true, true
	rule := "MQTT-3.3.1-5"
	if m.qos == codec.AtMostOnce {
		rule = "MQTT-3.3.1-7"
	}
	if had {
		b.note(rule, "retain 1: the broker replaces the retained message of "+m.topic,
			"保留标志为 1：服务端替换 "+m.topic+" 的保留消息")
	} else {
		b.note(rule, "retain 1: the broker stores the message as the retained message of "+m.topic+" for future subscribers",
			"保留标志为 1：服务端把消息保存为 "+m.topic+" 的保留消息，发给以后的订阅者")
	}
}

// route forwards m to every session with a matching subscription, once
// per session at the highest QoS it was granted among them, downgraded to
// min(published, granted), unless a Deny entry covers its topic.
// [MQTT-3.3.5-1, MQTT-3.8.4-6]
func (b *broker) route(now int64, m *message) {
	if d := b.deniedTopic(m.topic); d != "" {
		b.note("MQTT 5.4.2", "the broker's deny rule "+d+" covers "+m.topic+": nobody receives the message, not even through a wider filter such as #",
			"服务端的禁止规则 "+d+" 覆盖主题 "+m.topic+"：这条消息不投递给任何人，用 # 这样更宽的过滤器订阅也收不到")
		return
	}
	b.epoch++
	b.matched = b.subs.match(m.topic, b.epoch, b.matched[:0])
	if len(b.matched) == 0 {
		b.note("MQTT 4.7", "no subscription matches "+m.topic+": the message goes to nobody",
			"没有订阅与主题 "+m.topic+" 匹配：这条消息没有接收者")
		return
	}
	if m.retain && b.explain {
		b.note("MQTT-3.3.1-9", "forwarded to existing subscriptions with RETAIN 0",
			"转发给已有的订阅时，保留标志置 0")
	}
	for i, s := range b.matched {
		q := min(m.qos, s.best)
		if b.explain {
			if s.hits > 1 {
				b.notef("MQTT-3.3.5-1", "%d subscriptions of %s match: it gets one copy, at the highest QoS they were granted, %d",
					"%[2]s 有 %[1]d 个订阅与之匹配：只投递一份，按这些订阅中授予的最高 QoS %[3]d", s.hits, s.id, s.best)
			}
			// One note per delivery: built in one allocation, not
			// formatted (fmt took a sixth of a fan-out's time).
			b.noteText("MQTT-3.8.4-6", b.text().add("to ", s.id, " at QoS ", digit(q), " = min(published ", digit(m.qos), ", granted ", digit(s.best), ")").
				chinese().add("投递给 ", s.id, "：QoS ", digit(q), " = min(发布 ", digit(m.qos), ", 授予 ", digit(s.best), ")"))
		}
		b.deliver(now, s, m, q, false)
		b.matched[i] = nil
	}
}

// deliver sends m to s at QoS q, or queues it while s is offline. retain
// is the RETAIN flag of the PUBLISH: 1 only for a retained message sent
// because of a new subscription. [MQTT-3.3.1-8, MQTT-3.3.1-9]
func (b *broker) deliver(now int64, s *session, m *message, q codec.QoS, retain bool) {
	if s.conn == nil {
		if q == codec.AtMostOnce && !b.opts.QueueQoS0 {
			b.note("MQTT 3.1.2.4", s.id+" is offline: a QoS 0 message is not queued (this broker queues only QoS 1 and 2)",
				s.id+" 离线：QoS 0 的消息不排队（本服务端只为离线客户端缓存 QoS 1 和 QoS 2 的消息）")
			return
		}
		if b.queueFull(s) {
			return
		}
		s.enqueue(queued{msg: m, qos: q})
		b.markSession(s)
		b.note("MQTT 3.1.2.4", s.id+" is offline with a persistent session: the message is queued until it reconnects",
			s.id+" 离线但有持久会话：消息排队，等它重新连接后再投递")
		return
	}
	if q == codec.AtMostOnce {
		b.out = codec.Publish{Retain: retain, Topic: m.topic, Payload: m.payload}
		b.forward(s.conn.c, &b.out)
		return
	}
	if s.out.len() >= b.inflightLimit() || len(s.queue) > 0 {
		if b.queueFull(s) {
			return
		}
		s.enqueue(queued{msg: m, qos: q, retain: retain})
		b.markSession(s)
		// Built in one buffer (noteText), not with notef: under a flood
		// every message waits, and fmt was a third of the broker's work.
		if n := b.inflightLimit(); n == maxInflight {
			b.noteText("MQTT-2.3.1-4", b.text().add("all 65535 packet ids towards ", s.id, " are in flight: the message waits, in order, until an acknowledgement frees one").
				chinese().add("发往 ", s.id, " 的 65535 个报文标识符都在使用中：消息按顺序等待，直到有确认释放一个标识符"))
		} else {
			b.noteText("MQTT 4.6", b.text().add("the in-flight limit (").id(uint16(n)).add(" messages per session) towards ", s.id, " is reached or messages wait before it: the message waits, in order, until an acknowledgement frees a place").
				chinese().add("发往 ", s.id, " 的未确认消息已达到本服务端每个会话 ").id(uint16(n)).add(" 条的上限（或已有消息在排队）：消息按顺序等待，直到有确认腾出位置"))
		}
		return
	}
	b.sendNew(now, s, m, q, retain)
}

// sendNew sends m to the connected s at QoS 1 or 2 with an unused packet
// id and keeps it in flight. [MQTT-2.3.1-4]
func (b *broker) sendNew(now int64, s *session, m *message, q codec.QoS, retain bool) {
	o := &flight{id: s.out.nextID(nil), msg: m, qos: q, retain: retain, stage: trace.StagePublishSent, sentAt: now}
	s.out.add(o)
	b.markSession(s)
	b.out = codec.Publish{QoS: q, Retain: retain, Topic: m.topic, PacketID: o.id, Payload: m.payload}
	b.forward(s.conn.c, &b.out)
	b.armRetry(now, s.conn)
}

// drain sends the connected s its waiting messages, oldest first, while
// packet ids are free. [MQTT-4.6.0-6]
func (b *broker) drain(now int64, s *session) {
	for len(s.queue) > 0 && s.conn != nil {
		w := s.queue[0]
		if w.qos == codec.AtMostOnce {
			b.out = codec.Publish{Retain: w.retain, Topic: w.msg.topic, Payload: w.msg.payload}
			b.forward(s.conn.c, &b.out)
		} else if s.out.len() >= b.inflightLimit() {
			return
		} else {
			b.sendNew(now, s, w.msg, w.qos, w.retain)
		}
		s.dequeue()
		b.markSession(s)
	}
}

// forward encodes a PUBLISH built from a message the broker accepted:
// its topic and payload passed the decoder's checks, the QoS is 0–2 and
// the packet id comes from nextID, so the strict encoder's second decode
// is skipped on this, the busiest path. The receiver still decodes it
// strictly.
func (b *broker) forward(c *conn, p *codec.Publish) {
	b.encode(c, p, codec.Encoder{AllowMalformed: true})
}

// resend sends an unfinished exchange again: the PUBLISH with DUP 1 and
// its original packet id, or the PUBREL. [MQTT-4.4.0-1, MQTT-3.3.1-1]
func (b *broker) resend(now int64, s *session, f *flight, rule string) {
	f.sentAt = now
	if f.stage == trace.StagePubrelSent {
		b.notef(rule, "the broker resends PUBREL id=%d to %s", "服务端向 %[2]s 重发 PUBREL id=%[1]d", f.id, s.id)
	} else {
		b.notef(rule, "the broker resends PUBLISH id=%d to %s with DUP 1", "服务端向 %[2]s 重发 PUBLISH id=%[1]d，重发标志 DUP 置 1", f.id, s.id)
	}
	b.send(s.conn.c, f.packet(&b.out))
}

// puback completes a QoS 1 delivery to the client; the freed packet id
// lets a waiting message go. [MQTT 4.3.2]
func (b *broker) puback(now int64, s *session, id uint16) {
	if !s.out.puback(id) {
		b.notef("MQTT 4.3.2", "PUBACK id=%d matches no QoS 1 message in flight: ignored", "PUBACK id=%d 没有对应的未确认 QoS 1 消息：忽略", id)
		return
	}
	b.markSession(s)
	if b.explain {
		b.noteText("MQTT 4.3.2", b.text().add("PUBACK id=").id(id).add(": QoS 1 delivery to ", s.id, " complete").
			chinese().add("收到 PUBACK id=").id(id).add("：发给 ", s.id, " 的 QoS 1 消息投递完成"))
	}
	b.drain(now, s)
}

// pubrec moves a QoS 2 delivery to its second half: PUBREL, which is
// resent instead of the PUBLISH from now on. [MQTT-4.3.3-1]
func (b *broker) pubrec(now int64, s *session, id uint16) {
	if !s.out.pubrec(id, now) {
		b.notef("MQTT 4.3.3", "PUBREC id=%d matches no QoS 2 message in flight: ignored", "PUBREC id=%d 没有对应的未确认 QoS 2 消息：忽略", id)
		return
	}
	b.markSession(s)
	b.notef("MQTT-4.3.3-1", "PUBREC id=%d: the broker answers PUBREL and will not send the PUBLISH again",
		"收到 PUBREC id=%d：服务端回复 PUBREL，之后不再重发这条 PUBLISH", id)
	b.send(s.conn.c, &codec.Pubrel{PacketID: id})
}

// pubcomp completes a QoS 2 delivery to the client; the freed packet id
// lets a waiting message go. [MQTT 4.3.3]
func (b *broker) pubcomp(now int64, s *session, id uint16) {
	if !s.out.pubcomp(id) {
		b.notef("MQTT 4.3.3", "PUBCOMP id=%d matches no PUBREL in flight: ignored", "PUBCOMP id=%d 没有对应的已发送 PUBREL：忽略", id)
		return
	}
	b.markSession(s)
	b.notef("MQTT 4.3.3", "PUBCOMP id=%d: QoS 2 delivery to %s complete", "收到 PUBCOMP id=%d：发给 %s 的 QoS 2 消息投递完成", id, s.id)
	b.drain(now, s)
}

// armRetry sets the resend timer of a connection when the option is on
// and none is pending.
func (b *broker) armRetry(now int64, bc *brokerConn) {
	if b.opts.RetryInterval <= 0 || bc.retryArmed {
		return
	}
	bc.retryArmed = true
	b.timer(now+b.opts.RetryInterval, timerRetry, bc.c, true)
}

// retryTick resends what has waited RetryInterval for its
// acknowledgement, and sets the timer for the next one due. [MQTT-4.4.0-1;
// resending on a timer is this broker's option]
func (b *broker) retryTick(now int64, bc *brokerConn) {
	bc.retryArmed = false
	s := bc.sess
	if s == nil || s.conn != bc {
		return
	}
	next := s.out.retry(now, b.opts.RetryInterval, func(f *flight) { b.resend(now, s, f, "MQTT 4.4") })
	if next >= 0 {
		bc.retryArmed = true
		b.timer(next, timerRetry, bc.c, true)
	}
}

// inflightLimit is how many QoS 1 and 2 messages may be in flight towards
// one session: BrokerOptions.MaxInflight, or one per packet id.
func (b *broker) inflightLimit() int {
	if n := b.opts.MaxInflight; n > 0 && n < maxInflight {
		return n
	}
	return maxInflight
}

// queueFull reports, with a note, that s's queue holds
// BrokerOptions.MaxQueued messages: the message for it is dropped.
func (b *broker) queueFull(s *session) bool {
	n := b.opts.MaxQueued
	if n <= 0 || len(s.queue) < n {
		return false
	}
	b.notef("MQTT 3.1.2.4", "the queue of %s holds %d messages, this broker's limit of queued messages per session: the message is dropped for it",
		"%[1]s 的队列已有 %[2]d 条消息，达到本服务端每个会话排队消息的上限：这条消息不再投递给它", s.id, n)
	return true
}

// digit is a QoS (0, 1 or 2) as its digit.
func digit(q codec.QoS) string { return strconv.Itoa(int(q)) }

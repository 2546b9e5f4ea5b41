package sim

import (
	"strconv"
	"strings"

	"mqttviz/codec"
)

// subscribe handles SUBSCRIBE: each filter is granted a QoS or refused
// with 0x80, one SUBACK answers them all, then the retained messages that
// match the new filters follow with RETAIN 1. [MQTT 3.8.4, MQTT-3.3.1-6]
func (b *broker) subscribe(now int64, s *session, p *codec.Subscribe) {
	codes := make([]codec.SubackCode, len(p.Subscriptions))
	granted := map[string]codec.QoS{}
	var order []string
	for i, sub := range p.Subscriptions {
		f := strings.Clone(sub.Filter)
		if d := b.denied(f); d != "" {
			codes[i] = codec.SubackFailure
			b.note("MQTT 3.9.3", "filter "+f+" is refused by the broker's deny rule "+d+": return code 0x80",
				"主题过滤器 "+f+" 被服务端的禁止规则 "+d+" 拒绝：返回码 0x80")
			continue
		}
		g := sub.QoS
		if b.opts.LimitQoS && g > b.opts.MaxQoS {
			g = b.opts.MaxQoS
			b.notef("MQTT-3.8.4-6", "%s: QoS %d requested, the broker grants at most QoS %d",
				"%s：请求 QoS %d，服务端最多授予 QoS %d", f, sub.QoS, g)
		}
		if _, had := s.subs[f]; had {
			b.notef("MQTT-3.8.4-3", "%s replaces the existing subscription with the same filter, now QoS %d",
				"%s 与已有订阅的过滤器完全相同：新订阅完全替换旧订阅，现在 QoS 为 %d", f, g)
		} else {
			b.notef("MQTT-3.8.4-5", "%s subscribed at QoS %d", "订阅 %s，授予 QoS %d", f, g)
		}
		s.subs[f] = g
		s.subsView = nil
		b.subs.add(f, s, g)
		codes[i] = codec.SubackCode(g)
		if _, ok := granted[f]; !ok {
			order = append(order, f)
		}
		// A filter named twice: the later replaces the earlier, as two
		// SUBSCRIBE packets would. [MQTT-3.8.4-4]
		granted[f] = g
	}
	b.markSession(s)
	b.send(s.conn.c, &codec.Suback{PacketID: p.PacketID, ReturnCodes: codes})
	b.sendRetained(now, s, order, granted)
}

// sendRetained sends each retained message that matches one of the new
// filters once, at the highest QoS those filters were granted, with
// RETAIN 1. [MQTT-3.3.1-6, MQTT-3.3.1-8, MQTT-3.8.4-3]
func (b *broker) sendRetained(now int64, s *session, filters []string, granted map[string]codec.QoS) {
	for _, t := range b.topics {
		best, ok := codec.QoS(0), false
		for _, f := range filters {
			if codec.Match(f, t) {
				best, ok = max(best, granted[f]), true
			}
		}
		if !ok {
			continue
		}
		if d := b.deniedTopic(t); d != "" {
			b.note("MQTT 5.4.2", "the retained message of "+t+" is not sent: the broker's deny rule "+d+" covers its topic",
				"不发送 "+t+" 的保留消息：服务端的禁止规则 "+d+" 覆盖这个主题")
			continue
		}
		m := b.retained[t]
		q := min(m.qos, best)
		b.notef("MQTT-3.3.1-8", "retained message of %s sent for the new subscription with RETAIN 1, at QoS %d = min(stored %d, granted %d)",
			"因为新的订阅，发送 %s 的保留消息：保留标志为 1，QoS %d = min(保存时 %d, 授予 %d)", t, q, m.qos, best)
		b.deliver(now, s, m, q, true)
	}
}

// denied returns the Deny entry that refuses filter f, or "".
func (b *broker) denied(f string) string {
	for _, d := range b.opts.Deny {
		if d == f || codec.Match(d, f) {
			return d
		}
	}
	return ""
}

// deniedTopic returns the Deny entry that covers topic name t, or "": a
// message of t goes to nobody, whatever filter matched it.
func (b *broker) deniedTopic(t string) string {
	for _, d := range b.opts.Deny {
		if codec.Match(d, t) {
			return d
		}
	}
	return ""
}

// unsubscribe removes the subscriptions whose filters equal the given ones
// character by character, and answers UNSUBACK even when none did.
// [MQTT-3.10.4-1, MQTT-3.10.4-4, MQTT-3.10.4-5]
func (b *broker) unsubscribe(s *session, p *codec.Unsubscribe) {
	for _, f := range p.Filters {
		if _, ok := s.subs[f]; ok {
			delete(s.subs, f)
			s.subsView = nil
			b.subs.remove(f, s)
			b.note("MQTT-3.10.4-1", "unsubscribed from "+f+"; messages already in flight still complete",
				"取消订阅 "+f+"；已经开始投递的消息仍会完成")
		} else {
			b.note("MQTT-3.10.4-1", "no subscription has exactly the filter "+strconv.Quote(f)+" (filters are compared character by character): nothing removed",
				"没有与 "+strconv.Quote(f)+" 逐字符相同的订阅（过滤器按字符逐一比较，而不是按匹配关系）：没有取消任何订阅")
		}
	}
	b.markSession(s)
	b.note("MQTT-3.10.4-4", "the broker answers UNSUBACK", "服务端回复 UNSUBACK")
	b.send(s.conn.c, &codec.Unsuback{PacketID: p.PacketID})
}

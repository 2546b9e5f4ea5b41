package codec

import "strconv"

// Type returns SUBSCRIBE.
func (*Subscribe) Type() PacketType { return SUBSCRIBE }

// String summarises the packet: `SUBSCRIBE id=1 a/+ q1 b/# q0`.
func (s *Subscribe) String() string {
	out := "SUBSCRIBE id=" + strconv.Itoa(int(s.PacketID))
	for _, sub := range s.Subscriptions {
		out += " " + sub.Filter + " q" + strconv.Itoa(int(sub.QoS))
	}
	return out
}

var (
	topicFilterField = stringField{
		lenName:    Text{EN: "Topic Filter length", ZH: "主题过滤器长度"},
		lenExplain: Text{EN: "Length of the topic filter in bytes.", ZH: "主题过滤器的字节数。"},
		name:       Text{EN: "Topic Filter", ZH: "主题过滤器"},
		explain:    Text{EN: "Which topics to receive; + matches one level, # every level below.", ZH: "要接收哪些主题的消息；+ 匹配一个层级，# 匹配其下所有层级。"},
	}
	requestedQoSName = Text{EN: "Requested QoS", ZH: "请求的服务质量"}
)

// subscribe decodes the variable header and payload of a SUBSCRIBE.
// [MQTT 3.8]
func (p *parser) subscribe(s *Subscribe) *Error {
	var err *Error
	if s.PacketID, err = p.packetID(SUBSCRIBE); err != nil {
		return err
	}
	if p.pos == p.end {
		return errNoSubscriptions(p.pos)
	}
	for p.pos < p.end {
		var sub Subscription
		if sub.Filter, err = p.topic(Payload, &topicFilterField, true); err != nil {
			return err
		}
		off := p.pos
		q, err := p.byte1(&requestedQoSName)
		if err != nil {
			return err
		}
		if p.recording() {
			p.noteRequestedQoS(off, q)
		}
		if q > 2 {
			return errRequestedQoS(q, off)
		}
		sub.QoS = QoS(q)
		s.Subscriptions = append(s.Subscriptions, sub)
	}
	return nil
}

// errNoSubscriptions refuses a SUBSCRIBE whose payload, at off, is
// empty. [MQTT-3.8.3-3]
func errNoSubscriptions(off int) *Error {
	return newError(ErrNoSubscriptions, off, "MQTT-3.8.3-3", Text{
		EN: "The SUBSCRIBE has no topic filter; its payload must hold at least one filter with its QoS.",
		ZH: "SUBSCRIBE 中没有任何主题过滤器；有效载荷至少要有一个主题过滤器及其 QoS。",
	})
}

// errRequestedQoS refuses the requested QoS byte q at off. [MQTT-3-8.3-4]
func errRequestedQoS(q byte, off int) *Error {
	return newError(ErrRequestedQoS, off, "MQTT-3-8.3-4", Text{
		EN: "The requested QoS byte is " + hex2(q) + "; its upper six bits are reserved and must be 0, and the QoS must be 0, 1 or 2.",
		ZH: "请求的服务质量字节是 " + hex2(q) + "；高 6 位是保留位必须为 0，QoS 只能是 0、1 或 2。",
	})
}

// noteRequestedQoS records a requested QoS byte bit by bit.
func (p *parser) noteRequestedQoS(off int, q byte) {
	p.note(Payload, requestedQoSName, off, 1, same(strconv.Itoa(int(q))), Text{
		EN: "The highest QoS the client wants for messages on this filter; the server may grant less.",
		ZH: "客户端希望这个过滤器上的消息使用的最高服务质量；服务端可以授予更低的等级。",
	},
		Part{Place: BitsPlace(7, 2), Name: reservedName, Value: same(bitRange(q, 7, 2)), Explain: Text{EN: "Reserved; must be 0.", ZH: "保留位，必须为 0。"}},
		Part{Place: BitsPlace(1, 0), Name: qosName, Value: same(strconv.Itoa(int(q & 3))), Explain: qosMeaningTexts[q&3]},
	)
}

// appendSubscribe encodes s after dst.
func appendSubscribe(dst []byte, s *Subscribe) ([]byte, *Error) {
	rl := 2
	for _, sub := range s.Subscriptions {
		if len(sub.Filter) > 65535 {
			return dst, stringTooLong(len(sub.Filter))
		}
		rl += 3 + len(sub.Filter)
	}
	dst, err := appendHeader(dst, byte(SUBSCRIBE)<<4|0x02, rl)
	if err != nil {
		return dst, err
	}
	dst = append(dst, byte(s.PacketID>>8), byte(s.PacketID))
	for _, sub := range s.Subscriptions {
		dst = appendString(dst, sub.Filter)
		dst = append(dst, byte(sub.QoS))
	}
	return dst, nil
}

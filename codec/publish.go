package codec

import "strconv"

// Type returns PUBLISH.
func (*Publish) Type() PacketType { return PUBLISH }

// String summarises the packet: `PUBLISH q1 id=3 dup retain devices/x`.
func (p *Publish) String() string {
	s := "PUBLISH q" + strconv.Itoa(int(p.QoS))
	if p.QoS > 0 {
		s += " id=" + strconv.Itoa(int(p.PacketID))
	}
	if p.Dup {
		s += " dup"
	}
	if p.Retain {
		s += " retain"
	}
	return s + " " + p.Topic
}

var (
	topicNameField = stringField{
		lenName:    Text{EN: "Topic Name length", ZH: "主题名长度"},
		lenExplain: Text{EN: "Length of the topic name in bytes, two bytes, most significant first.", ZH: "主题名的字节数，占两个字节，高位在前。"},
		name:       Text{EN: "Topic Name", ZH: "主题名"},
		explain:    Text{EN: "The topic the message is published to; no wildcards allowed.", ZH: "消息发布到的主题；不能包含通配符。"},
	}
	publishPayloadName    = Text{EN: "Payload (application message)", ZH: "有效载荷（应用消息）"}
	publishPayloadCutName = Text{EN: "Payload, cut short", ZH: "有效载荷（不完整）"}
	publishPayloadExplain = Text{
		EN: "The application message: any bytes, its length is what remains of the Remaining Length after the variable header.",
		ZH: "应用消息内容：任意字节，长度等于剩余长度减去可变报头的长度。",
	}
)

// publish decodes the variable header and payload of a PUBLISH whose
// fixed header flags are flags. [MQTT 3.3]
func (p *parser) publish(pk *Publish, flags byte) *Error {
	pk.Dup = flags&0x08 != 0
	pk.QoS = QoS(flags >> 1 & 3)
	pk.Retain = flags&0x01 != 0
	var err *Error
	if pk.Topic, err = p.topic(VariableHeader, &topicNameField, false); err != nil {
		return missing(publishTopicRule(err), "MQTT-3.3.2-1")
	}
	if pk.QoS > 0 {
		if pk.PacketID, err = p.packetID(PUBLISH); err != nil {
			return err
		}
	}
	if p.end > len(p.b) {
		if p.recording() && len(p.b) > p.pos {
			p.notePayloadCut()
		}
		return p.truncated()
	}
	pk.Payload = p.b[p.pos:p.end:p.end]
	if p.recording() && p.end > p.pos {
		p.note(Payload, publishPayloadName, p.pos, p.end-p.pos, showBytes(pk.Payload), publishPayloadExplain)
	}
	p.pos = p.end
	return nil
}

// notePayloadCut notes the payload bytes of a PUBLISH whose bytes end
// before its Remaining Length does: how many came of those announced,
// and what a receiver reading a stream makes of the missing ones.
func (p *parser) notePayloadCut() {
	got, want := len(p.b)-p.pos, p.end-p.pos
	g, w, m := strconv.Itoa(got), strconv.Itoa(want), strconv.Itoa(want-got)
	p.note(Payload, publishPayloadCutName, p.pos, got, showBytes(p.b[p.pos:]), Text{
		EN: g + " of the " + w + " bytes the Remaining Length leaves for the payload are here; " + m + " never came. A receiver reading a connection waits for them and takes the next bytes that arrive, the next packet's first, as the end of this payload.",
		ZH: "剩余长度给有效载荷留了 " + w + " 个字节，这里只有 " + g + " 个，还差 " + m + " 个。从连接上读取的接收方会继续等待，把接下来收到的字节（也就是下一个报文的开头）当作这个有效载荷的结尾。",
	})
}

// publishTopicRule names the PUBLISH rule for a wildcard in its topic
// name. [MQTT-3.3.2-2]
func publishTopicRule(err *Error) *Error {
	if err.Token == ErrTopicWildcard.Token {
		err.Rule = "MQTT-3.3.2-2"
	}
	return err
}

// appendPublish encodes pk after dst.
func appendPublish(dst []byte, pk *Publish) ([]byte, *Error) {
	if len(pk.Topic) > 65535 {
		return dst, stringTooLong(len(pk.Topic))
	}
	if pk.QoS > 3 {
		return dst, qosOutOfRange(pk.QoS, ErrQoS3, "MQTT-3.3.1-4")
	}
	first := byte(PUBLISH)<<4 | byte(pk.QoS&3)<<1
	if pk.Dup {
		first |= 0x08
	}
	if pk.Retain {
		first |= 0x01
	}
	rl := 2 + len(pk.Topic) + len(pk.Payload)
	if pk.QoS > 0 {
		rl += 2
	}
	dst, err := appendHeader(dst, first, rl)
	if err != nil {
		return dst, err
	}
	dst = appendString(dst, pk.Topic)
	if pk.QoS > 0 {
		dst = append(dst, byte(pk.PacketID>>8), byte(pk.PacketID))
	}
	return append(dst, pk.Payload...), nil
}

package codec

import "strconv"

// The words of a packet's summary, in English as Packet.String() writes
// them and in Chinese as a tutorial labels a sequence diagram.
var (
	wordClean          = Text{EN: "clean", ZH: "清理会话"}
	wordKeepAlive      = Text{EN: "keepalive", ZH: "保持连接"}
	wordWill           = Text{EN: "will", ZH: "遗嘱"}
	wordRetain         = Text{EN: "retain", ZH: "保留"}
	wordUser           = Text{EN: "user", ZH: "用户名"}
	wordPassword       = Text{EN: "password", ZH: "密码"}
	wordProtocol       = Text{EN: "protocol", ZH: "协议"}
	wordDup            = Text{EN: "dup", ZH: "重发"}
	wordSessionPresent = Text{EN: "session-present", ZH: "会话存在"}
)

// connackLabels are the return codes' short names, as a diagram labels
// a CONNACK.
var connackLabels = [6]Text{
	{EN: "accepted", ZH: "连接已接受"},
	{EN: "unacceptable-protocol-version", ZH: "协议版本不支持"},
	{EN: "identifier-rejected", ZH: "标识符不合格"},
	{EN: "server-unavailable", ZH: "服务端不可用"},
	{EN: "bad-username-password", ZH: "用户名或密码错误"},
	{EN: "not-authorized", ZH: "未授权"},
}

// Label is the return code's short name in English ("accepted", as
// String gives it) and Chinese ("连接已接受").
func (c ConnackCode) Label() Text {
	if int(c) < len(connackLabels) {
		return connackLabels[c]
	}
	n := strconv.Itoa(int(c))
	return Text{EN: "reserved(" + n + ")", ZH: "保留值(" + n + ")"}
}

// summary builds a one-line text in both languages at once.
type summary struct{ en, zh []byte }

// word appends t, after a space unless the summary is empty.
func (s *summary) word(t Text) *summary {
	if len(s.en) > 0 {
		s.en, s.zh = append(s.en, ' '), append(s.zh, ' ')
	}
	s.en, s.zh = append(s.en, t.EN...), append(s.zh, t.ZH...)
	return s
}

// same appends text that reads the same in both languages.
func (s *summary) same(text string) *summary { return s.word(Text{EN: text, ZH: text}) }

// eq appends key=value, the key in each language.
func (s *summary) eq(key Text, value string) *summary {
	return s.word(Text{EN: key.EN + "=" + value, ZH: key.ZH + "=" + value})
}

func (s *summary) text() Text { return Text{EN: string(s.en), ZH: string(s.zh)} }

// Summary is the one-line summary of the bytes of one packet, in English
// and Chinese: the arrow label of the sequence diagram. The English is
// the decoded packet's String(), word for word; bytes that do not decode
// read "malformed PUBACK (4 bytes)".
func Summary(b []byte) Text {
	if len(b) == 0 {
		return Text{EN: "no bytes", ZH: "无字节"}
	}
	p, err := Decode(b)
	if err != nil {
		return malformedSummary(b)
	}
	return PacketSummary(p)
}

// malformedSummary is the summary of bytes that do not decode: "malformed
// PUBACK (4 bytes)".
func malformedSummary(b []byte) Text {
	t, n := PacketType(b[0]>>4).String(), strconv.Itoa(len(b))
	return Text{EN: "malformed " + t + " (" + n + " bytes)", ZH: "畸形 " + t + "（" + n + " 字节）"}
}

// PacketSummary is Summary of a decoded packet. Packets whose String()
// has no words (SUBSCRIBE id=1 a/+ q1, PUBACK id=3) read the same in
// both languages.
func PacketSummary(p Packet) Text {
	if nilPacket(p) {
		return Text{EN: "no packet", ZH: "没有报文"}
	}
	var s summary
	switch p := p.(type) {
	case *Connect:
		s.same("CONNECT id=" + p.ClientID)
		if p.CleanSession {
			s.word(wordClean)
		}
		s.eq(wordKeepAlive, strconv.Itoa(int(p.KeepAlive)))
		if p.Will != nil {
			s.eq(wordWill, p.Will.Topic).same("q" + strconv.Itoa(int(p.Will.QoS)))
			if p.Will.Retain {
				s.word(wordRetain)
			}
		}
		if p.HasUsername {
			s.eq(wordUser, p.Username)
		}
		if p.HasPassword {
			s.word(wordPassword)
		}
		if p.ProtocolName != "MQTT" || p.ProtocolLevel != 4 {
			s.eq(wordProtocol, p.ProtocolName+"/"+strconv.Itoa(int(p.ProtocolLevel)))
		}
	case *Connack:
		s.same("CONNACK " + strconv.Itoa(int(p.ReturnCode))).word(p.ReturnCode.Label())
		if p.SessionPresent {
			s.word(wordSessionPresent)
		}
	case *Publish:
		s.same("PUBLISH q" + strconv.Itoa(int(p.QoS)))
		if p.QoS > 0 {
			s.same("id=" + strconv.Itoa(int(p.PacketID)))
		}
		if p.Dup {
			s.word(wordDup)
		}
		if p.Retain {
			s.word(wordRetain)
		}
		s.same(p.Topic)
	default:
		s.same(p.String())
	}
	return s.text()
}

package codec

import "strconv"

// typeMeaning says in a few words what each packet type is for.
var typeMeaning = [16]Text{
	{EN: "reserved, forbidden", ZH: "保留值，禁止使用"},
	{EN: "client asks to connect", ZH: "客户端请求连接服务端"},
	{EN: "server acknowledges the connection request", ZH: "服务端确认连接请求"},
	{EN: "publishes an application message", ZH: "发布应用消息"},
	{EN: "acknowledges a QoS 1 PUBLISH", ZH: "确认 QoS 1 的 PUBLISH"},
	{EN: "publish received: the second packet of the QoS 2 exchange", ZH: "发布收到：QoS 2 协议交换的第二个报文"},
	{EN: "publish release: the third packet of the QoS 2 exchange", ZH: "发布释放：QoS 2 协议交换的第三个报文"},
	{EN: "publish complete: the fourth and last packet of the QoS 2 exchange", ZH: "发布完成：QoS 2 协议交换的第四个也是最后一个报文"},
	{EN: "client subscribes to topic filters", ZH: "客户端订阅主题过滤器"},
	{EN: "server acknowledges the subscription", ZH: "服务端确认订阅"},
	{EN: "client unsubscribes from topic filters", ZH: "客户端取消订阅"},
	{EN: "server acknowledges the unsubscription", ZH: "服务端确认取消订阅"},
	{EN: "client's keepalive ping", ZH: "客户端的心跳请求"},
	{EN: "server's answer to the ping", ZH: "服务端的心跳响应"},
	{EN: "client disconnects cleanly", ZH: "客户端正常断开连接"},
	{EN: "reserved, forbidden", ZH: "保留值，禁止使用"},
}

var (
	firstByteName   = Text{EN: "Packet type and flags", ZH: "报文类型和标志位"}
	typePartName    = Text{EN: "Packet type", ZH: "报文类型"}
	dupName         = Text{EN: "DUP flag", ZH: "重发标志 DUP"}
	qosName         = Text{EN: "QoS level", ZH: "服务质量等级 QoS"}
	retainName      = Text{EN: "RETAIN flag", ZH: "保留标志 RETAIN"}
	reservedName    = Text{EN: "Reserved flags", ZH: "保留标志位"}
	remLenName      = Text{EN: "Remaining Length", ZH: "剩余长度"}
	remLenByteName  = Text{EN: "Remaining Length byte", ZH: "剩余长度字节"}
	qosMeaningTexts = [4]Text{
		{EN: "at most once: fire and forget", ZH: "最多一次：发出即不管"},
		{EN: "at least once: acknowledged by PUBACK, may arrive twice", ZH: "至少一次：由 PUBACK 确认，可能重复到达"},
		{EN: "exactly once: the four-packet exchange PUBLISH, PUBREC, PUBREL, PUBCOMP", ZH: "只有一次：PUBLISH、PUBREC、PUBREL、PUBCOMP 四次握手"},
		{EN: "invalid: QoS 3 is malformed", ZH: "非法：QoS 3 是畸形报文"},
	}
)

// noteFirstByte records the packet type and flags byte, bit by bit.
func (p *parser) noteFirstByte(t PacketType, flags byte) {
	typePart := Part{
		Place: BitsPlace(7, 4), Name: typePartName,
		Value:   same(strconv.Itoa(int(t)) + " = " + t.String()),
		Explain: typeMeaning[t],
	}
	value := same(t.String())
	var parts []Part
	if t == PUBLISH {
		dup, qos, retain := flags>>3&1, flags>>1&3, flags&1
		q := "QoS " + strconv.Itoa(int(qos))
		value.EN += ", " + q
		value.ZH += "，" + q
		if dup == 1 {
			value.EN += ", DUP"
			value.ZH += "，DUP"
		}
		if retain == 1 {
			value.EN += ", RETAIN"
			value.ZH += "，RETAIN"
		}
		parts = []Part{typePart,
			{Place: BitPlace(3), Name: dupName, Value: same(strconv.Itoa(int(dup))), Explain: dupExplain(dup)},
			{Place: BitsPlace(2, 1), Name: qosName, Value: same(strconv.Itoa(int(qos))), Explain: qosMeaningTexts[qos]},
			{Place: BitPlace(0), Name: retainName, Value: same(strconv.Itoa(int(retain))), Explain: retainExplain(retain)},
		}
	} else if t == Reserved0 || t == Reserved15 {
		parts = []Part{typePart, {Place: BitsPlace(3, 0), Name: reservedName, Value: same(bits4(flags)), Explain: Text{
			EN: "Meaningless: no packet has type " + strconv.Itoa(int(t)) + ".",
			ZH: "没有意义：不存在类型为 " + strconv.Itoa(int(t)) + " 的报文。",
		}}}
	} else {
		want, _ := requiredFlags(t)
		ex := Text{
			EN: "Reserved; must be " + bits4(want) + " for " + t.String() + ".",
			ZH: "保留位；" + t.String() + " 必须为 " + bits4(want) + "。",
		}
		if want == 0x02 {
			ex.EN += " PUBREL, SUBSCRIBE and UNSUBSCRIBE are the packets whose flags are 0010."
			ex.ZH += "PUBREL、SUBSCRIBE 和 UNSUBSCRIBE 的标志位固定为 0010。"
		}
		parts = []Part{typePart, {Place: BitsPlace(3, 0), Name: reservedName, Value: same(bits4(flags)), Explain: ex}}
	}
	p.note(FixedHeader, firstByteName, 0, 1, value, Text{
		EN: "Byte 1 of the fixed header, " + hex2(p.b[0]) + " = " + bits8(p.b[0]) + ": the packet type in the high four bits, its flags in the low four.",
		ZH: "固定报头的第 1 个字节 " + hex2(p.b[0]) + " = " + bits8(p.b[0]) + "：高 4 位是报文类型，低 4 位是标志位。",
	}, parts...)
}

func dupExplain(dup byte) Text {
	if dup == 1 {
		return Text{EN: "1: this may be a resend of an earlier attempt.", ZH: "1：这可能是之前发送过的报文的重发。"}
	}
	return Text{EN: "0: the first attempt to send this PUBLISH.", ZH: "0：第一次发送这个 PUBLISH。"}
}

func retainExplain(retain byte) Text {
	if retain == 1 {
		return Text{
			EN: "1: from a client, the server keeps this message as the topic's retained message for future subscribers; from the server, the message is a retained one sent because of a new subscription.",
			ZH: "1：客户端发来时，服务端把这条消息作为该主题的保留消息保存，以后的订阅者一订阅就会收到；服务端发出时，表示这是因为新订阅而发送的保留消息。",
		}
	}
	return Text{
		EN: "0: from a client, the server does not store it as retained; from the server, a message forwarded to an existing subscription (even one that was published retained).",
		ZH: "0：客户端发来时，服务端不把它存为保留消息；服务端发出时，表示这是转发给已有订阅的消息（即使发布时带保留标志）。",
	}
}

// noteRemainingLength records the Remaining Length, byte by byte with what
// each contributes. The fixed header is hlen bytes long.
func (p *parser) noteRemainingLength(hlen int) {
	parts := make([]Part, 0, hlen-1)
	mult := 1
	for i := 1; i < hlen; i++ {
		c := p.b[i]
		d := int(c & 0x7f)
		ex := Text{EN: "continuation bit 0: the last Remaining Length byte.", ZH: "延续位（最高位）为 0：这是剩余长度的最后一个字节。"}
		if c&0x80 != 0 {
			ex = Text{EN: "continuation bit 1: another Remaining Length byte follows.", ZH: "延续位（最高位）为 1：后面还有剩余长度字节。"}
		}
		parts = append(parts, Part{
			Place:   BytePlace(i),
			Name:    remLenByteName,
			Value:   same(hex2(c) + ": " + strconv.Itoa(d) + " × " + strconv.Itoa(mult) + " = " + strconv.Itoa(d*mult)),
			Explain: ex,
		})
		mult <<= 7
	}
	n := strconv.Itoa(p.rl)
	ex := Text{
		EN: "The number of bytes after the fixed header (variable header and payload): " + n + ". Each byte carries 7 bits, least significant first; the top bit says whether another byte follows.",
		ZH: "固定报头之后的字节数（可变报头加有效载荷）：" + n + "。每个字节携带 7 位数据，低位在前；最高位表示后面是否还有字节。",
	}
	if need := rlSize(p.rl); need < hlen-1 {
		ex.EN += " It is written with more bytes than needed (" + plural(need, "byte") + " would do); MQTT 3.1.1 allows it, but encoders write the shortest form."
		ex.ZH += "这里用的字节数比需要的多（" + strconv.Itoa(need) + " 个字节就够了）；MQTT 3.1.1 允许这样写，但编码器一般写最短的形式。"
	}
	p.note(FixedHeader, remLenName, 1, hlen-1, same(n), ex, parts...)
}

// rlSize is how many bytes the shortest encoding of Remaining Length rl
// takes.
func rlSize(rl int) int {
	n := 1
	for rl > 127 {
		rl >>= 7
		n++
	}
	return n
}

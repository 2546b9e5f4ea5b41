package codec

import "strconv"

// The names and explanations of the CONNECT fields, for Annotate.
var (
	protocolNameField = stringField{
		lenName:    Text{EN: "Protocol Name length", ZH: "协议名长度"},
		lenExplain: Text{EN: "Length of the protocol name in bytes, two bytes, most significant first.", ZH: "协议名的字节数，占两个字节，高位在前。"},
		name:       Text{EN: "Protocol Name", ZH: "协议名"},
	}
	protocolLevelName = Text{EN: "Protocol Level", ZH: "协议级别"}
	connectFlagsName  = Text{EN: "Connect Flags", ZH: "连接标志"}
	keepAliveName     = Text{EN: "Keep Alive", ZH: "保持连接（心跳间隔）"}
	clientIDField     = stringField{
		lenName:    Text{EN: "Client Identifier length", ZH: "客户端标识符长度"},
		lenExplain: Text{EN: "Length of the client identifier in bytes; 0 asks the server to assign one, which needs Clean Session 1.", ZH: "客户端标识符的字节数；为 0 表示请服务端分配一个（此时清理会话必须为 1）。"},
		name:       Text{EN: "Client Identifier", ZH: "客户端标识符"},
		explain:    Text{EN: "Identifies the client's session on the server; always the first field of the payload.", ZH: "在服务端标识这个客户端的会话；总是有效载荷的第一个字段。"},
	}
	willTopicField = stringField{
		lenName:    Text{EN: "Will Topic length", ZH: "遗嘱主题长度"},
		lenExplain: Text{EN: "Length of the will topic in bytes.", ZH: "遗嘱主题的字节数。"},
		name:       Text{EN: "Will Topic", ZH: "遗嘱主题"},
		explain:    Text{EN: "The topic the server publishes the will message to if the client goes away without DISCONNECT.", ZH: "客户端没有发送 DISCONNECT 就断开时，服务端把遗嘱消息发布到这个主题。"},
	}
	willMessageField = stringField{
		lenName:    Text{EN: "Will Message length", ZH: "遗嘱消息长度"},
		lenExplain: Text{EN: "Length of the will message in bytes.", ZH: "遗嘱消息的字节数。"},
		name:       Text{EN: "Will Message", ZH: "遗嘱消息"},
		explain:    Text{EN: "The message published on the will topic when the client disconnects ungracefully.", ZH: "客户端异常断开时发布到遗嘱主题的消息内容。"},
	}
	usernameField = stringField{
		lenName:    Text{EN: "User Name length", ZH: "用户名长度"},
		lenExplain: Text{EN: "Length of the user name in bytes.", ZH: "用户名的字节数。"},
		name:       Text{EN: "User Name", ZH: "用户名"},
		explain:    Text{EN: "Used by the server for authentication and authorization.", ZH: "服务端用来认证和授权。"},
	}
	passwordField = stringField{
		lenName:    Text{EN: "Password length", ZH: "密码长度"},
		lenExplain: Text{EN: "Length of the password in bytes.", ZH: "密码的字节数。"},
		name:       Text{EN: "Password", ZH: "密码"},
		explain:    Text{EN: "Binary data checked by the server together with the user name.", ZH: "二进制数据，服务端与用户名一起校验。"},
	}
)

func protocolNameExplain(name string) Text {
	if name == "MQIsdp" {
		return Text{EN: "\"MQIsdp\": the protocol name of MQTT 3.1, accepted with level 3.", ZH: "\"MQIsdp\"：MQTT 3.1 的协议名，配合协议级别 3 使用。"}
	}
	return Text{EN: "Always \"MQTT\" in MQTT 3.1.1.", ZH: "MQTT 3.1.1 中协议名固定为 \"MQTT\"。"}
}

func protocolLevelExplain(level byte) Text {
	switch level {
	case 4:
		return Text{EN: "4 is MQTT 3.1.1.", ZH: "4 表示 MQTT 3.1.1。"}
	case 3:
		return Text{EN: "3 is MQTT 3.1.", ZH: "3 表示 MQTT 3.1。"}
	case 5:
		return Text{EN: "5 is MQTT 5.0, which this codec does not speak.", ZH: "5 表示 MQTT 5.0，本解码器不支持。"}
	}
	return Text{EN: "An unknown protocol level.", ZH: "未知的协议级别。"}
}

func keepAliveExplain(ka uint16) Text {
	if ka == 0 {
		return Text{EN: "0 turns keepalive off: the server never closes the connection for silence.", ZH: "0 表示关闭心跳机制：服务端不会因为长时间没有报文而断开连接。"}
	}
	s := strconv.Itoa(int(ka))
	return Text{
		EN: "The client never stays silent longer than " + s + " s (it sends PINGREQ if it has nothing else to send); the server closes the connection after 1.5 times that of silence.",
		ZH: "客户端两次发送报文的间隔不超过 " + s + " 秒（没有其他报文时发送 PINGREQ）；超过 1.5 倍时间没有收到任何报文，服务端会断开连接。",
	}
}

// flagMeanings says what each Connect Flags bit means when 0 and when 1.
var flagMeanings = []struct {
	place Place
	mask  byte
	name  Text
	is0   Text
	is1   Text
	shift int
}{
	{BitPlace(7), flagUsername, Text{EN: "User Name Flag", ZH: "用户名标志"},
		Text{EN: "0: no user name in the payload.", ZH: "0：有效载荷中没有用户名。"},
		Text{EN: "1: a user name follows in the payload.", ZH: "1：有效载荷中带有用户名。"}, 7},
	{BitPlace(6), flagPassword, Text{EN: "Password Flag", ZH: "密码标志"},
		Text{EN: "0: no password in the payload.", ZH: "0：有效载荷中没有密码。"},
		Text{EN: "1: a password follows in the payload; only allowed with a user name.", ZH: "1：有效载荷中带有密码；必须同时带有用户名。"}, 6},
	{BitPlace(5), flagWillRetain, Text{EN: "Will Retain", ZH: "遗嘱保留标志"},
		Text{EN: "0: the will message is published as a normal, non-retained message.", ZH: "0：遗嘱消息作为普通（非保留）消息发布。"},
		Text{EN: "1: the will message is published as a retained message.", ZH: "1：遗嘱消息作为保留消息发布。"}, 5},
	{BitsPlace(4, 3), flagWillQoS, Text{EN: "Will QoS", ZH: "遗嘱 QoS"},
		Text{EN: "The QoS of the will message; 0 when there is no will.", ZH: "遗嘱消息的服务质量；没有遗嘱时必须为 0。"},
		Text{EN: "The QoS of the will message; 0 when there is no will.", ZH: "遗嘱消息的服务质量；没有遗嘱时必须为 0。"}, 3},
	{BitPlace(2), flagWill, Text{EN: "Will Flag", ZH: "遗嘱标志"},
		Text{EN: "0: no will message.", ZH: "0：没有遗嘱消息。"},
		Text{EN: "1: a will topic and will message follow in the payload; the server publishes them if the client goes away without DISCONNECT.", ZH: "1：有效载荷中带有遗嘱主题和遗嘱消息；客户端没有发送 DISCONNECT 就断开时，服务端发布遗嘱。"}, 2},
	{BitPlace(1), flagCleanSession, Text{EN: "Clean Session", ZH: "清理会话"},
		Text{EN: "0: resume the stored session (subscriptions, messages in flight), or start one if none is stored, and keep it after disconnecting.", ZH: "0：恢复已保存的会话（订阅、尚未完成确认的消息），没有则新建，断开后服务端继续保留会话。"},
		Text{EN: "1: start a new session and discard it when the connection ends.", ZH: "1：开始一个新会话，连接断开时丢弃会话。"}, 1},
	{BitPlace(0), flagReserved, Text{EN: "Reserved", ZH: "保留位"},
		Text{EN: "Reserved; must be 0.", ZH: "保留位，必须为 0。"},
		Text{EN: "Reserved; must be 0, and 1 is malformed.", ZH: "保留位，必须为 0；为 1 是畸形报文。"}, 0},
}

// noteConnectFlags records the Connect Flags byte bit by bit.
// [MQTT 3.1.2.3]
func (p *parser) noteConnectFlags(off int, f byte) {
	parts := make([]Part, 0, len(flagMeanings))
	for _, m := range flagMeanings {
		v := f & m.mask >> m.shift
		ex := m.is0
		if v != 0 {
			ex = m.is1
		}
		parts = append(parts, Part{Place: m.place, Name: m.name, Value: same(strconv.Itoa(int(v))), Explain: ex})
	}
	p.note(VariableHeader, connectFlagsName, off, 1, same(hex2(f)+" = "+bits8(f)), Text{
		EN: "Which optional fields the payload carries, and how the session is handled.",
		ZH: "说明有效载荷中带有哪些可选字段，以及会话如何处理。",
	}, parts...)
}

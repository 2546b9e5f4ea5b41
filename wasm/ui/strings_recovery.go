package ui

import "mqttviz/codec"

// recoveryStrings are the strings of the choice, with "lose this
// packet", of what the client left waiting does next, in the terms of
// MQTT 3.1.1 (MQTT-4.4.0-1, MQTT-3.1.2-6).
var recoveryStrings = map[string]codec.Text{
	"instructor.then": {EN: "Then %s, left without an answer:", ZH: "之后，收不到应答的 %s："},
	"instructor.then.spec": {
		EN: "MQTT 3.1.1 requires a resend in one case only: when the client reconnects with clean session 0, it sends every unacknowledged PUBLISH and PUBREL again with their packet ids, DUP 1 (MQTT-4.4.0-1). On a connection still open it may resend, as older libraries do on a timer, but need not.",
		ZH: "MQTT 3.1.1 只在一种情况下要求重发：客户端以清理会话为 0 重新连接后，必须用原来的报文标识符重发所有未被确认的 PUBLISH 和 PUBREL，DUP 置 1（MQTT-4.4.0-1）。在连接仍然打开时，客户端可以重发（一些旧的客户端库用定时器这样做），但规范并不要求。",
	},
	"instructor.then.broker": {
		EN: "Then the broker, left without an answer, keeps the message: MQTT 3.1.1 requires it to send it again only when %s reconnects with clean session 0 (MQTT-4.4.0-1); it resends sooner, on the open connection, only if the scenario's broker line sets retry=.",
		ZH: "之后，收不到应答的服务端会保留这条消息：MQTT 3.1.1 只要求它在 %s 以清理会话为 0 重新连接后重发（MQTT-4.4.0-1）；只有场景的 broker 行设置了 retry=，它才会在连接未断开时提前重发。",
	},
	"instructor.then.wait":      {EN: "%s keeps waiting: nothing requires a resend on an open connection", ZH: "%s 继续等待：连接未断开时，规范不要求重发"},
	"instructor.then.resend":    {EN: "%s sends it again on the same connection (DUP 1), as a library with a retry timer may: allowed, not required", ZH: "%s 在同一连接上重发（DUP 置 1），就像带重发定时器的客户端库那样：规范允许，但不要求"},
	"instructor.then.reconnect": {EN: "the connection breaks; %s reconnects with its session and must resend (DUP 1, MQTT-4.4.0-1)", ZH: "连接中断；%s 带着原会话重新连接，必须重发（DUP 置 1，MQTT-4.4.0-1）"},
	"instructor.then.reconnect.clean": {
		EN: "Not here: %s connected with clean session 1, so a reconnect starts a new session and the unacknowledged message is discarded with the old one (MQTT-3.1.2-6).",
		ZH: "此处不可用：%s 连接时清理会话为 1，重新连接会开始一个新会话，未被确认的消息随旧会话一起被丢弃（MQTT-3.1.2-6）。",
	},
}

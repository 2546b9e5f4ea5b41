package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
)

// refGroup is a part of the scenario language's reference.
type refGroup string

// The parts of the reference, in the order the page shows them.
const (
	refSetup   refGroup = "setup"
	refActions refGroup = "actions"
	refFaults  refGroup = "faults"
	refExpect  refGroup = "expect"
)

// refGroups orders the parts.
var refGroups = []refGroup{refSetup, refActions, refFaults, refExpect}

// refEntry is one statement of the scenario language: how it is written,
// what it does and one line that uses it.
type refEntry struct {
	group refGroup
	// form is the statement's syntax, words in capitals (名称 in Chinese)
	// standing for what the writer fills in.
	form    codec.Text
	meaning codec.Text
	// example is a line (a few for repeat, hold) that runs alone, after
	// exampleClients or after exampleConnected.
	example string
}

// exampleClients and exampleConnected are what the reference's examples
// assume: two clients, declared; then connected, the phone subscribed to
// devices/#.
const (
	exampleClients   = "client sensor\nclient phone\n"
	exampleConnected = exampleClients + "connect sensor\nconnect phone\nsubscribe phone devices/# qos=1\n"
)

// reference is every statement and expectation of the scenario language,
// as the scenario page shows it. A test checks it against the parser's
// keywords and docs/lessons.md, and runs every example.
var reference = []refEntry{
	{refSetup, codec.Text{EN: "title en: TEXT / title zh: TEXT", ZH: "title en: … / title zh: …"},
		codec.Text{EN: "the lesson's title", ZH: "课程标题"},
		"title zh: 遗嘱与保留消息"},
	{refSetup, codec.Text{EN: "describe en: TEXT / describe zh: TEXT", ZH: "describe en: … / describe zh: …"},
		codec.Text{EN: "its description, shown under the title; several lines make one paragraph", ZH: "课程简介，显示在标题下方；多行 describe 合成一段"},
		"describe en: The broker publishes the will when the sensor's link dies."},
	{refSetup, codec.Text{EN: "broker OPTION...", ZH: "broker 选项…"},
		codec.Text{
			EN: "the broker's choices, before any client or action: users=name:pass,… anonymous=1 maxqos=0|1|2 qos2=onpublish|onpubrel retry=5s deny=filter,… (SUBACK 0x80; their topics reach nobody) notauthorized=id,… unavailable=1 strictid=1 queueqos0=1 latency=10ms",
			ZH: "服务端的配置，必须写在所有客户端和动作之前：users=用户名:密码,…（开启认证） anonymous=1 maxqos=0|1|2（授予的最高 QoS） qos2=onpublish|onpubrel retry=5s（按定时器重发） deny=过滤器,…（SUBACK 0x80；被覆盖主题的消息不投递给任何人） notauthorized=标识符,…（CONNACK 5） unavailable=1（CONNACK 3） strictid=1 queueqos0=1 latency=10ms",
		},
		"broker maxqos=1 retry=5s"},
	{refSetup, codec.Text{EN: "client NAME OPTION...", ZH: "client 名称 选项…"},
		codec.Text{
			EN: "a client named NAME (a lifeline), not yet connected: id=CLIENTID clean=0|1 keepalive=SECONDS user=NAME pass=PASSWORD retry=5s level=3|4",
			ZH: "声明一个客户端（一条生命线），此时尚未连接：id=客户端标识符 clean=0|1（清理会话） keepalive=秒（保持连接） user=用户名 pass=密码 retry=5s level=3|4（协议级别）",
		},
		"client sensor id=sensor-1 clean=0 keepalive=30"},
	{refSetup, codec.Text{EN: "will NAME TOPIC PAYLOAD [qos=N] [retain=0|1] / will NAME none", ZH: "will 名称 主题 载荷 [qos=N] [retain=0|1] / will 名称 none"},
		codec.Text{EN: "the will sent in NAME's next CONNECT", ZH: "下一次 CONNECT 携带的遗嘱"},
		`will sensor devices/sensor/status "offline" qos=1 retain=1`},

	{refActions, codec.Text{EN: "connect NAME [OPTION...]", ZH: "connect 名称 [选项…]"},
		codec.Text{EN: "open a connection and send CONNECT; options change the client from then on", ZH: "建立网络连接并发送 CONNECT；写上的选项从此修改该客户端"},
		"connect sensor clean=0"},
	{refActions, codec.Text{EN: "open NAME", ZH: "open 名称"},
		codec.Text{EN: "open a connection and send nothing: the next raw NAME bytes are the first on it", ZH: "只建立网络连接，不发送任何报文：之后 raw 名称 写出的字节就是这条连接上的第一个报文"},
		"open sensor"},
	{refActions, codec.Text{EN: "disconnect NAME", ZH: "disconnect 名称"},
		codec.Text{EN: "send DISCONNECT and close: the will is discarded", ZH: "发送 DISCONNECT 后关闭连接：遗嘱被丢弃"},
		"disconnect sensor"},
	{refActions, codec.Text{EN: "abort NAME", ZH: "abort 名称"},
		codec.Text{EN: "close without DISCONNECT, like a crash: the will is published", ZH: "不发 DISCONNECT 直接关闭，相当于设备死机：遗嘱会被发布"},
		"abort sensor"},
	{refActions, codec.Text{EN: "subscribe NAME FILTER [qos=N] [FILTER [qos=N]]...", ZH: "subscribe 名称 过滤器 [qos=N] [过滤器 [qos=N]]…"},
		codec.Text{EN: "one SUBSCRIBE (qos defaults to 0); a filter that is only # is written \"#\"", ZH: "发送一个 SUBSCRIBE（qos 默认 0）；只有 # 的过滤器要写成 \"#\""},
		`subscribe phone devices/+/temp qos=1 "#"`},
	{refActions, codec.Text{EN: "unsubscribe NAME FILTER...", ZH: "unsubscribe 名称 过滤器…"},
		codec.Text{EN: "one UNSUBSCRIBE", ZH: "发送一个 UNSUBSCRIBE"},
		"unsubscribe phone devices/#"},
	{refActions, codec.Text{EN: "publish NAME TOPIC PAYLOAD [qos=N] [retain=0|1] [repeat=N]", ZH: "publish 名称 主题 载荷 [qos=N] [retain=0|1] [repeat=N]"},
		codec.Text{EN: "publish; the payload in double quotes with Go escapes; repeat makes it N copies of PAYLOAD", ZH: "发布消息；有效载荷写在双引号中，转义写法与 Go 相同；repeat 把载荷重复 N 次"},
		`publish sensor devices/sensor/temp "21.5" qos=1 retain=1`},
	{refActions, codec.Text{EN: "ping NAME", ZH: "ping 名称"},
		codec.Text{EN: "send PINGREQ now", ZH: "立即发送 PINGREQ"},
		"ping sensor"},
	{refActions, codec.Text{EN: "raw NAME HEX...", ZH: "raw 名称 十六进制字节…"},
		codec.Text{EN: "write bytes as they are, as a tutorial prints them", ZH: "原样写出字节，如教程中打印的报文"},
		"raw sensor 30 0b 00 04 31 31 31 31 39 39 39"},
	{refActions, codec.Text{EN: "raw broker NAME HEX...", ZH: "raw broker 名称 十六进制字节…"},
		codec.Text{EN: "the broker writes bytes as they are on NAME's connection, as a faulty broker would; NAME reacts as a client must", ZH: "服务端在该客户端的连接上原样写出字节，模拟有缺陷的服务端；客户端按协议规定作出反应"},
		"raw broker sensor 20 02 00 00"},
	{refActions, codec.Text{EN: "restart broker [sessions=0|1] [retained=0|1]", ZH: "restart broker [sessions=0|1] [retained=0|1]"},
		codec.Text{EN: "the broker stops and starts again: every connection ends, their wills are lost; by default it keeps clean-session-0 sessions and retained messages, as on disk (MQTT-4.1.0-1)", ZH: "服务端停止后重新启动：所有连接断开，遗嘱丢失；默认保留清理会话为 0 的会话和保留消息，相当于存到磁盘（MQTT-4.1.0-1）"},
		"restart broker sessions=0"},
	{refActions, codec.Text{EN: "repeat N … end", ZH: "repeat N … end"},
		codec.Text{EN: "the lines between run N times (1–100000), each copy checked at its own line; blocks do not nest", ZH: "中间的各行重复执行 N 次（1–100000），每次的预期都在各自的行号上检查；不能嵌套"},
		"repeat 3\n  publish sensor devices/sensor/temp \"21.5\" qos=1\nend"},
	{refActions, codec.Text{EN: "hold NAME TYPE... / release NAME TYPE...", ZH: "hold 名称 类型… / release 名称 类型…"},
		codec.Text{EN: "hold back (then send) PUBACK, PUBREC, PUBREL, PUBCOMP", ZH: "暂扣（之后再发出）PUBACK、PUBREC、PUBREL、PUBCOMP"},
		"hold phone PUBACK\nrelease phone PUBACK"},
	{refActions, codec.Text{EN: "hold broker NAME TYPE... / release broker NAME TYPE...", ZH: "hold broker 名称 类型… / release broker 名称 类型…"},
		codec.Text{EN: "the broker holds back (then sends) its PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK to NAME, as a slow broker answers late; one held for a connection that closed is never sent", ZH: "服务端暂扣（之后再发出）发给该客户端的 PUBACK、PUBREC、PUBREL、PUBCOMP、SUBACK、UNSUBACK，模拟应答迟缓的服务端；所属连接已关闭的确认不再发送"},
		"hold broker sensor PUBACK\nrelease broker sensor PUBACK"},
	{refActions, codec.Text{EN: "wait DURATION", ZH: "wait 时长"},
		codec.Text{EN: "let virtual time pass (250ms, 90s, 1m30s): keepalive, pings and resend timers fire", ZH: "让虚拟时间流逝（250ms、90s、1m30s）：保持连接、心跳、重发定时器都会触发"},
		"wait 90s"},
	{refActions, codec.Text{EN: "note en: TEXT / note zh: TEXT", ZH: "note en: … / note zh: …"},
		codec.Text{EN: "the lesson's own narration at this point", ZH: "课程在此处的讲解"},
		"note zh: 服务端为离线的 phone 缓存这条消息。"},

	{refFaults, codec.Text{EN: "drop next TYPE to NAME [id=N]", ZH: "drop next 类型 to 名称 [id=N]"},
		codec.Text{EN: "lose the next TYPE packet from the broker to NAME (TYPE packet means any)", ZH: "丢弃服务端发给该客户端的下一个该类型报文（类型写 packet 表示任意）"},
		"drop next PUBACK to sensor"},
	{refFaults, codec.Text{EN: "drop next TYPE from NAME [id=N]", ZH: "drop next 类型 from 名称 [id=N]"},
		codec.Text{EN: "lose the next TYPE packet from NAME to the broker", ZH: "丢弃该客户端发给服务端的下一个该类型报文"},
		"drop next PUBLISH from sensor id=1"},
	{refFaults, codec.Text{EN: "duplicate next TYPE to|from NAME [id=N]", ZH: "duplicate next 类型 to|from 名称 [id=N]"},
		codec.Text{EN: "the network delivers the next such packet twice, the same bytes (DUP stays 0)", ZH: "网络把下一个该类型报文投递两次，字节完全相同（DUP 仍为 0）"},
		"duplicate next PUBLISH from sensor"},
	{refFaults, codec.Text{EN: "resend next TYPE to|from NAME [id=N]", ZH: "resend next 类型 to|from 名称 [id=N]"},
		codec.Text{EN: "its sender sends the next such packet again at once, as its resend timer would: DUP 1, the same id", ZH: "发送方立即把下一个该类型报文再发一次，如同重发定时器到期：DUP 置 1，报文标识符不变"},
		"resend next PUBLISH from sensor"},
	{refFaults, codec.Text{EN: "resend NAME", ZH: "resend 名称"},
		codec.Text{EN: "NAME sends again now every PUBLISH and PUBREL without an answer", ZH: "该客户端立即重发所有尚未收到应答的 PUBLISH 和 PUBREL"},
		"resend sensor"},
	{refFaults, codec.Text{EN: "drop 30% on NAME", ZH: "drop 30% on 名称"},
		codec.Text{EN: "lose every packet on NAME's link with that probability (seeded); 0% stops", ZH: "该链路上每个报文按此概率丢弃（由随机种子决定）；0% 停止"},
		"drop 30% on sensor"},
	{refFaults, codec.Text{EN: "cut NAME", ZH: "cut 名称"},
		codec.Text{EN: "close the connection at both ends now", ZH: "立即切断连接，两端都知道"},
		"cut sensor"},
	{refFaults, codec.Text{EN: "silence NAME", ZH: "silence 名称"},
		codec.Text{EN: "half-open: nothing arrives and nobody is told; keepalive finds out", ZH: "半开连接：报文到不了，两端都不知道，只能靠保持连接发现"},
		"silence sensor"},
	{refFaults, codec.Text{EN: "restore NAME", ZH: "restore 名称"},
		codec.Text{EN: "end silence and drop rules", ZH: "解除静默和丢包规则"},
		"restore sensor"},
	{refFaults, codec.Text{EN: "latency NAME 20ms / latency NAME up=5ms down=50ms", ZH: "latency 名称 20ms / latency 名称 up=5ms down=50ms"},
		codec.Text{EN: "one-way latency of NAME's link", ZH: "该链路的单向延迟"},
		"latency sensor up=5ms down=50ms"},

	{refExpect, codec.Text{EN: "expect NAME receives TOPIC [PAYLOAD] [qos=N] [retain=0|1] [dup=0|1] [id=N]", ZH: "expect 名称 receives 主题 [载荷] [qos=N] [retain=0|1] [dup=0|1] [id=N]"},
		codec.Text{EN: "NAME received a matching message after the ones earlier receives/no delivery lines looked at; the next one looks after it", ZH: "在之前的 receives / no delivery 检查过的消息之后，该客户端收到过一条符合的消息；下一条 receives 从它之后找"},
		`expect phone receives devices/sensor/temp "21.5" qos=1`},
	{refExpect, codec.Text{EN: "expect no delivery to NAME", ZH: "expect no delivery to 名称"},
		codec.Text{EN: "NAME received nothing new since then", ZH: "此后该客户端没有收到新消息"},
		"expect no delivery to phone"},
	{refExpect, codec.Text{EN: "expect NAME received N [messages]", ZH: "expect 名称 received N [messages]"},
		codec.Text{EN: "NAME received N messages since the start", ZH: "从开始到现在共收到 N 条消息"},
		"expect phone received 2 messages"},
	{refExpect, codec.Text{EN: "expect NAME connected", ZH: "expect 名称 connected"},
		codec.Text{EN: "NAME's connection is open and it received CONNACK 0 on it", ZH: "客户端的连接已打开，并在这条连接上收到了 CONNACK 0"},
		"expect sensor connected"},
	{refExpect, codec.Text{EN: "expect NAME connecting", ZH: "expect 名称 connecting"},
		codec.Text{EN: "NAME's connection is open but has no CONNACK 0 (yet)", ZH: "网络连接已打开，但还没有收到 CONNACK 0"},
		"expect phone connecting"},
	{refExpect, codec.Text{EN: "expect NAME disconnected", ZH: "expect 名称 disconnected"},
		codec.Text{EN: "NAME's end of its connection is closed (or it never opened one)", ZH: "客户端这一端的连接已关闭（或从未建立连接）"},
		"expect sensor disconnected"},
	{refExpect, codec.Text{EN: "expect NAME connack CODE [session=0|1]", ZH: "expect 名称 connack 返回码 [session=0|1]"},
		codec.Text{EN: "the last CONNACK NAME received on its current connection had that return code (and Session Present)", ZH: "当前连接上最近收到的 CONNACK 的返回码（及当前会话标志）"},
		"expect sensor connack 0 session=0"},
	{refExpect, codec.Text{EN: "expect NAME suback CODE...", ZH: "expect 名称 suback 返回码…"},
		codec.Text{EN: "the last SUBACK on its current connection: return codes 0 1 2 0x80", ZH: "当前连接上最近收到的 SUBACK 的返回码：0 1 2 0x80"},
		"expect phone suback 1"},
	{refExpect, codec.Text{EN: "expect NAME got TYPE [id=N]", ZH: "expect 名称 got 类型 [id=N]"},
		codec.Text{EN: "the last TYPE packet NAME received on its current connection (with that packet id)", ZH: "当前连接上最近收到并处理的该类型报文（及其报文标识符）"},
		"expect phone got PUBLISH id=1"},
	{refExpect, codec.Text{EN: "expect NAME got no TYPE", ZH: "expect 名称 got no 类型"},
		codec.Text{EN: "NAME received no TYPE on its current connection", ZH: "当前连接上没有收到该类型的报文"},
		"expect sensor got no PINGRESP"},
	{refExpect, codec.Text{EN: "expect NAME sent TYPE [id=N] / expect NAME sent no TYPE", ZH: "expect 名称 sent 类型 [id=N] / expect 名称 sent no 类型"},
		codec.Text{EN: "the same for what NAME sent (lost packets included)", ZH: "同上，看客户端发出的报文（包括丢失的）"},
		"expect phone sent PUBACK id=1"},
	{refExpect, codec.Text{EN: "expect broker got TYPE from NAME [id=N] / expect broker got no TYPE from NAME", ZH: "expect broker got 类型 from 名称 [id=N] / expect broker got no 类型 from 名称"},
		codec.Text{EN: "the same at the broker's end of NAME's current connection: what the broker received and processed", ZH: "同上，看服务端在该客户端当前连接上收到并处理的报文"},
		"expect broker got SUBSCRIBE from phone id=1"},
	{refExpect, codec.Text{EN: "expect broker sent TYPE to NAME [id=N] / expect broker sent no TYPE to NAME", ZH: "expect broker sent 类型 to 名称 [id=N] / expect broker sent no 类型 to 名称"},
		codec.Text{EN: "what the broker sent on it, lost packets included: sent no CONNACK tells a CONNACK never sent from one the link lost", ZH: "服务端在这条连接上发出的报文（包括丢失的）：sent no CONNACK 能区分根本没发和在链路上丢失"},
		"expect broker sent no CONNACK to sensor"},
	{refExpect, codec.Text{EN: "expect broker closed NAME", ZH: "expect broker closed 名称"},
		codec.Text{EN: "the broker closed NAME's current connection itself (a protocol violation, a refusing CONNACK, keepalive), not a cut", ZH: "服务端自己关闭了该客户端的当前连接（协议违规、拒绝连接的 CONNACK、保持连接超时），而不是链路被切断"},
		"expect broker closed sensor"},
	{refExpect, codec.Text{EN: "expect NAME closed", ZH: "expect 名称 closed"},
		codec.Text{EN: "NAME closed its current connection itself (DISCONNECT, a protocol violation from the broker, no PINGRESP)", ZH: "客户端自己关闭了当前连接（DISCONNECT、服务端协议违规、等不到 PINGRESP）"},
		"expect sensor closed"},
	{refExpect, codec.Text{EN: "expect NAME inflight N", ZH: "expect 名称 inflight N"},
		codec.Text{EN: "the client has N unfinished QoS 1/2 exchanges", ZH: "客户端有 N 条尚未完成确认的 QoS 1/2 消息"},
		"expect sensor inflight 0"},
	{refExpect, codec.Text{EN: "expect broker session ID present|absent|connected|disconnected", ZH: "expect broker session 标识符 present|absent|connected|disconnected"},
		codec.Text{EN: "the broker's session for a client id (or a client's name: its id at that line)", ZH: "服务端该客户端标识符的会话（也可写客户端名称，取其此时的标识符）"},
		"expect broker session sensor connected"},
	{refExpect, codec.Text{EN: "expect broker session ID inflight N / ... queued N", ZH: "expect broker session 标识符 inflight N / … queued N"},
		codec.Text{EN: "unfinished exchanges / messages queued while offline", ZH: "尚未完成确认的消息数 / 排队（离线缓存）的消息数"},
		"expect broker session phone queued 0"},
	{refExpect, codec.Text{EN: "expect broker session ID subscribed FILTER [qos=N]", ZH: "expect broker session 标识符 subscribed 过滤器 [qos=N]"},
		codec.Text{EN: "the session holds that subscription", ZH: "会话中有该订阅"},
		"expect broker session phone subscribed devices/# qos=1"},
	{refExpect, codec.Text{EN: "expect retained TOPIC [PAYLOAD] [qos=N] / expect no retained TOPIC", ZH: "expect retained 主题 [载荷] [qos=N] / expect no retained 主题"},
		codec.Text{EN: "the broker's retained message on TOPIC", ZH: "服务端在该主题上的保留消息"},
		"expect no retained devices/sensor/temp"},
	{refExpect, codec.Text{EN: "expect rule RULE", ZH: "expect rule 规则"},
		codec.Text{EN: "a note of the run so far names the rule", ZH: "到目前为止某条说明引用了该规则"},
		"expect rule MQTT-3.1.0-2"},
}

// scenarioReference is the scenario language's reference as a component
// of its own: go-app builds and compares its hundred rows again only when
// the language changes, not on every step the page's player takes.
type scenarioReference struct {
	app.Compo
	Lang string
}

func (r *scenarioReference) Render() app.UI { return renderReference(r.Lang) }

// renderReference is the scenario language's reference, folded: one
// table per part, each statement with what it does and an example.
func renderReference(lang string) app.UI {
	tables := make([]app.UI, 0, len(refGroups))
	for _, g := range refGroups {
		var rows []app.UI
		for _, e := range reference {
			if e.group != g {
				continue
			}
			rows = append(rows, app.Tr().Body(
				app.Td().Body(app.Code().Text(e.form.In(lang))),
				app.Td().Text(e.meaning.In(lang)),
				app.Td().Body(app.Code().Class("ref-example").Text(e.example)),
			))
		}
		tables = append(tables, app.Table().Class("reference").Body(
			app.Caption().Text(tr(lang, "scenario.ref."+string(g))),
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(tr(lang, "scenario.ref.form")),
				app.Th().Scope("col").Text(tr(lang, "scenario.ref.meaning")),
				app.Th().Scope("col").Text(tr(lang, "scenario.ref.example")),
			)),
			app.TBody().Body(rows...),
		))
	}
	return app.Details().ID("scenario-reference").Class("reference").Body(
		app.Summary().Text(tr(lang, "scenario.ref")),
		app.P().Text(tr(lang, "scenario.ref.rules")),
		app.Div().Class("reference-tables").Body(tables...),
	)
}

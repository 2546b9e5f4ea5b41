package ui

import "mqttviz/codec"

// watchStrings are the strings of the watch page (/watch/: the devices
// of `mqttviz broker`, watched from its own --http address).
var watchStrings = map[string]codec.Text{
	"nav.watch":     {EN: "Watch the broker", ZH: "观察服务端"},
	"title.watch":   {EN: "Watch: mqttviz broker · mqttviz", ZH: "观察 mqttviz broker · mqttviz"},
	"watch.heading": {EN: "Watch the broker", ZH: "观察服务端内部"},
	"watch.intro": {EN: "Every device connected to this mqttviz broker is a lifeline: every packet it sends or receives is an arrow with its bytes, and the broker's notes name the rule behind each decision. The state panel shows the broker's insides: sessions, subscriptions, in-flight messages with their QoS 2 stage, queued and retained messages, wills. This page only reads: it cannot change anything.",
		ZH: "连接到这个 mqttviz broker 的每个设备都是一条生命线：它收发的每个报文都是一个箭头，带着报文的全部字节；服务端的说明会写出每个决定所依据的规范条款。状态面板展示服务端的内部：会话、订阅、正在传输的消息（包括 QoS 2 的阶段）、排队的消息、保留消息和遗嘱。本页面只读，不会改变任何东西。"},
	"watch.connecting": {EN: "Connecting to the broker's watch stream…", ZH: "正在连接服务端的观察数据流……"},
	"watch.open":       {EN: "Connected: new steps appear as the devices send them.", ZH: "已连接：设备每发送一个报文，新的步骤就会出现。"},
	"watch.waiting":    {EN: "No device has connected yet. Connect one to this broker, for example with mosquitto_pub, and its packets appear here.", ZH: "还没有设备连接。用 mosquitto_pub 等工具连接这个服务端，它的报文就会出现在这里。"},
	"watch.closed": {EN: "The broker stopped, and with it the watch stream: what was shown stays, and Save trace still saves it. Reload the page once the broker runs again.",
		ZH: "服务端已停止，观察数据流随之关闭：已显示的内容仍然保留，也仍可以保存轨迹。服务端重新运行后，刷新页面即可继续观察。"},
	"watch.checking": {EN: "The watch stream broke off: checking whether the broker still runs…",
		ZH: "观察数据流中断了：正在检查服务端是否仍在运行……"},
	"watch.dropped": {EN: "The broker still runs, but it closed this page's stream: the page fell too far behind, reading nothing for 30 s (or the broker's --watch-timeout), as a busy, paused or sleeping tab does, and the broker never waits for a watch page. What was shown stays, and Save trace still saves it. Reload the page to watch again: it starts from the steps the broker keeps.",
		ZH: "服务端仍在运行，但关闭了本页面的观察数据流：本页面落后太多，已有 30 秒（或服务端 --watch-timeout 指定的时长）没有读取任何数据，繁忙、暂停或休眠的标签页常会这样；而服务端从不为观察页面等待。已显示的内容仍然保留，也仍可以保存轨迹。刷新页面即可重新观察，页面会从服务端保留的步骤开始显示。"},
	"watch.restarted": {EN: "The broker restarted: this page shows the session before the restart, which stays (Save trace still saves it). Reload the page to watch the new session.",
		ZH: "服务端已重启：本页面显示的是重启之前的会话，内容仍然保留，也仍可以保存轨迹。刷新页面即可观察新的会话。"},
	"watch.failed": {EN: "No watch stream here: this page shows a running mqttviz broker and must be opened from its --http address (for example http://127.0.0.1:8000/watch/).",
		ZH: "这里没有观察数据流：本页面只能观察正在运行的 mqttviz broker，请从它的 --http 地址打开（例如 http://127.0.0.1:8000/watch/）。"},
	"watch.bad": {EN: "The broker sent something that is not a trace, and the page stopped reading: %s",
		ZH: "服务端发来的内容不是轨迹，页面已停止读取：%s"},
	"watch.missed": {EN: "Missed %d steps: this page fell behind the broker and caught up from a snapshot of its state (%d missed in all).",
		ZH: "漏掉了 %d 个步骤：本页面跟不上服务端，已根据服务端状态的快照赶上（共漏掉 %d 个）。"},
	"watch.masked": {EN: "Passwords in CONNECT are shown as asterisks unless the broker was started with --reveal-passwords.",
		ZH: "除非服务端以 --reveal-passwords 启动，CONNECT 中的密码都显示为星号。"},
	"step.read": {EN: "Its last byte came in read %d of connection %d, at %d ms: packets that came in one read share the number, and a packet that announced more bytes than came is completed by a later read.",
		ZH: "它的最后一个字节在连接 %[2]d 的第 %[1]d 次读取中到达（%[3]d 毫秒）：同一次读取中到达的报文编号相同；剩余长度声明的字节多于实际到达的字节时，报文要由后面的读取补齐。"},
}

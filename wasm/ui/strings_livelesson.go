package ui

import "mqttviz/codec"

// livelessonStrings are the strings of the live page's lesson run: a
// built-in lesson or a pasted scenario run against the real broker.
var livelessonStrings = map[string]codec.Text{
	"livelesson.title": {EN: "Run a lesson against this broker", ZH: "在这个服务端上运行课程"},
	"livelesson.intro": {EN: "The lesson's clients connect to the broker above and its lines run in real time (a wait line really waits). Then each expect line is checked against what the real broker did, and what the broker sent the clients is compared with the same lesson on the simulated broker. A lesson that needs the broker's insides (restarting it, its own links) cannot run here.",
		ZH: "课程中的客户端会连接到上面填写的服务端，脚本逐行按真实时间执行（wait 行会真的等待）。运行结束后，每条 expect 预期都会按真实服务端的实际行为检查，并把服务端发给客户端的报文与模拟服务端运行同一课程的结果逐一比较。需要操控服务端内部的课程（重启服务端、修改它的链路）无法在这里运行。"},
	"livelesson.choice":     {EN: "Lesson", ZH: "课程"},
	"livelesson.paste":      {EN: "A scenario of my own (paste it below)", ZH: "自己的场景脚本（粘贴在下方）"},
	"livelesson.source":     {EN: "Scenario, or a scenario's share link", ZH: "场景脚本，或场景的分享链接"},
	"livelesson.run":        {EN: "Run against the broker", ZH: "在服务端上运行"},
	"livelesson.busy":       {EN: "Disconnect the page's clients first: a lesson runs as a new recording with its own clients.", ZH: "请先断开本页的客户端：课程会以它自己的客户端开始一段新的记录。"},
	"livelesson.ownclients": {EN: "This recording is a lesson's, with the lesson's clients only: press New recording to connect the page's clients again.", ZH: "当前记录属于课程运行，只包含课程自己的客户端：请点击“重新开始记录”后再连接本页的客户端。"},
	"livelesson.unknown":    {EN: "there is no lesson named %s", ZH: "没有名为 %s 的课程"},
	"livelesson.waiting":    {EN: "Line %d: waiting, %s s left.", ZH: "第 %d 行：等待中，还剩 %s 秒。"},
	"livelesson.running":    {EN: "Running: %d of %d lines done.", ZH: "运行中：已执行 %d / %d 行。"},
	"livelesson.done":       {EN: "The lesson has run against the broker.", ZH: "课程已在服务端上运行完毕。"},
	"livelesson.refused":    {EN: "This lesson cannot run against a real broker: line %d needs the simulated broker's insides.", ZH: "这个课程无法在真实服务端上运行：第 %d 行需要操控模拟服务端的内部。"},
	"livelesson.noexpect":   {EN: "The scenario has no expect lines to check.", ZH: "这个场景没有需要检查的 expect 预期。"},
	"livelesson.expect":     {EN: "Expectations on this broker: %d ok, %d failed, %d not observable", ZH: "在这个服务端上的预期：%d 条成立，%d 条不成立，%d 条无法观察"},
	"livelesson.nodiff":     {EN: "No difference from the simulated broker in what the clients received.", ZH: "客户端收到的报文与模拟服务端完全一致。"},
	"livelesson.diffs":      {EN: "Differences from the simulated broker: %d", ZH: "与模拟服务端的差异：%d 处"},
	"livelesson.simulated":  {EN: "Simulated broker", ZH: "模拟服务端"},
	"livelesson.yours":      {EN: "This broker", ZH: "这个服务端"},
	"livelesson.none":       {EN: "(nothing)", ZH: "（没有发送）"},
	"lesson.runlive":        {EN: "Run against a real broker", ZH: "在真实服务端上运行"},
}

package ui

import "mqttviz/codec"

// presentStrings are the strings of presenter mode and predict mode.
var presentStrings = map[string]codec.Text{
	"present.on":   {EN: "Presenter mode", ZH: "演示模式"},
	"present.off":  {EN: "Leave presenter mode (Esc)", ZH: "退出演示模式（Esc）"},
	"present.keys": {EN: "PageDown, → or space: next step · PageUp or ←: back · Esc: leave", ZH: "PageDown、→ 或空格：下一步 · PageUp 或 ←：上一步 · Esc：退出"},

	"predict.on":       {EN: "Predict mode", ZH: "猜一猜模式"},
	"predict.off":      {EN: "Leave predict mode", ZH: "退出猜一猜"},
	"predict.title":    {EN: "Predict", ZH: "猜一猜"},
	"predict.question": {EN: "Predict: what is the next packet?", ZH: "猜一猜：下一个报文是什么？"},
	"predict.hint":     {EN: "Choose with ↑ ↓, confirm with Enter.", ZH: "用 ↑ ↓ 选择，按 Enter 确定。"},
	"predict.check":    {EN: "Check", ZH: "确定"},
	"predict.pick":     {EN: "Choose one of the packets first.", ZH: "请先选一个答案。"},
	"predict.right":    {EN: "Right: %s.", ZH: "答对了：%s。"},
	"predict.wrong":    {EN: "Not quite: you chose %s. The next packet is %s.", ZH: "不对：你选的是 %s。下一个报文其实是 %s。"},
	"predict.why":      {EN: "Why", ZH: "为什么"},
	"predict.next":     {EN: "Next step", ZH: "下一步"},
	"predict.score":    {EN: "Score: %d of %d right", ZH: "得分：答对 %d 题，共 %d 题"},
	"predict.waiting":  {EN: "Step on: before each packet you choose what comes next.", ZH: "继续单步：每个报文出现之前，先猜一猜它是什么。"},
	"predict.end":      {EN: "End of the trace: %d of %d right.", ZH: "已到最后一步：答对 %d 题，共 %d 题。"},
	"predict.none":     {EN: "No packet: nothing is sent next", ZH: "没有报文：接下来什么也不发"},
	"predict.guess":    {EN: "%s → %s: %s", ZH: "%s → %s：%s"},
	"predict.qos":      {EN: "QoS %d", ZH: "QoS %d"},
	"predict.dup":      {EN: "DUP 1 (a resend)", ZH: "DUP 1（重发）"},
	"predict.retain":   {EN: "retain", ZH: "保留消息"},
	"predict.sep":      {EN: ", ", ZH: "，"},
}

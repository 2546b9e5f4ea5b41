package ui

import "mqttviz/codec"

// shellStrings are the strings every page shares that are not part of
// a view: the document titles, the skip link and the not-found page.
var shellStrings = map[string]codec.Text{
	"title.home":     {EN: "mqttviz · MQTT made visible", ZH: "mqttviz · 看得见的 MQTT"},
	"title.decode":   {EN: "Decode bytes · mqttviz", ZH: "十六进制解析 · mqttviz"},
	"title.scenario": {EN: "Write a scenario · mqttviz", ZH: "编写场景 · mqttviz"},
	"title.lesson":   {EN: "%s · mqttviz", ZH: "%s · mqttviz"},
	"title.nolesson": {EN: "No such lesson · mqttviz", ZH: "课程不存在 · mqttviz"},
	"title.notfound": {EN: "Page not found · mqttviz", ZH: "页面不存在 · mqttviz"},
	"site.description": {
		EN: "MQTT 3.1.1 made visible: simulated clients and a broker exchange packets on a sequence diagram, every byte explained.",
		ZH: "看得见的 MQTT 3.1.1：模拟的客户端与代理在时序图上收发报文，每个字节都有讲解。",
	},
	"skip.content":   {EN: "Skip to content", ZH: "跳到主要内容"},
	"notfound.title": {EN: "Page not found", ZH: "页面不存在"},
	"notfound.text":  {EN: "There is no page at this address.", ZH: "这个地址没有对应的页面。"},
}

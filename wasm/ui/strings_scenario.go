package ui

import "mqttviz/codec"

// scenarioStrings are the strings of the scenario page.
var scenarioStrings = map[string]codec.Text{
	"scenario.title": {EN: "Write a scenario", ZH: "编写场景"},
	"scenario.intro": {EN: "One action per line, as in docs/lessons.md: clients, connect, subscribe, publish, drop, cut, wait, expect. Run it and watch the trace.", ZH: "每行一个动作，语法见 docs/lessons.md：client、connect、subscribe、publish、drop、cut、wait、expect。运行后即可逐步查看报文交互。"},
	"scenario.input": {EN: "Scenario", ZH: "场景脚本"},
	"scenario.run":   {EN: "Run", ZH: "运行"},
	"scenario.parse": {EN: "line %d, col %d: %s", ZH: "第 %d 行第 %d 列：%s"},
}

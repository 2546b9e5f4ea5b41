package ui

import "mqttviz/codec"

// scenarioStrings are the strings of the scenario page.
var scenarioStrings = map[string]codec.Text{
	"scenario.title":        {EN: "Write a scenario", ZH: "编写场景"},
	"scenario.intro":        {EN: "One action per line, as in docs/lessons.md: clients, connect, subscribe, publish, drop, cut, wait, expect. Run it and watch the trace.", ZH: "每行一个动作，语法见 docs/lessons.md：client、connect、subscribe、publish、drop、cut、wait、expect。运行后即可逐步查看报文交互。"},
	"scenario.input":        {EN: "Scenario", ZH: "场景脚本"},
	"scenario.run":          {EN: "Run", ZH: "运行"},
	"scenario.parse":        {EN: "line %d, col %d: %s", ZH: "第 %d 行第 %d 列：%s"},
	"scenario.share.broken": {EN: "This link does not hold a scenario: it may have been cut short when it was copied. Your own scenario is below, unchanged.", ZH: "这个链接里没有可读取的场景，可能在复制时被截断了。下面仍是你自己的场景，没有改动。"},
	"scenario.share.future": {EN: "This link was made by a newer mqttviz (format %s): reload the page to get the new version. Your own scenario is below, unchanged.", ZH: "这个链接由更新版本的 mqttviz 生成（格式 %s），请刷新页面以获取新版本。下面仍是你自己的场景，没有改动。"},
	"scenario.share.large":  {EN: "This link unpacks to more than %d MB, more than a scenario can be. Your own scenario is below, unchanged.", ZH: "这个链接解压后超过 %d MB，不可能是一个场景。下面仍是你自己的场景，没有改动。"},
}

package ui

import "mqttviz/codec"

// embedStrings are the strings of the embeds and their posters.
var embedStrings = map[string]codec.Text{
	"embed.pagetitle":      {EN: "%s · mqttviz", ZH: "%s · mqttviz"},
	"embed.open":           {EN: "Open in mqttviz", ZH: "在 mqttviz 中打开"},
	"embed.scenario":       {EN: "An MQTT scenario", ZH: "MQTT 场景演示"},
	"embed.decode":         {EN: "MQTT packets, byte by byte", ZH: "MQTT 报文逐字节解析"},
	"embed.noscenario":     {EN: "This embed carries no scenario: its address must end with a scenario link's #fragment.", ZH: "这个嵌入没有带场景：地址末尾应当是场景分享链接的 # 片段。"},
	"embed.play.lesson":    {EN: "Play the lesson", ZH: "播放本课"},
	"embed.play.scenario":  {EN: "Play the scenario", ZH: "播放场景"},
	"embed.play.decode":    {EN: "Show the breakdown", ZH: "查看逐字节解析"},
	"embed.poster.note":    {EN: "The interactive diagram loads when you press the button.", ZH: "按下按钮后才加载可交互的时序图。"},
	"embed.poster.loading": {EN: "Loading…", ZH: "正在加载…"},
}

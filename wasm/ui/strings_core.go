package ui

import "mqttviz/codec"

// coreStrings are the strings of the header, the picker, the player and
// the views every player page shows.
var coreStrings = map[string]codec.Text{
	"brand.tagline":   {EN: "MQTT 3.1.1, made visible", ZH: "看得见的 MQTT 3.1.1"},
	"nav.lessons":     {EN: "Lessons", ZH: "课程"},
	"nav.decode":      {EN: "Decode bytes", ZH: "十六进制解析"},
	"nav.main":        {EN: "Main", ZH: "主导航"},
	"lang.label":      {EN: "Language", ZH: "语言"},
	"loading":         {EN: "Loading…", ZH: "加载中…"},
	"picker.title":    {EN: "Lessons", ZH: "课程列表"},
	"picker.intro":    {EN: "Pick a lesson: simulated clients and a broker exchange real MQTT 3.1.1 packets, step by step, every byte explained.", ZH: "选择一节课程：模拟的客户端与服务端（Broker）逐步交换真实的 MQTT 3.1.1 报文，每个字节都有讲解。"},
	"picker.none":     {EN: "No lessons are built in yet.", ZH: "暂无内置课程。"},
	"lesson.notfound": {EN: "There is no lesson named %s.", ZH: "没有名为 %s 的课程。"},
	"lesson.expect":   {EN: "Expectations", ZH: "预期结果"},
	"lesson.failed":   {EN: "%d did not hold", ZH: "%d 条未满足"},
	"player.label":    {EN: "Player", ZH: "播放控制"},
	"player.start":    {EN: "To start", ZH: "回到开头"},
	"player.back":     {EN: "Step back", ZH: "后退一步"},
	"player.play":     {EN: "Play", ZH: "播放"},
	"player.pause":    {EN: "Pause", ZH: "暂停"},
	"player.forward":  {EN: "Step forward", ZH: "前进一步"},
	"player.end":      {EN: "To end", ZH: "跳到结尾"},
	"player.speed":    {EN: "Speed", ZH: "速度"},
	"player.position": {EN: "Step %d of %d", ZH: "第 %d 步，共 %d 步"},
	"player.keys":     {EN: "Keys: space play/pause, ← → step, Home/End, S share", ZH: "快捷键：空格 播放/暂停，← → 单步，Home/End 首尾，S 分享"},
	"inspector.title": {EN: "Packet inspector", ZH: "报文解析"},
	"inspector.edit":  {EN: "Edit these bytes in Decode bytes →", ZH: "在十六进制解析中修改这些字节 →"},
	"nav.scenario":    {EN: "Write a scenario", ZH: "编写场景"},
}

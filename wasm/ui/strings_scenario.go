package ui

import "mqttviz/codec"

// scenarioStrings are the strings of the scenario page.
var scenarioStrings = map[string]codec.Text{
	"scenario.title":             {EN: "Write a scenario", ZH: "编写场景"},
	"scenario.intro":             {EN: "One statement per line: declare clients, connect them, subscribe, publish, lose packets, cut links, let time pass, and say what you expect. Run it and step through the trace; the reference below lists every statement.", ZH: "每行一条语句：声明客户端、建立连接、订阅、发布、丢弃报文、切断链路、让时间流逝，并写下你的预期。运行后即可逐步查看报文交互；下方的语法参考列出了全部语句。"},
	"scenario.input":             {EN: "Scenario", ZH: "场景脚本"},
	"scenario.run":               {EN: "Run", ZH: "运行"},
	"scenario.cancel":            {EN: "Cancel", ZH: "取消"},
	"scenario.example":           {EN: "Back to the example", ZH: "恢复示例"},
	"scenario.keys":              {EN: "Ctrl+Enter (⌘+Enter) runs. Your edits are kept in this browser; after Run the address is a link to the scenario.", ZH: "按 Ctrl+Enter（⌘+Enter）运行。修改会保存在本浏览器中；运行后，地址栏中的地址就是这个场景的分享链接。"},
	"scenario.running":           {EN: "Running…", ZH: "正在运行……"},
	"scenario.reading":           {EN: "reading line %s of %s", ZH: "正在读取第 %s / %s 行"},
	"scenario.progress":          {EN: "statement %s of %s · %s steps so far", ZH: "第 %s / %s 条语句 · 已有 %s 步"},
	"scenario.failed":            {EN: "The scenario does not run", ZH: "场景无法运行"},
	"scenario.empty":             {EN: "Nothing to run", ZH: "没有可运行的内容"},
	"scenario.empty.why":         {EN: "The scenario is empty: write one statement per line (start with “client sensor” and “connect sensor”), then Run.", ZH: "场景是空的：每行写一条语句（可以从“client sensor”和“connect sensor”开始），然后点击运行。"},
	"scenario.cancelled":         {EN: "Run cancelled", ZH: "已取消运行"},
	"scenario.cancelled.at":      {EN: "Stopped after statement %s of %s. Run starts again from the top.", ZH: "在第 %s / %s 条语句后停止。再次运行会从头开始。"},
	"scenario.cancelled.reading": {EN: "Stopped while reading line %s of %s. Run starts again from the top.", ZH: "在读取第 %s / %s 行时停止。再次运行会从头开始。"},
	"scenario.place":             {EN: "line %d, col %d", ZH: "第 %d 行第 %d 列"},
	"scenario.line":              {EN: "line %d", ZH: "第 %d 行"},
	"scenario.colon":             {EN: ": ", ZH: "："},
	"scenario.jump":              {EN: "Show this line in the scenario", ZH: "在场景脚本中定位到这一行"},
	"scenario.untitled":          {EN: "Untitled scenario", ZH: "未命名场景"},
	"scenario.nosteps":           {EN: "The scenario ran, but nothing happened on the network: connect a client to see packets.", ZH: "场景已运行，但网络上没有任何报文：连接一个客户端即可看到报文交互。"},

	"scenario.ref":         {EN: "Reference: every statement, with an example", ZH: "语法参考：全部语句及示例"},
	"scenario.ref.rules":   {EN: "One statement per line; words are separated by spaces; # at the start of a word begins a comment. Strings are in double quotes with Go escapes (\"21.5\", \"\\xc0\"); options are key=value after the other words; flags are 0 or 1. Each action runs until the network is quiet, so the packets of one line have arrived before the next; only wait moves time on. The examples use two clients, sensor and phone; most assume both are connected and the phone subscribed to devices/#.", ZH: "每行一条语句，单词之间用空格分隔；单词开头的 # 表示注释。字符串写在双引号中，转义写法与 Go 相同（\"21.5\"、\"\\xc0\"）；选项写作 键=值，放在其他单词之后；标志取 0 或 1。每个动作都执行到网络空闲为止，所以下一行开始时，上一行产生的报文都已到达；只有 wait 会让时间前进。示例使用两个客户端 sensor 和 phone；多数示例假定二者都已连接，且 phone 订阅了 devices/#。"},
	"scenario.ref.setup":   {EN: "Set-up", ZH: "场景设置"},
	"scenario.ref.actions": {EN: "Actions", ZH: "动作"},
	"scenario.ref.faults":  {EN: "Faults", ZH: "故障"},
	"scenario.ref.expect":  {EN: "Expectations: each is checked where it stands", ZH: "预期：每条预期在所处的位置检查"},
	"scenario.ref.form":    {EN: "statement", ZH: "语句"},
	"scenario.ref.meaning": {EN: "what it does", ZH: "含义"},
	"scenario.ref.example": {EN: "example", ZH: "示例"},

	"scenario.share.broken": {EN: "This link does not hold a scenario: it may have been cut short when it was copied. Your own scenario is below, unchanged.", ZH: "这个链接里没有可读取的场景，可能在复制时被截断了。下面仍是你自己的场景，没有改动。"},
	"scenario.share.future": {EN: "This link was made by a newer mqttviz (format %s): reload the page to get the new version. Your own scenario is below, unchanged.", ZH: "这个链接由更新版本的 mqttviz 生成（格式 %s），请刷新页面以获取新版本。下面仍是你自己的场景，没有改动。"},
	"scenario.share.large":  {EN: "This link unpacks to more than %d MB, more than a scenario can be. Your own scenario is below, unchanged.", ZH: "这个链接解压后超过 %d MB，不可能是一个场景。下面仍是你自己的场景，没有改动。"},
}

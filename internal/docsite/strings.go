package docsite

import "mqttviz/codec"

// words are the words of the pages around the documents: the header
// (as the app's own), the list of pages, the catalogue, the frames.
var words = map[string]codec.Text{
	"skip":         {EN: "Skip to content", ZH: "跳到主要内容"},
	"tagline":      {EN: "MQTT 3.1.1, made visible", ZH: "看得见的 MQTT 3.1.1"},
	"nav.main":     {EN: "Main", ZH: "主导航"},
	"nav.lessons":  {EN: "Lessons", ZH: "课程"},
	"nav.decode":   {EN: "Decode bytes", ZH: "十六进制解析"},
	"nav.scenario": {EN: "Write a scenario", ZH: "编写场景"},
	"nav.trace":    {EN: "Open trace", ZH: "打开轨迹文件"},
	"nav.live":     {EN: "Live broker", ZH: "连接真实服务端"},
	"nav.docs":     {EN: "Docs", ZH: "文档"},
	"lang.label":   {EN: "Language", ZH: "语言"},
	"docs.title":   {EN: "Documentation", ZH: "文档"},
	"docs.pages":   {EN: "Documentation pages", ZH: "文档目录"},
	"docs.intro": {
		EN: "How to use mqttviz: watch a lesson, decode bytes, write your own scenario, embed a lesson in your page, connect a real broker, and work offline.",
		ZH: "mqttviz 使用说明：观看课程、解析十六进制报文、编写自己的场景、把课程嵌入自己的网页、连接真实的服务端，以及离线使用。",
	},
	"pager":           {EN: "Previous and next page", ZH: "上一页和下一页"},
	"pager.prev":      {EN: "Previous: %s", ZH: "上一页：%s"},
	"pager.next":      {EN: "Next: %s", ZH: "下一页：%s"},
	"site.suffix":     {EN: "mqttviz documentation", ZH: "mqttviz 文档"},
	"catalogue.title": {EN: "Lesson catalogue", ZH: "课程目录"},
	"catalogue.intro": {
		EN: "Every built-in lesson, in the order the home page lists them. Each opens on its own page, and each can be embedded in yours.",
		ZH: "全部内置课程，顺序与首页相同。每节课程都有自己的页面，也都可以嵌入你自己的网页。",
	},
	"catalogue.how":   {EN: "How to embed one:", ZH: "嵌入方法见："},
	"catalogue.level": {EN: "Level", ZH: "难度"},
	"catalogue.name":  {EN: "Name", ZH: "名称"},
	"catalogue.open":  {EN: "Open the lesson", ZH: "打开课程"},
	"catalogue.embed": {EN: "Embedded view", ZH: "嵌入视图"},
	"level.basics":    {EN: "Basics", ZH: "入门"},
	"level.further":   {EN: "Going further", ZH: "进阶"},
	"level.edges":     {EN: "Edge cases and faults", ZH: "边界与故障"},
	"frame.title":     {EN: "Lesson, embedded: %s", ZH: "嵌入的课程：%s"},
	"frame.open":      {EN: "Open this lesson on its own page", ZH: "在单独的页面中打开这节课程"},
	"index.lang":      {EN: "Read the documentation in English", ZH: "阅读简体中文文档"},
}

// tr is the string key in lang ("en" or "zh").
func tr(lang, key string) string {
	t, ok := words[key]
	if !ok {
		return key
	}
	return t.In(lang)
}

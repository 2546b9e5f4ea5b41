package ui

import "mqttviz/codec"

// traceioStrings are the strings of the trace page (/trace/: open a
// saved trace file) and of the Save trace button of every player page.
var traceioStrings = map[string]codec.Text{
	"nav.trace":         {EN: "Open trace", ZH: "打开轨迹文件"},
	"title.trace":       {EN: "Open a trace · mqttviz", ZH: "打开轨迹文件 · mqttviz"},
	"title.traceof":     {EN: "%s · trace · mqttviz", ZH: "%s · 轨迹 · mqttviz"},
	"trace.heading":     {EN: "Open a trace", ZH: "打开轨迹文件"},
	"trace.intro":       {EN: "A trace is the JSON file of one run: what Save trace downloads from a lesson or a scenario, or what mqttviz run LESSON --format json writes. It plays here with the same diagram, inspector and state as a lesson, in your browser: the file goes to no server.", ZH: "轨迹文件是一次运行的 JSON 记录：可以在课程或场景页面点击“保存轨迹”下载，也可以用 mqttviz run 课程名 --format json 生成。文件在这里像课程一样播放，时序图、报文解析和状态一应俱全，全部在浏览器中完成，不会上传到任何服务器。"},
	"trace.choose":      {EN: "Choose a trace file (.json)", ZH: "选择轨迹文件（.json）"},
	"trace.pick":        {EN: "Choose a file…", ZH: "选择文件…"},
	"trace.drop":        {EN: "or drop the file here", ZH: "或把文件拖放到这里"},
	"trace.paste":       {EN: "Or paste the trace's JSON", ZH: "或粘贴轨迹的 JSON 文本"},
	"trace.paste.open":  {EN: "Open the pasted JSON", ZH: "打开粘贴的 JSON"},
	"trace.limit":       {EN: "Files up to %d MB.", ZH: "文件不超过 %d MB。"},
	"trace.pasted":      {EN: "the pasted text", ZH: "粘贴的文本"},
	"trace.cannot":      {EN: "%s could not be opened: %s.", ZH: "无法打开%s：%s。"},
	"trace.kept":        {EN: "The trace shown below is still the one opened before.", ZH: "下方显示的仍是之前打开的轨迹。"},
	"trace.unreadable":  {EN: "the browser could not read the file (%s)", ZH: "浏览器无法读取这个文件（%s）"},
	"trace.nothing":     {EN: "there is nothing to open: paste a trace's JSON first", ZH: "没有可打开的内容：请先粘贴轨迹的 JSON 文本"},
	"trace.opened":      {EN: "Opened %s: %d steps.", ZH: "已打开%s：共 %d 步。"},
	"trace.untitled":    {EN: "Untitled trace", ZH: "未命名轨迹"},
	"trace.source":      {EN: "Source: %s", ZH: "来源：%s"},
	"trace.scenario":    {EN: "scenario %s", ZH: "场景 %s"},
	"trace.seed":        {EN: "seed %d", ZH: "随机种子 %d"},
	"trace.started":     {EN: "started %s", ZH: "开始于 %s"},
	"trace.file":        {EN: "file %s", ZH: "文件 %s"},
	"trace.save":        {EN: "Save trace", ZH: "保存轨迹"},
	"trace.save.title":  {EN: "Download this trace as JSON, to open later on Open trace", ZH: "把这份轨迹下载为 JSON 文件，以后可在“打开轨迹文件”页面打开"},
	"trace.save.failed": {EN: "The trace could not be saved: %s", ZH: "无法保存轨迹：%s"},
}

package ui

import "mqttviz/codec"

// shareStrings are the strings of the Share dialog of every player page
// and the decode page.
var shareStrings = map[string]codec.Text{
	"share.open":         {EN: "Share", ZH: "分享"},
	"share.open.title":   {EN: "Share this view: a link, an embed, a picture, the Mermaid text (S)", ZH: "分享当前视图：链接、嵌入代码、图片、Mermaid 文本（S）"},
	"share.title":        {EN: "Share step %d of %d", ZH: "分享第 %d 步（共 %d 步）"},
	"share.title.decode": {EN: "Share these packets", ZH: "分享这些报文"},
	"share.close":        {EN: "Close", ZH: "关闭"},
	"share.intro":        {EN: "Copy a text and paste it where you write: each opens this view, in this language.", ZH: "复制下面的文本，粘贴到你写作的地方：每一项都会以当前语言打开这个视图。"},

	"share.link":         {EN: "Link to this step", ZH: "当前步骤的链接"},
	"share.link.decode":  {EN: "Link to these bytes", ZH: "这些字节的链接"},
	"share.nolink":       {EN: "A trace opened from a file has no address to link: save it with “Save trace” and send the file.", ZH: "从文件打开的轨迹没有可分享的网址：请用“保存轨迹”保存，再把文件发给对方。"},
	"share.embed":        {EN: "Embed in a web page (iframe)", ZH: "嵌入网页（iframe）"},
	"share.markdown":     {EN: "Markdown with a picture of the diagram", ZH: "带时序图图片的 Markdown"},
	"share.download":     {EN: "Download the SVG", ZH: "下载 SVG"},
	"share.download.why": {EN: "This diagram has no address of its own: download the SVG and put it beside your Markdown file under the name the snippet gives, %s.", ZH: "这张时序图没有自己的网址：请下载 SVG，以代码中的文件名 %s 放在 Markdown 文件旁边。"},
	"share.mermaid":      {EN: "Mermaid text (GitHub draws it in a ```mermaid block)", ZH: "Mermaid 文本（放进 ```mermaid 代码块，GitHub 会画出时序图）"},

	"share.copy":          {EN: "Copy", ZH: "复制"},
	"share.copy.link":     {EN: "Copy the link", ZH: "复制链接"},
	"share.copy.embed":    {EN: "Copy the iframe snippet", ZH: "复制 iframe 代码"},
	"share.copy.markdown": {EN: "Copy the Markdown", ZH: "复制 Markdown"},
	"share.copy.mermaid":  {EN: "Copy the Mermaid text", ZH: "复制 Mermaid 文本"},
	"share.copied":        {EN: "Copied to the clipboard: %s.", ZH: "已复制到剪贴板：%s。"},
	"share.selected":      {EN: "The browser did not let the page copy %s: it is selected, press Ctrl+C (⌘C on a Mac).", ZH: "浏览器不允许网页直接复制%s：文字已选中，请按 Ctrl+C（Mac 上按 ⌘C）。"},
	"share.saved":         {EN: "Downloaded %s.", ZH: "已下载 %s。"},
	"share.savefailed":    {EN: "The SVG could not be saved: %s", ZH: "无法保存 SVG：%s"},

	"share.what.link":     {EN: "the link", ZH: "链接"},
	"share.what.embed":    {EN: "the iframe snippet", ZH: "iframe 代码"},
	"share.what.markdown": {EN: "the Markdown", ZH: "Markdown"},
	"share.what.mermaid":  {EN: "the Mermaid text", ZH: "Mermaid 文本"},
}

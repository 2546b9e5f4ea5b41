package ui

import "mqttviz/codec"

// exportStrings are the strings of the Export menu of every player page.
var exportStrings = map[string]codec.Text{
	"export":          {EN: "Export", ZH: "导出"},
	"export.title":    {EN: "Save the sequence diagram as a picture, for an article or slides", ZH: "把时序图保存为图片，用于文章或课件"},
	"export.svg":      {EN: "SVG, whole trace", ZH: "SVG，完整轨迹"},
	"export.svg.near": {EN: "SVG, steps %d–%d", ZH: "SVG，第 %d–%d 步"},
	"export.png":      {EN: "PNG (2×), whole trace", ZH: "PNG（2 倍），完整轨迹"},
	"export.png.near": {EN: "PNG (2×), steps %d–%d", ZH: "PNG（2 倍），第 %d–%d 步"},
	"export.failed":   {EN: "The diagram could not be exported: %s", ZH: "无法导出时序图：%s"},
	"export.toolarge": {EN: "At twice its size this diagram is %d×%d pixels, more than a browser can draw as one picture: export the steps around this one, or the SVG.", ZH: "按 2 倍大小，这张时序图有 %d×%d 像素，超出浏览器单张图片的上限：请只导出当前步骤前后几步，或改为导出 SVG。"},
}

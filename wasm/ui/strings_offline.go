package ui

import "mqttviz/codec"

// offlineStrings are the strings of the app's offline copy: the notice
// that a new version is installed and waits for a reload, and the quiet
// one on the first page of a new version.
var offlineStrings = map[string]codec.Text{
	"update.ready":   {EN: "A new version is ready.", ZH: "新版本已就绪。"},
	"update.reload":  {EN: "Reload", ZH: "重新加载"},
	"update.done":    {EN: "mqttviz has been updated.", ZH: "mqttviz 已更新到新版本。"},
	"update.dismiss": {EN: "OK", ZH: "知道了"},
}

package ui

import "mqttviz/codec"

// a11yStrings are the strings the event list and the inspector give to
// screen readers: how the list is driven from the keyboard, and the names
// of the columns of a field's parts.
var a11yStrings = map[string]codec.Text{
	"events.keys":          {EN: "Up and Down arrows, Page Up, Page Down, Home and End choose a step; Enter goes to it.", ZH: "用上下方向键、Page Up、Page Down、Home 和 End 选择步骤，按回车键跳转到该步骤。"},
	"inspector.part.name":  {EN: "name", ZH: "名称"},
	"inspector.part.value": {EN: "value", ZH: "取值"},
	"inspector.part.means": {EN: "meaning", ZH: "含义"},
}

package ui

import "mqttviz/codec"

// decodeStrings are the strings of the decode page.
var decodeStrings = map[string]codec.Text{
	"decode.title":    {EN: "Decode bytes", ZH: "十六进制报文解析"},
	"decode.intro":    {EN: "Paste the bytes of one MQTT 3.1.1 packet in hex (spaces, commas and 0x are fine). The inspector shows every field, or where and why the packet is malformed.", ZH: "粘贴一个 MQTT 3.1.1 报文的十六进制字节（可带空格、逗号或 0x 前缀）。下方会逐个字段讲解；如果报文有误，会指出出错的位置和违反的规则。"},
	"decode.input":    {EN: "Packet bytes in hex", ZH: "十六进制报文字节"},
	"decode.examples": {EN: "Examples from a tutorial:", ZH: "教程中的例子："},
	"decode.badhex":   {EN: "That is not hex: %s", ZH: "这不是合法的十六进制：%s"},
	"decode.empty":    {EN: "Type or paste some bytes above.", ZH: "请在上方输入或粘贴字节。"},
}

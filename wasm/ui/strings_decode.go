package ui

import "mqttviz/codec"

// decodeStrings are the strings of the decode page.
var decodeStrings = map[string]codec.Text{
	"decode.title": {EN: "Decode bytes", ZH: "十六进制报文解析"},
	"decode.intro": {
		EN: "Paste the bytes of MQTT 3.1.1 packets as a tutorial or a tool prints them: hex with spaces, commas or 0x, a C or Java array, \\x escapes, or a dump from xxd, hexdump -C or Wireshark. Packets back to back are read one after another. Every field is explained, and where a packet is malformed, where and why.",
		ZH: "粘贴 MQTT 3.1.1 报文的字节，教程或工具打印成什么格式都可以：带空格、逗号或 0x 的十六进制，C 或 Java 数组，\\x 转义，或者 xxd、hexdump -C、Wireshark 导出的十六进制转储。首尾相接的多个报文会依次逐个解析。每个字段都有讲解；报文有误时，会指出出错的位置和原因。",
	},
	"decode.input":    {EN: "Packet bytes", ZH: "报文字节"},
	"decode.examples": {EN: "Examples from a tutorial:", ZH: "教程中的例子："},
	"decode.empty":    {EN: "Type or paste some bytes above.", ZH: "请在上方输入或粘贴字节。"},
	// A text that is not bytes: where, then what (codec.HexError).
	"decode.problem": {EN: "%s: %s", ZH: "%s：%s"},
	"decode.kept":    {EN: "The breakdown below is still of the bytes read before.", ZH: "下面仍是上一次读出的字节的解析。"},
	// A stream: how many packets, in how many bytes.
	"decode.stream": {EN: "%d packets in %d bytes, read one after another as a receiver reads them.", ZH: "共 %d 个报文，%d 字节，按接收方读取的顺序依次解析。"},
	"decode.capped": {EN: "The first %d are drawn; the other %d are not, so that typing stays quick (mqttviz decode prints them all).", ZH: "这里只画出前 %d 个，其余 %d 个不画出，以免输入变慢（命令 mqttviz decode 会全部列出）。"},
	// One packet's heading: in a stream, its number and offset.
	"decode.packet":     {EN: "%s · %s", ZH: "%s · %s"},
	"decode.packet.nth": {EN: "Packet %d · offset %d · %s · %s", ZH: "第 %d 个报文 · 偏移 %d · %s · %s"},
	"decode.bytes":      {EN: "%d bytes", ZH: "%d 字节"},
	"decode.byte":       {EN: "1 byte", ZH: "1 字节"},
	// One line of a stream's index: number, type, size, verdict.
	"decode.index":       {EN: "%d · %s · %s · %s", ZH: "%d · %s · %s · %s"},
	"decode.index.ok":    {EN: "well-formed", ZH: "格式正确"},
	"decode.index.bad":   {EN: "malformed (%s)", ZH: "畸形报文（%s）"},
	"decode.index.short": {EN: "cut short", ZH: "报文不完整"},
	"decode.missing":     {EN: "Cut short: its Remaining Length announces %d more bytes than the input has.", ZH: "报文不完整：按剩余长度，还应有 %d 个字节，但输入已经结束。"},
	"decode.unshared":    {EN: "The address does not carry these %d bytes: a link holds at most %d.", ZH: "地址栏没有带上这 %d 个字节：链接最多只能携带 %d 个字节。"},
}

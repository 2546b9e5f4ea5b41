package trace

import "fmt"

// formatWords are the fixed words of the text table and the Mermaid diagram
// in Chinese; English is the key itself.
var formatWords = map[string]string{
	"time":            "时间",
	"from → to":       "发送方 → 接收方",
	"packet or event": "报文或事件",
	"outcome":         "结果",
	"final state":     "最终状态",
	"connected":       "在线",
	"disconnected":    "离线",
	": ":              "：",
}

// word is en in lang: the Chinese of a fixed word of the text table, or en.
func word(lang, en string) string {
	if zh, ok := formatWords[en]; ok && lang == "zh" {
		return zh
	}
	return en
}

// parens is t in lang in brackets after a space: " (refused)", or
// full-width in Chinese: "（被拒绝）".
func parens(lang string, t Text) string {
	if lang == "zh" {
		return "（" + t.ZH + "）"
	}
	return " (" + t.EN + ")"
}

// formatLines are the patterned lines of the text table in Chinese, keyed
// by their English pattern; both take the same arguments.
var formatLines = map[string]string{
	"expectations: %d of %d hold\n":                     "预期：%[2]d 条中 %[1]d 条成立\n",
	"  %s  line %d: %s\n":                               "  %s  第 %d 行：%s\n",
	"        found: %s\n":                               "        实际：%s\n",
	"  broker session %s: %s, clean=%s, keepalive=%d\n": "  服务端会话 %s：%s，clean=%s，keepalive=%d\n",
	"    subscribed %s qos=%d\n":                        "    订阅 %s qos=%d\n",
	"    in flight %s id=%d q%d %s %s\n":                "    未确认 %s id=%d q%d %s %s\n",
	"    queued %s\n":                                   "    排队 %s\n",
	"    will %s\n":                                     "    遗嘱 %s\n",
	"  retained %s\n":                                   "  保留消息 %s\n",
	"  client %s (id %s): %s\n":                         "  客户端 %s（标识符 %s）：%s\n",
}

// line formats the patterned line en in lang.
func line(lang, en string, args ...any) string {
	if zh, ok := formatLines[en]; ok && lang == "zh" {
		return fmt.Sprintf(zh, args...)
	}
	return fmt.Sprintf(en, args...)
}

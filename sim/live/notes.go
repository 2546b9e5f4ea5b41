package live

import (
	"errors"
	"strconv"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// asCodecError is err as the codec's error, which every error of the
// splitter and the decoder is; anything else is kept as its sentence.
func asCodecError(err error) *codec.Error {
	var ce *codec.Error
	if errors.As(err, &ce) {
		return ce
	}
	return &codec.Error{Token: "unknown", Message: codec.Text{EN: err.Error(), ZH: err.Error()}}
}

// tooLarge is the error of a packet larger than the receiver accepts.
func tooLarge(n, limit int) *codec.Error {
	return &codec.Error{Token: "packet-too-large", Rule: "MQTT 2.2.3", Message: codec.Text{
		EN: "The fixed header announces a packet of " + strconv.Itoa(n) + " bytes, more than the " + strconv.Itoa(limit) + " this receiver accepts.",
		ZH: "固定报头声明的报文长度为 " + strconv.Itoa(n) + " 字节，超过了接收方允许的 " + strconv.Itoa(limit) + " 字节。",
	}}
}

// notConnect is the error of a connection's first read at the broker
// when its first byte is not CONNECT's 0x10. [MQTT-3.1.0-1]
func notConnect(b []byte) *codec.Error {
	first := "0x" + strconv.FormatUint(uint64(b[0])|0x100, 16)[1:]
	en := "The first byte a client sends must be 0x10, the fixed header of CONNECT: the first packet on a connection must be CONNECT, and this one begins with " + first + "."
	zh := "客户端发送的第一个字节必须是 0x10，即 CONNECT 的固定报头：网络连接上的第一个报文必须是 CONNECT，而这里的第一个字节是 " + first + "。"
	if text, ok := asText(b); ok {
		en += " The bytes read as text (" + strconv.Quote(text) + "): perhaps an HTTP request or another protocol sent to the MQTT port."
		zh += "这些字节是文本（" + strconv.Quote(text) + "）：可能是把 HTTP 请求或其他协议的数据发到了 MQTT 端口。"
	}
	return &codec.Error{Token: "first-not-connect", Rule: "MQTT-3.1.0-1", Message: codec.Text{EN: en, ZH: zh}}
}

// asText is the first line of b, at most 40 bytes, when b begins with
// printable ASCII (as the request line of HTTP does).
func asText(b []byte) (string, bool) {
	n := 0
	for n < len(b) && n < 40 && b[n] >= 0x20 && b[n] < 0x7f {
		n++
	}
	return string(b[:n]), n >= 3
}

// errorNote is the codec's error as a note: its sentence and its rule.
func errorNote(err error) trace.Note {
	ce := asCodecError(err)
	return trace.Note{Text: ce.Message, Rule: ce.Rule}
}

// openNote says who opened a connection, and where to.
func openNote(client, addr string, atBroker bool) trace.Note {
	switch {
	case addr == "":
		return trace.Note{Text: trace.Text{
			EN: client + " opens a network connection to the broker",
			ZH: client + " 与服务端建立网络连接",
		}}
	case atBroker:
		return trace.Note{Text: trace.Text{
			EN: client + " connects from " + addr,
			ZH: client + " 从 " + addr + " 建立网络连接",
		}}
	}
	return trace.Note{Text: trace.Text{
		EN: client + " opens a network connection to the broker at " + addr,
		ZH: client + " 与服务端 " + addr + " 建立网络连接",
	}}
}

// closeNote says only who closed.
func closeNote(who string) trace.Note {
	return trace.Note{Text: trace.Text{
		EN: who + " closes the network connection",
		ZH: who + " 关闭网络连接",
	}}
}

// unreadNote says why bytes after a malformed packet are not cut.
func unreadNote(receiver string) trace.Note {
	return trace.Note{Rule: "MQTT-4.8.0-1", Text: trace.Text{
		EN: receiver + " reads nothing more after a malformed packet: it closes the connection, and these bytes are not processed",
		ZH: receiver + " 收到畸形报文后不再读取：它关闭连接，这些字节不会被处理",
	}}
}

// unfinishedNote says that a connection closed inside a packet, and how
// much of it was missing when the fixed header says.
func unfinishedNote(receiver string, held []byte) trace.Note {
	n := strconv.Itoa(len(held))
	want, err := codec.FrameLength(held)
	if err != nil || want == 0 {
		return trace.Note{Rule: "MQTT 2.2.3", Text: trace.Text{
			EN: "the connection closed inside a fixed header: " + receiver + " had " + n + " bytes of a packet",
			ZH: "连接在固定报头中途关闭：" + receiver + " 只收到报文的 " + n + " 个字节",
		}}
	}
	missing := strconv.Itoa(want - len(held))
	return trace.Note{Rule: "MQTT 2.2.3", Text: trace.Text{
		EN: "the connection closed before the packet ended: " + receiver + " had " + n + " of its " + strconv.Itoa(want) + " bytes, " + missing + " never came",
		ZH: "报文还没有收完连接就关闭了：按剩余长度共 " + strconv.Itoa(want) + " 个字节，" + receiver + " 只收到 " + n + " 个，还差 " + missing + " 个",
	}}
}

// gapNote says how many steps the recorder dropped, and why.
func gapNote(missed, keep int) trace.Note {
	m, k := strconv.Itoa(missed), strconv.Itoa(keep)
	return trace.Note{Text: trace.Text{
		EN: m + " earlier steps are no longer kept: the recording holds the newest " + k,
		ZH: "之前的 " + m + " 个步骤已不再保存：记录只保留最新的 " + k + " 个步骤",
	}}
}

// closedNote says why bytes that came after the client closed are not
// handled.
func closedNote(receiver string) trace.Note {
	return trace.Note{Text: trace.Text{
		EN: receiver + " had already closed this connection: the bytes are lost",
		ZH: receiver + " 已经关闭了这条连接：这些字节丢失了",
	}}
}

// failedNote says that a write failed, and why.
func failedNote(err error) trace.Note {
	return trace.Note{Text: trace.Text{
		EN: "the connection failed while writing: " + err.Error(),
		ZH: "写入时连接出错：" + err.Error(),
	}}
}

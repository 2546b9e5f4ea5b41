package wslink

import (
	"strconv"

	"mqttviz/sim/trace"
	"mqttviz/wasm/brokeraddr"
	"mqttviz/wasm/jsb"
)

// abnormal is the close code of a connection that ended with no close
// frame: it never opened, or it broke.
const abnormal = 1006

// closeNotes say why a WebSocket ended, as far as the page can know: a
// socket that never opened is a failure the browser does not explain,
// so the likely causes follow.
func closeNotes(a brokeraddr.Addr, opened bool, ce jsb.CloseEvent) []trace.Note {
	code := strconv.Itoa(ce.Code)
	switch {
	case !opened:
		notes := []trace.Note{{Text: trace.Text{
			EN: "the WebSocket to " + a.String() + " did not open: a browser tells a page no more than that (close code " + code + ")",
			ZH: "到 " + a.String() + " 的 WebSocket 没有建立：浏览器只告诉页面连接失败（关闭码 " + code + "），不说原因",
		}}}
		for _, c := range brokeraddr.FailureCauses(a) {
			notes = append(notes, trace.Note{Text: c.Text})
		}
		return notes
	case ce.Code == abnormal:
		return []trace.Note{{Text: trace.Text{
			EN: "the connection to the broker broke off with no WebSocket close frame (close code 1006): the broker stopped, or the network failed",
			ZH: "与服务端的连接中断，没有收到 WebSocket 关闭帧（关闭码 1006）：服务端已停止，或网络出现故障",
		}}}
	case ce.Reason != "":
		return []trace.Note{{Text: trace.Text{
			EN: "the broker closed the WebSocket (close code " + code + ": " + ce.Reason + ")",
			ZH: "服务端关闭了 WebSocket（关闭码 " + code + "：" + ce.Reason + "）",
		}}}
	}
	return []trace.Note{{Text: trace.Text{
		EN: "the broker closed the WebSocket (close code " + code + ")",
		ZH: "服务端关闭了 WebSocket（关闭码 " + code + "）",
	}}}
}

// refusedNote says that the browser refused to dial the address at all.
func refusedNote(a brokeraddr.Addr, err error) trace.Note {
	return trace.Note{Text: trace.Text{
		EN: "the browser refused to open a WebSocket to " + a.String() + ": " + err.Error(),
		ZH: "浏览器拒绝建立到 " + a.String() + " 的 WebSocket：" + err.Error(),
	}}
}

// textFrameNote says why a text frame ends the connection.
func textFrameNote() trace.Note {
	return trace.Note{Rule: "MQTT-6.0.0-1", Text: trace.Text{
		EN: "the broker sent a text frame: MQTT travels in binary WebSocket frames only, so the client closes the connection",
		ZH: "服务端发来了文本帧：MQTT 报文只能通过 WebSocket 二进制帧传输，因此客户端关闭连接",
	}}
}

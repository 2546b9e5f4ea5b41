package ui

import (
	"mqttviz/sim/live"
	"mqttviz/sim/trace"
)

// dialWebSocket is the live page's transport in the browser.
//
// Until the browser's WebSocket transport lands (branch wsbridge), every
// connection reports that it failed, with a note that says why.
func dialWebSocket(addr string, ev liveEvents, dispatch func(func())) live.Transport {
	return &noTransport{ev: ev, dispatch: dispatch}
}

// noTransport is a transport that opens nothing.
type noTransport struct {
	ev       liveEvents
	dispatch func(func())
}

func (n *noTransport) Open(conn int, client string) {
	n.dispatch(func() {
		n.ev.Closed(conn, trace.Note{Text: trace.Text{EN: "this build has no WebSocket transport", ZH: "此版本没有 WebSocket 传输"}})
	})
}

func (n *noTransport) Write(conn int, b []byte) error { return nil }

func (n *noTransport) Close(conn int) {}

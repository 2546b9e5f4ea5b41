package ui

import (
	"mqttviz/sim/live"
	"mqttviz/wasm/brokeraddr"
	"mqttviz/wasm/wslink"
)

// dialWebSocket is the live page's transport in the browser: a
// WebSocket per connection to the broker at addr.
func dialWebSocket(addr brokeraddr.Addr, ev liveEvents, dispatch func(func())) live.Transport {
	t := wslink.New(addr, wslink.Post(dispatch))
	t.Report(ev)
	return t
}

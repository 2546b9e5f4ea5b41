package ui

import (
	"mqttviz/codec"
	"strings"
)

// brokerCause is one likely reason a WebSocket to the broker failed, with
// a page that helps when there is one.
type brokerCause struct {
	text codec.Text
	link string
}

// checkBroker checks a broker address typed or given by ?broker= against
// the page's address, and returns it as the WebSocket URL to dial, or why
// it cannot be.
//
// Placeholder until wasm/brokeraddr lands (branch wsbridge): only the
// scheme and credentials are checked here.
func checkBroker(raw, page string) (string, *codec.Text) {
	raw = strings.TrimSpace(raw)
	if !strings.HasPrefix(raw, "ws://") && !strings.HasPrefix(raw, "wss://") || strings.Contains(raw, "@") {
		t := both("live.addr.bad")
		return "", &t
	}
	return raw, nil
}

// brokerCauses lists what is likely wrong when the WebSocket to addr
// failed before it opened. Placeholder until wasm/brokeraddr lands.
func brokerCauses(addr string) []brokerCause { return nil }

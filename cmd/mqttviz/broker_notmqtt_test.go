package main

import (
	"testing"

	"mqttviz/sim/trace"
)

// TestMQTTBrokerNotMQTT: an HTTP request on the MQTT port is closed at
// once, not after --connect-timeout: its first byte is not CONNECT's
// 0x10 (MQTT-3.1.0-1), and the note says the bytes read as text.
func TestMQTTBrokerNotMQTT(t *testing.T) {
	tb := startTestBroker(t, "--connect-timeout", "60s")
	d := dialTCP(t, tb.tcpAddr())
	d.write([]byte("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
	d.expectClosed() // within 5 s, long before the connect timeout
	addr := d.c.LocalAddr().String()
	st := tb.waitStep("the HTTP request refused", func(s trace.Step) bool { return s.From == addr && s.Outcome == trace.Refused })
	if !noted(st, "MQTT-3.1.0-1") || !noted(st, `"GET / HTTP/1.1"`) || !noted(st, "HTTP request") {
		t.Errorf("the refused step's notes %+v: want MQTT-3.1.0-1 and the request line named", st.Notes)
	}
}

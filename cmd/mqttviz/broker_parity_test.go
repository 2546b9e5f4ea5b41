package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestMQTTBrokerLessonsParity runs lessons with `mqttviz run --broker`
// (the simulator's clients on the wall clock) against `mqttviz broker`,
// a fresh one for each, over TCP and WebSocket: the broker on real
// sockets sends every client what the simulated broker sends it, since
// it is the same broker core, and every observable expectation holds.
func TestMQTTBrokerLessonsParity(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ lesson, over string }{
		{"qos2", "tcp"}, {"overlapping", "tcp"}, {"malformed-publish", "tcp"},
		{"long-payload", "ws"}, {"persistent-session", "ws"}, {"takeover", "ws"},
	} {
		t.Run(c.lesson+"/"+c.over, func(t *testing.T) {
			tb := startTestBroker(t)
			url := "mqtt://" + tb.tcpAddr()
			if c.over == "ws" {
				url = tb.wsURL()
			}
			var out, errb bytes.Buffer
			code := runRun([]string{c.lesson, "--broker", url}, &out, &errb)
			if !strings.Contains(out.String(), "no difference from the simulated broker") || strings.Contains(out.String(), "FAIL") {
				t.Errorf("exit %d; the run against mqttviz broker differs from the simulation:\n%s\n%s", code, out.String(), errb.String())
			}
		})
	}
}

package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mqttjsDir holds MQTT.js, pinned, and the script that drives it
// (interop/mqttjs/interop.cjs).
const mqttjsDir = "../../interop/mqttjs"

// TestMQTTBrokerMQTTjs runs MQTT.js, the client library of MQTTX and of
// most browser dashboards, against the broker over TCP and WebSocket,
// publisher and subscribers on each pair of transports: QoS 0, 1 and 2
// on both legs with the granted QoS capping delivery, a payload over 127
// bytes, retained messages stored, forwarded and cleared, a will on a
// broken connection, and a persistent session's queued message.
func TestMQTTBrokerMQTTjs(t *testing.T) {
	t.Parallel()
	node := nodePath(t)
	dir := npmPackage(t, mqttjsDir, "mqtt")
	tb := startTestBroker(t)
	cmd := exec.Command(node, filepath.Join(dir, "interop.cjs"), "mqtt://"+tb.tcpAddr(), tb.wsURL())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.HasSuffix(strings.TrimSpace(string(out)), "PASS") {
		t.Fatalf("MQTT.js against the broker: %v\n%s", err, out)
	}
	if n := strings.Count(string(out), "\nok "); n != 16 {
		t.Errorf("%d checks passed, want 4 on each of 4 pairs of transports:\n%s", n, out)
	}
}

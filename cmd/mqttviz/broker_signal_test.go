package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMQTTBrokerSignals runs the built command, `mqttviz broker` on free
// loopback ports, connects a device over TCP and one over WebSocket,
// and stops it with SIGINT (Ctrl+C) and with SIGTERM: each connection is
// closed after its CONNACK, and the command says so and exits 0.
func TestMQTTBrokerSignals(t *testing.T) {
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "mqttviz")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			cmd := exec.Command(bin, "broker", "--tcp", "127.0.0.1:0", "--ws", "127.0.0.1:0")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cmd.Process.Kill() })
			lines := bufio.NewScanner(stdout)
			var tcp, ws string
			for (tcp == "" || ws == "") && lines.Scan() {
				f := strings.Fields(lines.Text())
				switch {
				case strings.HasPrefix(lines.Text(), "  MQTT over TCP"):
					tcp = f[len(f)-1]
				case strings.HasPrefix(lines.Text(), "  MQTT over WebSocket"):
					ws = f[3]
				}
			}
			if tcp == "" || ws == "" {
				t.Fatal("the command did not say where it listens")
			}
			d := dialTCP(t, tcp)
			d.send(connectPkt("tcp-device", true, 0))
			d.expect("CONNACK 0 accepted")
			w := dialWS(t, ws)
			w.send(connectPkt("ws-device", true, 0))
			w.expect("CONNACK 0 accepted")
			cmd.Process.Signal(sig)
			d.expectClosedCleanly()
			w.expectClosedCleanly()
			var rest strings.Builder
			for lines.Scan() {
				rest.WriteString(lines.Text() + "\n")
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("exit: %v, want 0", err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the command did not exit")
			}
			if !strings.Contains(rest.String(), "stopping, closing every connection") {
				t.Errorf("after %v the command printed %q", sig, rest.String())
			}
		})
	}
}

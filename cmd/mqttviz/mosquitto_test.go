package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// mosquittoBroker is a real mosquitto (Debian's 2.0.11) that a test
// started on loopback ports of its own: a plain TCP listener for
// mosquitto_pub and native clients, and a WebSocket listener for the
// browser's live clients.
type mosquittoBroker struct {
	// TCP and WS are the ports of the two listeners.
	TCP, WS int
	// Log is mosquitto's log file.
	Log string
	// stop ends mosquitto, once: the test's cleanup does, or Stop before.
	stop func()
}

// Stop stops mosquitto now, as a broker that goes away mid-session.
func (m *mosquittoBroker) Stop() { m.stop() }

// WSURL is the ws:// address of the WebSocket listener.
func (m *mosquittoBroker) WSURL() string { return "ws://127.0.0.1:" + strconv.Itoa(m.WS) + "/mqtt" }

// TCPAddr is the host:port of the plain TCP listener.
func (m *mosquittoBroker) TCPAddr() string { return "127.0.0.1:" + strconv.Itoa(m.TCP) }

// mosquittoPath finds mosquitto. Outside CI a missing one skips the
// test with a loud message; under CI=true it fails it (.ci/run installs
// it).
func mosquittoPath(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("mosquitto"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/mosquitto"); err == nil {
		return "/usr/sbin/mosquitto" // not on a non-root user's PATH
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("mosquitto is not installed: the tests against a real broker cannot run (.ci/run installs mosquitto and mosquitto-clients)")
	}
	t.Skip("\n\n*** SKIPPING: mosquitto is not installed (apt-get install -y mosquitto mosquitto-clients). ***\n")
	return ""
}

// freePort is a loopback TCP port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// mosquittoConfig is a configuration of the two listeners on loopback,
// IPv4 only, anonymous clients allowed, nothing persisted, everything
// logged to standard error.
func mosquittoConfig(tcp, ws int) string {
	return fmt.Sprintf(`# written by cmd/mqttviz's tests
per_listener_settings false
allow_anonymous true
persistence false
log_dest stderr
log_type all
connection_messages true
log_timestamp_format %%H:%%M:%%S

listener %d 127.0.0.1
socket_domain ipv4

listener %d 127.0.0.1
socket_domain ipv4
protocol websockets
`, tcp, ws)
}

// startMosquitto starts mosquitto for t and stops it when t ends; its
// log is in t's temporary folder and in the test's output when t failed.
func startMosquitto(t *testing.T) *mosquittoBroker {
	t.Helper()
	bin := mosquittoPath(t)
	dir := t.TempDir()
	m := &mosquittoBroker{TCP: freePort(t), WS: freePort(t), Log: filepath.Join(dir, "mosquitto.log")}
	for m.WS == m.TCP {
		m.WS = freePort(t)
	}
	conf := filepath.Join(dir, "mosquitto.conf")
	if err := os.WriteFile(conf, []byte(mosquittoConfig(m.TCP, m.WS)), 0o644); err != nil {
		t.Fatal(err)
	}
	logFile, err := os.Create(m.Log)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-c", conf)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := cmd.Start(); err != nil {
		logFile.Close()
		t.Fatalf("start mosquitto: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); logFile.Close() }()
	var once sync.Once
	m.stop = func() { once.Do(func() { stopMosquitto(t, cmd, exited) }) }
	t.Cleanup(func() {
		m.stop()
		if t.Failed() {
			b, _ := os.ReadFile(m.Log)
			t.Logf("mosquitto's log:\n%s", b)
		}
	})
	for _, port := range []int{m.TCP, m.WS} {
		if err := waitAccepting(port, exited); err != nil {
			b, _ := os.ReadFile(m.Log)
			t.Fatalf("mosquitto on port %d: %v\n%s", port, err, b)
		}
	}
	return m
}

// waitAccepting waits until a loopback port accepts connections, for at
// most ten seconds, or until the process ends.
func waitAccepting(port int, exited chan error) error {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp4", addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		select {
		case werr := <-exited:
			exited <- werr // for the cleanup
			return fmt.Errorf("mosquitto exited (%v) before it listened", werr)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("nothing accepts after 10 s: %v", err)
		}
	}
}

// stopMosquitto ends mosquitto: SIGTERM, then SIGKILL after five seconds.
func stopMosquitto(t *testing.T, cmd *exec.Cmd, exited chan error) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(5 * time.Second):
		t.Log("mosquitto ignored SIGTERM: killing it")
		_ = cmd.Process.Kill()
		<-exited
	}
}

// TestMosquittoFixture: both listeners of the fixture take an MQTT
// client, and stopping it frees the ports.
func TestMosquittoFixture(t *testing.T) {
	var m *mosquittoBroker
	t.Run("start", func(t *testing.T) {
		m = startMosquitto(t)
		c, err := net.DialTimeout("tcp4", m.TCPAddr(), 2*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		// CONNECT, MQTT 3.1.1, clean session, keepalive 10, client id "f".
		if _, err := c.Write([]byte{0x10, 13, 0, 4, 'M', 'Q', 'T', 'T', 4, 2, 0, 10, 0, 1, 'f'}); err != nil {
			t.Fatal(err)
		}
		_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
		ack := make([]byte, 4)
		if _, err := io.ReadFull(c, ack); err != nil || string(ack) != "\x20\x02\x00\x00" {
			t.Fatalf("CONNACK: % x, %v", ack, err)
		}
	})
	if m == nil {
		return
	}
	for _, port := range []int{m.TCP, m.WS} {
		if c, err := net.DialTimeout("tcp4", "127.0.0.1:"+strconv.Itoa(port), time.Second); err == nil {
			c.Close()
			t.Errorf("port %d still accepts after the fixture's cleanup", port)
		}
	}
}

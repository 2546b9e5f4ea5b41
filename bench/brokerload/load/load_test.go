package load

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mqttviz/codec"
)

// eachBroker starts each broker of starts in a subtest of its own, runs
// test against it and stops it.
func eachBroker(t *testing.T, starts map[string]func() (*Broker, error), test func(t *testing.T, name string, b *Broker)) {
	for name, start := range starts {
		t.Run(name, func(t *testing.T) {
			b, err := start()
			if err != nil {
				t.Fatal(err)
			}
			defer b.Stop()
			test(t, name, b)
		})
	}
}

// shapes are small fan-outs both ways at QoS 0, 1 and 2.
var shapes = []struct{ pubs, subs int }{{1, 3}, {3, 1}, {2, 2}}

// TestRunCounts: against mosquitto and mqttviz broker, every message of
// every publisher reaches every subscriber exactly once and the run
// counts it so; with a watch stream reader on mqttviz, the stream carries
// the run's steps; the broker's CPU time, read from /proc, grows.
func TestRunCounts(t *testing.T) {
	mosq := mosquittoBin(t)
	mqv := buildMqttviz(t)
	starts := map[string]func() (*Broker, error){
		"mosquitto":       func() (*Broker, error) { return StartMosquitto(mosq) },
		"mqttviz":         func() (*Broker, error) { return StartMqttviz(mqv, false, "") },
		"mqttviz + watch": func() (*Broker, error) { return StartMqttviz(mqv, true, stubWebDir(t)) },
	}
	eachBroker(t, starts, func(t *testing.T, name string, b *Broker) {
		before, err := b.CPU()
		if err != nil {
			t.Fatal(err)
		}
		defer func() {
			after, err := b.CPU()
			if used := after.Sub(before); err != nil || used.User < 0 || used.System < 0 || used.Total() <= 0 {
				t.Errorf("CPU time used by the runs: %+v, %v; want some, none negative", used, err)
			}
		}()
		for qos := codec.AtMostOnce; qos <= codec.ExactlyOnce; qos++ {
			if qos == codec.ExactlyOnce && name == "mosquitto" {
				continue // mosquitto 2.0.11 stalls QoS 2 from several publishers (docs/performance.md)
			}
			for _, s := range shapes {
				var w *Watcher
				if b.HTTP != "" {
					var err error
					if w, err = Watch(context.Background(), b.HTTP); err != nil {
						t.Fatal(err)
					}
				}
				cfg := Config{Addr: b.Addr, Publishers: s.pubs, Subscribers: s.subs, QoS: qos, Messages: 200, Window: 20}
				res, err := Run(context.Background(), cfg)
				if err != nil {
					t.Fatalf("%d×%d q%d: %v", s.pubs, s.subs, qos, err)
				}
				want := s.pubs * 200 * s.subs
				if res.Published != s.pubs*200 || res.Expected != want || res.Delivered != want || res.Duplicates != 0 || res.Lost() != 0 {
					t.Errorf("%d×%d q%d: %+v, want %d published and %d delivered once", s.pubs, s.subs, qos, res, s.pubs*200, want)
				}
				if res.P50 <= 0 || res.P99 < res.P50 || res.Max < res.P99 || res.Rate() <= 0 {
					t.Errorf("%d×%d q%d: latencies p50 %v p99 %v max %v, rate %v", s.pubs, s.subs, qos, res.P50, res.P99, res.Max, res.Rate())
				}
				if w != nil {
					// A step for each PUBLISH in and each PUBLISH out, at least.
					n := res.Published + res.Delivered
					ws := w.waitSteps(n)
					if ws.Steps+ws.Missed < n || ws.Err != nil {
						t.Errorf("%d×%d q%d: the watch stream carried %+v, want at least %d steps", s.pubs, s.subs, qos, ws, n)
					}
				}
			}
		}
	})
}

// waitSteps waits up to ten seconds for n steps (received or missed)
// and stops the reader.
func (w *Watcher) waitSteps(n int) WatchStats {
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if s := w.Stats(); s.Steps+s.Missed >= n || s.Err != nil {
			break
		}
	}
	return w.Stop()
}

// TestRunRefusesNothing: a broker that accepts everything and delivers
// nothing, or delivers a message no publisher sent, is an error, not a
// figure.
func TestRunRefusesNothing(t *testing.T) {
	for _, c := range []struct {
		name  string
		forge bool
		want  string
	}{
		{"delivers nothing", false, "nothing delivered"},
		{"delivers a message never published", true, "never published"},
	} {
		t.Run(c.name, func(t *testing.T) {
			addr := fakeBroker(t, c.forge)
			for qos := codec.AtMostOnce; qos <= codec.AtLeastOnce; qos++ {
				_, err := Run(context.Background(), Config{Addr: addr, Publishers: 1, Subscribers: 2, QoS: qos, Messages: 50, Window: 10, Stall: 300 * time.Millisecond})
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("q%d: %v, want an error saying %q", qos, err, c.want)
				}
			}
		})
	}
	addr := fakeBroker(t, false)
	res, err := Run(context.Background(), Config{Addr: addr, Publishers: 1, Subscribers: 1, Duration: 50 * time.Millisecond, Window: 1000000, Stall: 100 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "nothing arrived") {
		t.Errorf("a run whose window never fills: %+v, %v, want an error saying nothing arrived", res, err)
	}
}

// fakeBroker is a broker on loopback that accepts every CONNECT,
// SUBSCRIBE and PUBLISH and forwards nothing; with forge, it sends each
// subscriber a PUBLISH no publisher sent.
func fakeBroker(t *testing.T, forge bool) string {
	t.Helper()
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go fakeConn(c, forge)
		}
	}()
	return ln.Addr().String()
}

// fakeConn answers one connection of fakeBroker.
func fakeConn(c net.Conn, forge bool) {
	defer c.Close()
	k := &client{c: c, r: newReader(c)}
	for {
		p, err := k.next()
		if err != nil {
			return
		}
		switch p := p.(type) {
		case *codec.Connect:
			err = k.send(&codec.Connack{})
		case *codec.Subscribe:
			q := p.Subscriptions[0].QoS
			err = k.send(&codec.Suback{PacketID: p.PacketID, ReturnCodes: []codec.SubackCode{codec.SubackCode(q)}})
			if err == nil && forge {
				payload := make([]byte, 64)
				payload[4] = 0x40 // publisher 0, message 1<<30
				pk := &codec.Publish{QoS: q, Topic: "brokerload/x/0", Payload: payload}
				if q > 0 {
					pk.PacketID = 1
				}
				time.Sleep(50 * time.Millisecond)
				err = k.send(pk)
			}
		case *codec.Publish:
			if p.QoS == codec.AtLeastOnce {
				err = k.send(&codec.Puback{PacketID: p.PacketID})
			}
		}
		if err != nil {
			return
		}
	}
}

// mosquittoBin is Debian's mosquitto; without it the test is skipped
// (under CI=true it fails).
func mosquittoBin(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/sbin/mosquitto", "mosquitto"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("mosquitto is not installed (.ci/run installs it)")
	}
	t.Skip("mosquitto is not installed")
	return ""
}

// buildMqttviz builds the repository's mqttviz command into t's folder.
func buildMqttviz(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "mqttviz")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/mqttviz")
	cmd.Dir = filepath.Join("..", "..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/mqttviz: %v\n%s", err, out)
	}
	return bin
}

// stubWebDir is a web/ folder with a placeholder app.wasm.
func stubWebDir(t *testing.T) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

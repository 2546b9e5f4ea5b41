package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mqttviz/sim/trace"
)

// runLive runs `mqttviz run ARGS` and returns its exit code, stdout and
// stderr.
func runLive(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errs bytes.Buffer
	code := runRun(args, &out, &errs)
	return code, out.String(), errs.String()
}

// wantIn fails unless every string of want is in got.
func wantIn(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

// TestRunLiveLesson runs the QoS 2 lesson against mosquitto, over TCP
// and over a WebSocket, on the wall clock: the simulator's own client
// cores over real connections. The client-side expectations hold, the
// broker-internal ones are not observable, and mosquitto delivers what
// the simulated broker does.
func TestRunLiveLesson(t *testing.T) {
	t.Parallel()
	m := startMosquitto(t)
	for _, addr := range []string{"mqtt://" + m.TCPAddr(), m.WSURL()} {
		t.Run(addr[:strings.Index(addr, ":")], func(t *testing.T) {
			code, out, errs := runLive(t, "qos2", "--broker", addr)
			if code != 0 {
				t.Fatalf("exit %d\n%s\n%s", code, out, errs)
			}
			wantIn(t, "stdout", out,
				"expectations: 10 of 12 hold",
				`ok              line 17: expect phone receives alarm/door "open" qos=2`,
				"ok              line 21: expect sensor got PUBCOMP id=1",
				"not observable  line 26: expect broker session sensor inflight 0",
				"no difference from the simulated broker",
				"opens a network connection to the broker at "+addr,
			)
			code, out, _ = runLive(t, "qos2", "--broker", addr, "--lang", "zh")
			wantIn(t, "stdout (zh)", out, "无法观察  第 26 行", "客户端收到的报文与模拟服务端完全一致")
		})
	}
}

// overlapping is the scenario of mosquitto 2.0.11's known difference.
const overlapping = `client sub
client pub
connect sub
connect pub
subscribe sub a/# qos=2
subscribe sub a/+ qos=1
publish pub a/b "x" qos=2
expect sub receives a/b "x" qos=2
expect sub received 1
wait 500ms
expect sub received 1
`

// TestRunLiveOverlapping: one client subscribes a/# at QoS 2, then a/+ at
// QoS 1, and a QoS 2 message is published to a/b. MQTT-3.3.5-1 wants the
// highest QoS granted, as the simulated broker delivers it; mosquitto
// 2.0.11 delivers one copy at QoS 1. The run says so, as a failed
// expectation and as a difference, in both languages.
func TestRunLiveOverlapping(t *testing.T) {
	t.Parallel()
	m := startMosquitto(t)
	file := filepath.Join(t.TempDir(), "overlap.txt")
	if err := os.WriteFile(file, []byte(overlapping), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runLive(t, file, "--broker", "mqtt://"+m.TCPAddr())
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, out, errs)
	}
	wantIn(t, "stdout", out,
		`FAIL  line 8: expect sub receives a/b "x" qos=2`,
		`found: sub received a/b "x" qos=1`,
		"ok    line 9: expect sub received 1",
		"ok    line 11: expect sub received 1",
		"differences from the simulated broker: 2",
		`the simulated broker delivered a/b "x" to sub at QoS 2; yours at QoS 1`,
		"the simulated broker sent sub PUBREL; yours did not",
	)
	wantIn(t, "stderr", errs, "line 10: waiting 0.5 s")
	_, out, _ = runLive(t, file, "--broker", "mqtt://"+m.TCPAddr(), "--lang", "zh")
	wantIn(t, "stdout (zh)", out, `模拟服务端以 QoS 2 把 a/b "x" 投递给 sub；你的服务端用的是 QoS 1`)
}

// burst is a scenario whose broker writes several packets at once: the
// retained messages right after the SUBACK.
const burst = `client pub
client sub
connect pub
publish pub r/1 "one" qos=1 retain=1
publish pub r/2 "two" qos=1 retain=1
publish pub r/3 "three" qos=2 retain=1
connect sub
subscribe sub r/# qos=2
expect sub suback 2
expect sub received 3
expect sub inflight 0
expect pub inflight 0
expect retained r/3 "three"
`

// TestRunLiveRechunked runs a scenario through a proxy that re-chunks
// what the broker writes (MQTT-6.0.0-1/-2 let a packet span reads or
// share one; mosquitto writes whole packets): on each connection, one
// batch of bytes is cut into pieces of 1 to 3 bytes written apart, the
// next is held until more comes and written whole with it, and so on.
// The expectations hold as without the proxy, and the trace shows a
// packet completed by a later read and packets that shared one.
func TestRunLiveRechunked(t *testing.T) {
	t.Parallel()
	m := startMosquitto(t)
	p := startRechunker(t, m.TCPAddr())
	file := filepath.Join(t.TempDir(), "burst.txt")
	if err := os.WriteFile(file, []byte(burst), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runLive(t, file, "--broker", "mqtt://"+p, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	var tr trace.Trace
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatal(err)
	}
	var results []string
	for _, e := range tr.Expectations {
		results = append(results, e.Result().Name().EN)
	}
	if got := strings.Join(results, " "); got != "ok ok ok ok not observable" {
		t.Fatalf("results %s\n%s", got, errs)
	}
	// Per connection, the reads that completed packets at the client.
	perRead := map[[2]int]int{}
	for _, s := range tr.Steps {
		if s.Kind == trace.KindPacket && s.From == trace.BrokerName {
			perRead[[2]int{s.Conn, s.Read}]++
		}
	}
	var merged, split bool
	for k, n := range perRead {
		merged = merged || n > 1
		// A read before k's that completed nothing: a packet spanned it.
		split = split || k[1] > 1 && perRead[[2]int{k[0], k[1] - 1}] == 0
	}
	if !merged || !split {
		t.Fatalf("merged %v, split %v: packets per read %v", merged, split, perRead)
	}
	wantIn(t, "stderr", errs, "no difference from the simulated broker")
}

// startRechunker starts a TCP proxy on a loopback port to target and
// returns its address: the client's bytes go through as they come; the
// broker's alternate, batch by batch, between cut into pieces of 1 to 3
// bytes written a few milliseconds apart, and held to be written whole
// with the next batch.
func startRechunker(t *testing.T, target string) string {
	t.Helper()
	l, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for seed := uint64(1); ; seed++ {
			c, err := l.Accept()
			if err != nil {
				return
			}
			b, err := net.Dial("tcp4", target)
			if err != nil {
				c.Close()
				continue
			}
			t.Cleanup(func() { c.Close(); b.Close() })
			go func() { defer b.Close(); _, _ = io.Copy(b, c) }()
			go rechunk(b, c, rand.New(rand.NewPCG(seed, 1)))
		}
	}()
	return l.Addr().String()
}

// rechunk copies src to dst as startRechunker says.
func rechunk(src, dst net.Conn, rnd *rand.Rand) {
	defer dst.Close()
	buf := make([]byte, 4096)
	for cut := true; ; cut = !cut {
		time.Sleep(10 * time.Millisecond) // let the broker's writes gather
		n, err := src.Read(buf)
		if err != nil {
			return
		}
		b := buf[:n]
		if !cut {
			// Hold this batch and write it whole with the next.
			_ = src.SetReadDeadline(time.Now().Add(50 * time.Millisecond))
			if k, _ := src.Read(buf[n:]); k > 0 {
				b = buf[:n+k]
			}
			_ = src.SetReadDeadline(time.Time{})
			if _, err := dst.Write(b); err != nil {
				return
			}
			continue
		}
		for len(b) > 0 {
			k := min(len(b), 1+rnd.IntN(3))
			if _, err := dst.Write(b[:k]); err != nil {
				return
			}
			b = b[k:]
			time.Sleep(3 * time.Millisecond)
		}
	}
}

// TestRunLiveRefused: a lesson that restarts the broker cannot run
// against a real one; the run says which line, in both languages, and
// connects nothing (no broker listens at the address).
func TestRunLiveRefused(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "broker-restart:27:1: line 27 cannot run against a real broker: restart broker restarts the simulated broker"},
		{"zh", "broker-restart:27:1: 第 27 行无法对真实服务端运行：restart broker 重启的是模拟服务端"},
	} {
		code, out, errs := runLive(t, "broker-restart", "--broker", "mqtt://127.0.0.1:1", "--lang", tc.lang)
		if code != 2 || out != "" {
			t.Fatalf("exit %d, stdout %q", code, out)
		}
		wantIn(t, "stderr", errs, tc.want)
	}
}

func TestParseBrokerURL(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{"mqtt://127.0.0.1:1883", "mqtt://127.0.0.1:1883", ""},
		{"tcp://localhost", "mqtt://localhost:1883", ""},
		{"ws://127.0.0.1:8080", "ws://127.0.0.1:8080/mqtt", ""},
		{"wss://broker.example/ws", "wss://broker.example/ws", ""},
		{"http://127.0.0.1:1883", "", `the scheme must be mqtt, tcp, ws or wss, not "http"`},
		{"mqtt://user:pw@127.0.0.1", "", "give no user:password@"},
		{"127.0.0.1:1883", "", "want mqtt://host:port"},
	} {
		b, err := parseBrokerURL(tc.in)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: err %v, want %q", tc.in, err, tc.err)
		case tc.err == "" && (err != nil || b.String() != tc.want):
			t.Errorf("%s: %v %v, want %s", tc.in, b, err, tc.want)
		}
	}
}

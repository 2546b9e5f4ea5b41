package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// testBroker is `mqttviz broker` started by a test on free loopback
// ports (port 0), stopped at cleanup.
type testBroker struct {
	t   *testing.T
	srv *brokerServer
	out bytes.Buffer
}

// startTestBroker starts the broker with the command's own options and
// startBroker, as runBroker does; args come after the listeners.
func startTestBroker(t *testing.T, args ...string) *testBroker {
	t.Helper()
	tb := &testBroker{t: t}
	cfg, code, done := parseBroker(append([]string{"--tcp", "127.0.0.1:0", "--ws", "127.0.0.1:0"}, args...), io.Discard, io.Discard)
	if done {
		t.Fatalf("options %q refused (exit %d)", args, code)
	}
	srv, err := startBroker(cfg, &tb.out)
	if err != nil {
		t.Fatal(err)
	}
	tb.srv = srv
	t.Cleanup(srv.shutdown)
	return tb
}

func (tb *testBroker) tcpAddr() string { return tb.srv.tcpLn.Addr().String() }

func (tb *testBroker) port() string {
	_, p, _ := net.SplitHostPort(tb.tcpAddr())
	return p
}

func (tb *testBroker) wsURL() string { return "ws://" + tb.srv.wsLn.Addr().String() + "/mqtt" }

// steps returns a copy of the recording's steps, read on the loop.
func (tb *testBroker) steps() []trace.Step {
	var out []trace.Step
	tb.srv.onLoop(func() { out = append(out, tb.srv.drv.Recorder().Trace().Steps...) })
	return out
}

// waitStep waits until a step satisfies ok and returns it.
func (tb *testBroker) waitStep(what string, ok func(trace.Step) bool) trace.Step {
	tb.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, s := range tb.steps() {
			if ok(s) {
				return s
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	tb.t.Fatalf("no step %s in %d steps", what, len(tb.steps()))
	return trace.Step{}
}

// noted reports whether a step has a note whose rule or English text
// contains s.
func noted(st trace.Step, s string) bool {
	for _, n := range st.Notes {
		if n.Rule == s || strings.Contains(n.Text.EN, s) {
			return true
		}
	}
	return false
}

// sent is a step of the broker writing a packet of type typ to client.
func sent(client string, typ codec.PacketType) func(trace.Step) bool {
	return func(s trace.Step) bool {
		return s.Kind == trace.KindPacket && s.From == trace.BrokerName && s.To == client && s.Packet == typ
	}
}

// mosquittoClient finds mosquitto_pub or mosquitto_sub. Outside CI a
// missing one skips the test loudly; under CI=true it fails it (.ci/run
// installs mosquitto-clients).
func mosquittoClient(t *testing.T, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed: the broker cannot be tested with a real client (.ci/run installs mosquitto-clients)", name)
	}
	t.Skipf("\n\n*** SKIPPING: %s is not installed (apt-get install -y mosquitto-clients). ***\n", name)
	return ""
}

// mosquittoSub is a running mosquitto_sub.
type mosquittoSub struct {
	cmd  *exec.Cmd
	out  bytes.Buffer
	done chan error
}

// startSub runs mosquitto_sub against tb with args, and waits until the
// broker answered its SUBSCRIBE.
func (tb *testBroker) startSub(id string, args ...string) *mosquittoSub {
	tb.t.Helper()
	path := mosquittoClient(tb.t, "mosquitto_sub")
	s := &mosquittoSub{done: make(chan error, 1)}
	s.cmd = exec.Command(path, append([]string{"-h", "127.0.0.1", "-p", tb.port(), "-i", id, "-W", "20"}, args...)...)
	s.cmd.Stdout, s.cmd.Stderr = &s.out, &s.out
	if err := s.cmd.Start(); err != nil {
		tb.t.Fatal(err)
	}
	go func() { s.done <- s.cmd.Wait() }()
	tb.t.Cleanup(func() {
		s.cmd.Process.Kill()
		<-s.done
	})
	tb.waitStep("SUBACK to "+id, sent(id, codec.SUBACK))
	return s
}

// wait waits for mosquitto_sub to exit (it does after -C messages) and
// returns what it printed.
func (s *mosquittoSub) wait(t *testing.T) string {
	t.Helper()
	select {
	case <-s.done:
		s.done <- nil
	case <-time.After(15 * time.Second):
		t.Fatalf("mosquitto_sub did not end; it printed %q", s.out.String())
	}
	return s.out.String()
}

// pub runs mosquitto_pub against tb with args.
func (tb *testBroker) pub(args ...string) {
	tb.t.Helper()
	path := mosquittoClient(tb.t, "mosquitto_pub")
	out, err := exec.Command(path, append([]string{"-h", "127.0.0.1", "-p", tb.port()}, args...)...).CombinedOutput()
	if err != nil {
		tb.t.Fatalf("mosquitto_pub %q: %v\n%s", args, err, out)
	}
}

// rawConn is a device written by hand: bytes out as given, packets in
// cut by the codec's splitter, over TCP or a WebSocket. A goroutine
// reads (a WebSocket's read deadline would close it).
type rawConn struct {
	t     *testing.T
	c     net.Conn
	split codec.Splitter
	reads chan []byte // closed at EOF or error
	// stalled, once closed, stops the reader after its current read.
	stalled chan struct{}
	// err is why the reads ended, set before reads closes.
	err error
}

func newRawConn(t *testing.T, c net.Conn) *rawConn {
	r := &rawConn{t: t, c: c, reads: make(chan []byte, 64), stalled: make(chan struct{})}
	t.Cleanup(func() { c.Close() })
	go func() {
		defer close(r.reads)
		for {
			select {
			case <-r.stalled:
				return
			default:
			}
			buf := make([]byte, 4096)
			n, err := c.Read(buf)
			if n > 0 {
				r.reads <- buf[:n]
			}
			if err != nil {
				r.err = err
				return
			}
		}
	}()
	return r
}

// stall stops reading: the device's receive buffer fills.
func (r *rawConn) stall() { close(r.stalled) }

func dialTCP(t *testing.T, addr string) *rawConn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return newRawConn(t, c)
}

// dialWS opens a WebSocket with subprotocol mqtt (coder/websocket as the
// client): each write is one binary message.
func dialWS(t *testing.T, url string) *rawConn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{Subprotocols: []string{"mqtt"}})
	if err != nil {
		t.Fatal(err)
	}
	if ws.Subprotocol() != "mqtt" {
		t.Fatalf("subprotocol %q, want mqtt (MQTT-6.0.0-4)", ws.Subprotocol())
	}
	return newRawConn(t, websocket.NetConn(context.Background(), ws, websocket.MessageBinary))
}

func (r *rawConn) write(b []byte) {
	r.t.Helper()
	if _, err := r.c.Write(b); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rawConn) send(ps ...codec.Packet) {
	r.t.Helper()
	for _, p := range ps {
		b, err := codec.Append(nil, p)
		if err != nil {
			r.t.Fatal(err)
		}
		r.write(b)
	}
}

// next is the next packet the broker sends, nil when it closes the
// connection first; a test failure after 5 s of nothing.
func (r *rawConn) next() codec.Packet {
	r.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		frame, err := r.split.Next()
		if err != nil {
			r.t.Fatalf("the broker's bytes do not frame: %v", err)
		}
		if frame != nil {
			p, err := codec.Decode(frame)
			if err != nil {
				r.t.Fatalf("the broker sent % x: %v", frame, err)
			}
			return p
		}
		select {
		case b, ok := <-r.reads:
			if !ok {
				return nil
			}
			r.split.Feed(b)
		case <-timeout:
			r.t.Fatal("nothing from the broker in 5 s")
		}
	}
}

// expect reads the next packet and checks its summary.
func (r *rawConn) expect(summary string) codec.Packet {
	r.t.Helper()
	p := r.next()
	if p == nil {
		r.t.Fatalf("the broker closed the connection; want %s", summary)
	}
	if got := p.String(); got != summary {
		r.t.Fatalf("the broker sent %s, want %s", got, summary)
	}
	return p
}

// expectClosed reads until the broker closes; a packet before is a
// failure.
func (r *rawConn) expectClosed() {
	r.t.Helper()
	if p := r.next(); p != nil {
		r.t.Fatalf("the broker sent %s, want the connection closed", p)
	}
}

// expectClosedCleanly is expectClosed with the end of the stream: a
// TCP FIN or a WebSocket close 1000, not a reset.
func (r *rawConn) expectClosedCleanly() {
	r.t.Helper()
	r.expectClosed()
	if !errors.Is(r.err, io.EOF) {
		r.t.Errorf("the connection ended with %v, want a clean close (EOF)", r.err)
	}
}

// quiet checks that the broker sends nothing and keeps the connection
// open for d.
func (r *rawConn) quiet(d time.Duration) {
	r.t.Helper()
	select {
	case b, ok := <-r.reads:
		r.t.Fatalf("within %v the broker sent % x (open %v), want nothing", d, b, ok)
	case <-time.After(d):
	}
}

func connectPkt(id string, clean bool, keepAlive uint16) *codec.Connect {
	return &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: id, CleanSession: clean, KeepAlive: keepAlive}
}

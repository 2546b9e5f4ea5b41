//go:build js && wasm

package jsb

import (
	"errors"
	"os"
	"strconv"
	"testing"
	"time"

	"mqttviz/codec"
)

// These tests dial a real broker's WebSocket listener. cmd/mqttviz's
// TestWebSocketUnderNode starts mosquitto and runs them under node with
// the addresses in the environment; without them they skip.
const (
	envBroker = "MQTTVIZ_WS_BROKER" // ws:// address of a broker's WebSocket listener
	envClosed = "MQTTVIZ_WS_CLOSED" // ws:// address of a loopback port nothing listens on
)

// wait is how long a test waits for a broker's answer.
const wait = 10 * time.Second

// socketLog collects a socket's events on channels.
type socketLog struct {
	open   chan struct{}
	frames chan []byte
	errs   chan struct{}
	closed chan CloseEvent
}

func newSocketLog() *socketLog {
	return &socketLog{open: make(chan struct{}, 1), frames: make(chan []byte, 64), errs: make(chan struct{}, 4), closed: make(chan CloseEvent, 1)}
}

func (l *socketLog) events() SocketEvents {
	return SocketEvents{
		Open:    func() { l.open <- struct{}{} },
		Message: func(b []byte) { l.frames <- b },
		Error:   func() { l.errs <- struct{}{} },
		Close:   func(ce CloseEvent) { l.closed <- ce },
	}
}

func brokerURL(t *testing.T, env string) string {
	t.Helper()
	u := os.Getenv(env)
	if u == "" {
		t.Skipf("%s is not set: cmd/mqttviz's TestWebSocketUnderNode runs this test against mosquitto", env)
	}
	return u
}

// dial opens a socket to the broker and waits until it is open.
func dial(t *testing.T) (*Socket, *socketLog) {
	t.Helper()
	l := newSocketLog()
	s, err := DialWebSocket(brokerURL(t, envBroker), l.events())
	if errors.Is(err, ErrNoWebSocket) {
		t.Fatal("this runtime has no WebSocket: under node, preload cmd/mqttviz/testdata/ws/preload.cjs (NODE_OPTIONS=--require=…)")
	}
	if err != nil {
		t.Fatalf("DialWebSocket: %v", err)
	}
	t.Cleanup(s.Close)
	if err := s.Send([]byte{0xc0, 0}); !errors.Is(err, ErrNotOpen) {
		t.Errorf("Send before the socket is open = %v, want ErrNotOpen", err)
	}
	select {
	case <-l.open:
	case ce := <-l.closed:
		t.Fatalf("the socket closed before it opened: %+v", ce)
	case <-time.After(wait):
		t.Fatal("the socket did not open")
	}
	return s, l
}

// reader cuts the frames of a socket into packets, wherever the frames
// end (MQTT-6.0.0-2).
type reader struct {
	t     *testing.T
	l     *socketLog
	split codec.Splitter
}

// next is the next whole packet the broker sent.
func (r *reader) next() codec.Packet {
	r.t.Helper()
	for {
		b, err := r.split.Next()
		if err != nil {
			r.t.Fatalf("the broker's bytes: %v", err)
		}
		if b != nil {
			p, err := codec.Decode(b)
			if err != nil {
				r.t.Fatalf("decode % x: %v", b, err)
			}
			return p
		}
		select {
		case f := <-r.l.frames:
			r.split.Feed(f)
		case ce := <-r.l.closed:
			r.t.Fatalf("the broker closed the connection: %+v", ce)
		case <-time.After(wait):
			r.t.Fatal("the broker sent nothing")
		}
	}
}

func send(t *testing.T, s *Socket, p codec.Packet) {
	t.Helper()
	b, err := codec.Append(nil, p)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Send(b); err != nil {
		t.Fatalf("Send %v: %v", p, err)
	}
}

// TestWebSocketMQTT: CONNECT written in two frames, CONNACK, a
// subscription, a QoS 1 PUBLISH to it that comes back, DISCONNECT and
// a close that reports nothing more.
func TestWebSocketMQTT(t *testing.T) {
	s, l := dial(t)
	r := &reader{t: t, l: l}
	topic := "mqttviz/jsb/" + strconv.FormatInt(time.Now().UnixNano(), 36)
	connect, err := codec.Append(nil, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, KeepAlive: 30, ClientID: "jsb-" + topic[12:]})
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range [][]byte{connect[:3], connect[3:]} {
		if err := s.Send(part); err != nil {
			t.Fatalf("Send: %v", err)
		}
	}
	if ack, ok := r.next().(*codec.Connack); !ok || ack.ReturnCode != codec.Accepted {
		t.Fatalf("want CONNACK accepted, got %v", ack)
	}
	send(t, s, &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: topic, QoS: 1}}})
	if ack, ok := r.next().(*codec.Suback); !ok || len(ack.ReturnCodes) != 1 || ack.ReturnCodes[0] != codec.GrantedQoS1 {
		t.Fatalf("want SUBACK granting QoS 1, got %v", ack)
	}
	payload := []byte("hello \x00\xff over WebSocket")
	send(t, s, &codec.Publish{QoS: 1, Topic: topic, PacketID: 2, Payload: payload})
	var gotAck, gotMsg bool
	for !gotAck || !gotMsg {
		switch p := r.next().(type) {
		case *codec.Puback:
			gotAck = p.PacketID == 2
		case *codec.Publish:
			if p.Topic != topic || string(p.Payload) != string(payload) || p.QoS != 1 {
				t.Fatalf("the message came back as %v %q", p, p.Payload)
			}
			gotMsg = true
			send(t, s, &codec.Puback{PacketID: p.PacketID})
		default:
			t.Fatalf("unexpected %v", p)
		}
	}
	if s.BufferedAmount() < 0 {
		t.Error("negative bufferedAmount")
	}
	send(t, s, &codec.Disconnect{})
	s.Close()
	if err := s.Send([]byte{0xc0, 0}); !errors.Is(err, ErrNotOpen) {
		t.Errorf("Send after Close = %v, want ErrNotOpen", err)
	}
	select {
	case ce := <-l.closed:
		t.Errorf("Close reported a close event after it: %+v", ce)
	case <-time.After(200 * time.Millisecond):
	}
}

// TestWebSocketBrokerCloses: the broker closes the connection on a
// malformed packet (MQTT-4.8.0-1), which the socket reports once.
func TestWebSocketBrokerCloses(t *testing.T) {
	s, l := dial(t)
	if err := s.Send([]byte{0x10, 0x02, 0xff, 0xff}); err != nil {
		t.Fatal(err)
	}
	select {
	case ce := <-l.closed:
		if ce.Code == 0 {
			t.Errorf("close code 0: %+v", ce)
		}
	case <-time.After(wait):
		t.Fatal("the broker kept a connection that sent a malformed CONNECT")
	}
	if err := s.Send([]byte{0xc0, 0}); !errors.Is(err, ErrNotOpen) {
		t.Errorf("Send after the close = %v, want ErrNotOpen", err)
	}
}

// TestWebSocketClosedPort: nothing listens: an error event, then close
// code 1006, not clean, and never open.
func TestWebSocketClosedPort(t *testing.T) {
	l := newSocketLog()
	s, err := DialWebSocket(brokerURL(t, envClosed), l.events())
	if err != nil {
		t.Fatalf("DialWebSocket: %v", err)
	}
	defer s.Close()
	select {
	case ce := <-l.closed:
		if ce.Code != 1006 || ce.Clean {
			t.Errorf("close = %+v, want code 1006, not clean", ce)
		}
	case <-time.After(wait):
		t.Fatal("no close event")
	}
	select {
	case <-l.errs:
	default:
		t.Error("no error event before the close")
	}
	select {
	case <-l.open:
		t.Error("a socket to a closed port opened")
	default:
	}
}

// TestWebSocketRefusedURL: the runtime refuses an address at once, with
// an error rather than a panic.
func TestWebSocketRefusedURL(t *testing.T) {
	brokerURL(t, envBroker) // only where a WebSocket runtime was set up
	for _, u := range []string{"not a url", "ws://127.0.0.1:1/mqtt#fragment", "ftp://127.0.0.1/"} {
		if s, err := DialWebSocket(u, SocketEvents{}); err == nil {
			s.Close()
			t.Errorf("DialWebSocket(%q) succeeded", u)
		}
	}
}

package wslink

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"mqttviz/sim/trace"
	"mqttviz/wasm/brokeraddr"
	"mqttviz/wasm/jsb"
)

// fakeSocket stands for a browser WebSocket: the test fires its events.
type fakeSocket struct {
	url     string
	ev      jsb.SocketEvents
	sent    [][]byte
	closed  bool
	sendErr error
}

func (s *fakeSocket) Send(b []byte) error {
	if s.sendErr != nil {
		return s.sendErr
	}
	s.sent = append(s.sent, b)
	return nil
}

func (s *fakeSocket) Close() { s.closed = true }

// rig is a transport on fake sockets whose posts wait in a queue until
// run, reporting to a log.
type rig struct {
	t       *testing.T
	tr      *Transport
	queue   []func()
	socks   []*fakeSocket
	dialErr error
	log     []string
	notes   map[int][]trace.Note // the notes of each connection's close
}

func newRig(t *testing.T, raw string) *rig {
	a, err := brokeraddr.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{t: t, notes: map[int][]trace.Note{}}
	r.tr = New(a, func(f func()) { r.queue = append(r.queue, f) })
	r.tr.dial = func(url string, ev jsb.SocketEvents) (socket, error) {
		if r.dialErr != nil {
			return nil, r.dialErr
		}
		s := &fakeSocket{url: url, ev: ev}
		r.socks = append(r.socks, s)
		return s, nil
	}
	r.tr.Report(r)
	return r
}

func (r *rig) Opened(conn int)         { r.log = append(r.log, fmt.Sprintf("opened %d", conn)) }
func (r *rig) Read(conn int, b []byte) { r.log = append(r.log, fmt.Sprintf("read %d % x", conn, b)) }
func (r *rig) Closed(conn int, why ...trace.Note) {
	r.log = append(r.log, fmt.Sprintf("closed %d", conn))
	r.notes[conn] = why
}

// run runs what was posted, as the driver's loop does.
func (r *rig) run() {
	for len(r.queue) > 0 {
		f := r.queue[0]
		r.queue = r.queue[1:]
		f()
	}
}

func (r *rig) want(lines ...string) {
	r.t.Helper()
	if !slices.Equal(r.log, lines) {
		r.t.Fatalf("reported:\n%s\nwant:\n%s", strings.Join(r.log, "\n"), strings.Join(lines, "\n"))
	}
	r.log = nil
}

func TestTransportReportsThroughPost(t *testing.T) {
	r := newRig(t, "ws://127.0.0.1:9001")
	r.tr.Open(1, "alice")
	if len(r.socks) != 1 || r.socks[0].url != "ws://127.0.0.1:9001/mqtt" {
		t.Fatalf("dialled %+v", r.socks)
	}
	s := r.socks[0]
	if err := r.tr.Write(1, []byte{1}); err != nil {
		t.Fatal(err)
	}
	s.ev.Open()
	s.ev.Message([]byte{0x20, 0x02})
	s.ev.Message([]byte{0x00, 0x00, 0xd0})
	r.want() // nothing during the events: all of it is posted
	r.run()
	r.want("opened 1", "read 1 20 02", "read 1 00 00 d0")
	if err := r.tr.Write(1, []byte{0xc0, 0}); err != nil {
		t.Fatal(err)
	}
	if len(s.sent) != 2 || s.sent[1][0] != 0xc0 {
		t.Errorf("sent %x", s.sent)
	}
	s.ev.Close(jsb.CloseEvent{Code: 1000, Clean: true})
	r.run()
	r.want("closed 1")
	if err := r.tr.Write(1, []byte{0xc0, 0}); err == nil {
		t.Error("a write on a closed connection succeeded")
	}
}

func TestTransportCloseStopsReports(t *testing.T) {
	r := newRig(t, "ws://127.0.0.1:9001")
	r.tr.Open(1, "alice")
	r.tr.Open(2, "bob")
	a, b := r.socks[0], r.socks[1]
	a.ev.Open()
	a.ev.Message([]byte{0x20}) // posted before the driver closes
	b.ev.Open()
	r.tr.Close(1)
	if !a.closed || b.closed {
		t.Fatalf("closed: %v %v", a.closed, b.closed)
	}
	a.ev.Close(jsb.CloseEvent{Code: 1000, Clean: true})
	r.run()
	r.want("opened 2")
}

func TestTransportWriteErrors(t *testing.T) {
	r := newRig(t, "ws://127.0.0.1:9001")
	if err := r.tr.Write(7, []byte{1}); !errors.Is(err, errNoConn) {
		t.Errorf("Write on a connection never opened = %v", err)
	}
	r.tr.Open(1, "alice")
	r.socks[0].sendErr = jsb.ErrNotOpen
	if err := r.tr.Write(1, []byte{1}); !errors.Is(err, errNoConn) {
		t.Errorf("Write on a socket not open = %v", err)
	}
	broken := errors.New("InvalidStateError")
	r.socks[0].sendErr = broken
	if err := r.tr.Write(1, []byte{1}); !errors.Is(err, broken) {
		t.Errorf("Write = %v, want the browser's error", err)
	}
}

func TestTransportCloseNotes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		addr   string
		open   bool
		ce     jsb.CloseEvent
		notes  int
		en, zh string
	}{
		{"never opened, ws", "ws://broker.example:8080/mqtt", false, jsb.CloseEvent{Code: 1006}, 3, "did not open", "没有建立"},
		{"never opened, wss", "wss://broker.example:8084/mqtt", false, jsb.CloseEvent{Code: 1006}, 4, "https://broker.example:8084/", "https://broker.example:8084/"},
		{"broke off", "ws://127.0.0.1:9001", true, jsb.CloseEvent{Code: 1006}, 1, "no WebSocket close frame", "没有收到 WebSocket 关闭帧"},
		{"closed with a reason", "ws://127.0.0.1:9001", true, jsb.CloseEvent{Code: 1002, Reason: "protocol error", Clean: true}, 1, "close code 1002: protocol error", "关闭码 1002：protocol error"},
		{"closed", "ws://127.0.0.1:9001", true, jsb.CloseEvent{Code: 1000, Clean: true}, 1, "closed the WebSocket (close code 1000)", "关闭码 1000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, tc.addr)
			r.tr.Open(1, "alice")
			s := r.socks[0]
			if tc.open {
				s.ev.Open()
			}
			s.ev.Close(tc.ce)
			r.run()
			notes := r.notes[1]
			if len(notes) != tc.notes {
				t.Fatalf("%d notes, want %d: %+v", len(notes), tc.notes, notes)
			}
			all := fmt.Sprint(notes)
			if !strings.Contains(all, tc.en) || !strings.Contains(all, tc.zh) {
				t.Errorf("notes %s do not say %q and %q", all, tc.en, tc.zh)
			}
			for _, n := range notes {
				if n.Text.EN == "" || n.Text.ZH == "" {
					t.Errorf("a note lacks a language: %+v", n)
				}
			}
		})
	}
}

func TestTransportTextFrame(t *testing.T) {
	r := newRig(t, "ws://127.0.0.1:9001")
	r.tr.Open(1, "alice")
	s := r.socks[0]
	s.ev.Open()
	s.ev.Text("hello")
	s.ev.Message([]byte{0x20}) // after the text frame: not handled
	r.run()
	r.want("opened 1", "closed 1")
	if !s.closed {
		t.Error("a text frame left the socket open")
	}
	if n := r.notes[1]; len(n) != 1 || n[0].Rule != "MQTT-6.0.0-1" {
		t.Errorf("notes %+v, want MQTT-6.0.0-1", n)
	}
}

func TestTransportDialRefused(t *testing.T) {
	r := newRig(t, "ws://127.0.0.1:9001")
	r.dialErr = errors.New("SyntaxError: bad URL")
	r.tr.Open(1, "alice")
	r.want()
	r.run()
	r.want("closed 1")
	if n := r.notes[1]; len(n) != 1 || !strings.Contains(n[0].Text.EN, "SyntaxError") || !strings.Contains(n[0].Text.ZH, "浏览器拒绝") {
		t.Errorf("notes %+v", n)
	}
}

// TestTransportNative: natively there is no WebSocket, which the driver
// hears as a close of a connection that never opened.
func TestTransportNative(t *testing.T) {
	a, _ := brokeraddr.Parse("ws://127.0.0.1:9001")
	var queue []func()
	tr := New(a, func(f func()) { queue = append(queue, f) })
	r := &rig{t: t, notes: map[int][]trace.Note{}}
	tr.Report(r)
	tr.Open(1, "alice")
	for _, f := range queue {
		f()
	}
	r.want("closed 1")
}

package paho

import (
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	mqtt "github.com/eclipse/paho.mqtt.golang"

	"mqttviz/codec"
)

// raw is a device written by hand over TCP or WebSocket (paho's own
// WebSocket connection, subprotocol mqtt, one binary message a write):
// bytes out as given, packets in cut by mqttviz's codec. A goroutine
// reads into reads, closed at the end of the stream.
type raw struct {
	t     *testing.T
	c     net.Conn
	split codec.Splitter
	reads chan []byte
	err   error // why the stream ended, set before reads closes
}

// dialRaw opens a raw connection to b over transport.
func dialRaw(t *testing.T, b *broker, transport string) *raw {
	t.Helper()
	var c net.Conn
	var err error
	if transport == "ws" {
		c, err = mqtt.NewWebsocket(b.ws, nil, wait, nil, nil)
	} else {
		c, err = net.DialTimeout("tcp", b.tcp, wait)
	}
	if err != nil {
		t.Fatal(err)
	}
	r := &raw{t: t, c: c, reads: make(chan []byte, 64)}
	t.Cleanup(func() { c.Close() })
	go func() {
		defer close(r.reads)
		for {
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

func (r *raw) write(b []byte) {
	r.t.Helper()
	if _, err := r.c.Write(b); err != nil {
		r.t.Fatal(err)
	}
}

func (r *raw) send(p codec.Packet) {
	r.t.Helper()
	b, err := codec.Append(nil, p)
	if err != nil {
		r.t.Fatal(err)
	}
	r.write(b)
}

// next is the next packet from the broker, nil when it closes first.
func (r *raw) next() codec.Packet {
	r.t.Helper()
	timeout := time.After(wait)
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
			r.t.Fatalf("nothing from the broker in %v", wait)
		}
	}
}

// connect sends CONNECT and expects CONNACK 0.
func (r *raw) connect(c *codec.Connect) {
	r.t.Helper()
	r.send(c)
	if p := r.next(); p == nil || p.String() != "CONNACK 0 accepted" {
		r.t.Fatalf("the broker answered CONNECT with %v, want CONNACK 0 accepted", p)
	}
}

// closed waits for the broker to close the connection, with no packet
// before.
func (r *raw) closed(what string) {
	r.t.Helper()
	if p := r.next(); p != nil {
		r.t.Fatalf("%s: the broker sent %s, want the connection closed", what, p)
	}
	if r.err != nil && !errors.Is(r.err, io.EOF) && !strings.Contains(r.err.Error(), "close") {
		r.t.Logf("%s: the stream ended with %v", what, r.err)
	}
}

// quiet checks that for d the broker neither sends nor closes.
func (r *raw) quiet(d time.Duration) {
	r.t.Helper()
	select {
	case b, ok := <-r.reads:
		r.t.Fatalf("within %v the broker sent % x (open %v), want it waiting", d, b, ok)
	case <-time.After(d):
	}
}

// connectPacket is a CONNECT of protocol level 4 (MQTT 3.1.1).
func connectPacket(id string, keepAlive uint16, will *codec.Will) *codec.Connect {
	return &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: id, CleanSession: true, KeepAlive: keepAlive, Will: will}
}

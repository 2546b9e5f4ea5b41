package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/coder/websocket"

	"mqttviz/sim/live"
	"mqttviz/sim/trace"
)

// liveLoop is the one goroutine a live run's driver lives on: the clock's
// timers and the network's reports are posted to it as functions, and run
// one at a time, never during a call into the driver.
type liveLoop struct {
	events chan func()
	done   chan struct{}
}

func newLiveLoop() *liveLoop {
	return &liveLoop{events: make(chan func(), 256), done: make(chan struct{})}
}

// post hands f to the loop, from any goroutine; once the loop stopped, f
// is dropped.
func (l *liveLoop) post(f func()) {
	select {
	case l.events <- f:
	case <-l.done:
	}
}

// stop ends the loop: nothing posted later runs.
func (l *liveLoop) stop() { close(l.done) }

// runUntil runs posted functions until done reports true.
func (l *liveLoop) runUntil(done func() bool) {
	for !done() {
		(<-l.events)()
	}
}

// wallClock is sim/live's Clock on package time: milliseconds since the
// run's start, timers posted to the loop.
type wallClock struct {
	start time.Time
	loop  *liveLoop
}

func (c *wallClock) Now() int64 { return time.Since(c.start).Milliseconds() }

func (c *wallClock) At(at int64, f func()) {
	time.AfterFunc(time.Duration(at-c.Now())*time.Millisecond, func() { c.loop.post(f) })
}

// brokerURL is a broker's address for `run --broker`: mqtt:// or tcp://
// (TCP, port 1883 by default), ws:// or wss:// (a WebSocket with the
// subprotocol mqtt, path /mqtt by default).
type brokerURL struct {
	// ws is the WebSocket URL, empty for TCP; tcp the host:port.
	ws, tcp string
}

// parseBrokerURL checks s as a broker address.
func parseBrokerURL(s string) (brokerURL, error) {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return brokerURL{}, fmt.Errorf("--broker %q: want mqtt://host:port or ws://host:port/path", s)
	}
	if u.User != nil {
		return brokerURL{}, fmt.Errorf("--broker %q: give no user:password@ in the address (set them on the scenario's client line)", s)
	}
	switch u.Scheme {
	case "mqtt", "tcp":
		host := u.Host
		if u.Port() == "" {
			host = net.JoinHostPort(u.Hostname(), "1883")
		}
		return brokerURL{tcp: host}, nil
	case "ws", "wss":
		if u.Path == "" {
			u.Path = "/mqtt"
		}
		return brokerURL{ws: u.String()}, nil
	}
	return brokerURL{}, fmt.Errorf("--broker %q: the scheme must be mqtt, tcp, ws or wss, not %q", s, u.Scheme)
}

// String is the address as the trace names it.
func (b brokerURL) String() string {
	if b.ws != "" {
		return b.ws
	}
	return "mqtt://" + b.tcp
}

// netTransport is sim/live's Transport over TCP or a WebSocket: one
// net.Conn a connection, opened and read on goroutines of their own that
// post what happened to the loop; writes are made on the loop.
type netTransport struct {
	addr  brokerURL
	loop  *liveLoop
	d     *live.Driver
	conns map[int]net.Conn
	// closed are the connections the driver closed: nothing more is
	// reported of them.
	closed map[int]bool
}

func newNetTransport(addr brokerURL, loop *liveLoop) *netTransport {
	return &netTransport{addr: addr, loop: loop, conns: map[int]net.Conn{}, closed: map[int]bool{}}
}

// dialTimeout bounds opening a connection.
const dialTimeout = 5 * time.Second

func (n *netTransport) Open(conn int, client string) {
	go func() {
		c, err := n.dial()
		n.loop.post(func() {
			switch {
			case n.closed[conn]:
				if c != nil {
					c.Close()
				}
			case err != nil:
				n.d.Closed(conn, trace.Note{Text: trace.Text{
					EN: "the connection to " + n.addr.String() + " did not open: " + err.Error(),
					ZH: "与 " + n.addr.String() + " 的连接没有建立：" + err.Error(),
				}})
			default:
				n.conns[conn] = c
				n.d.Opened(conn)
				go n.read(conn, c)
			}
		})
	}()
}

// dial opens one connection to the broker.
func (n *netTransport) dial() (net.Conn, error) {
	if n.addr.ws == "" {
		return net.DialTimeout("tcp", n.addr.tcp, dialTimeout)
	}
	ctx, cancel := context.WithTimeout(context.Background(), dialTimeout)
	defer cancel()
	ws, _, err := websocket.Dial(ctx, n.addr.ws, &websocket.DialOptions{Subprotocols: []string{"mqtt"}})
	if err != nil {
		return nil, err
	}
	if ws.Subprotocol() != "mqtt" {
		ws.Close(websocket.StatusProtocolError, "the subprotocol mqtt is required")
		return nil, errors.New("the broker did not accept the WebSocket subprotocol mqtt (MQTT-6.0.0-3)")
	}
	return websocket.NetConn(context.Background(), ws, websocket.MessageBinary), nil
}

// read posts every read of c to the loop, then its end.
func (n *netTransport) read(conn int, c net.Conn) {
	for {
		buf := make([]byte, 4096)
		k, err := c.Read(buf)
		if k > 0 {
			b := buf[:k]
			n.loop.post(func() {
				if !n.closed[conn] {
					n.d.Read(conn, b)
				}
			})
		}
		if err != nil {
			n.loop.post(func() {
				if n.closed[conn] {
					return
				}
				delete(n.conns, conn)
				n.d.Closed(conn, closedBy(err))
			})
			return
		}
	}
}

// closedBy says why a read ended.
func closedBy(err error) trace.Note {
	if errors.Is(err, io.EOF) {
		return trace.Note{Text: trace.Text{EN: "the broker closed the network connection", ZH: "服务端关闭了网络连接"}}
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return trace.Note{Text: trace.Text{EN: "the network connection failed: " + msg, ZH: "网络连接出错：" + msg}}
}

// writeTimeout bounds one write: a broker that reads nothing does not
// stall the loop.
const writeTimeout = 5 * time.Second

func (n *netTransport) Write(conn int, b []byte) error {
	c := n.conns[conn]
	if c == nil {
		return errors.New("the connection is not open")
	}
	_ = c.SetWriteDeadline(time.Now().Add(writeTimeout))
	_, err := c.Write(b)
	return err
}

func (n *netTransport) Close(conn int) {
	n.closed[conn] = true
	if c := n.conns[conn]; c != nil {
		c.Close()
		delete(n.conns, conn)
	}
}

// closeAll closes every connection still open, at the end of a run.
func (n *netTransport) closeAll() {
	for conn := range n.conns {
		n.Close(conn)
	}
}

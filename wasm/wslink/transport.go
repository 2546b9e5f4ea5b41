package wslink

import (
	"errors"

	"mqttviz/sim/live"
	"mqttviz/sim/trace"
	"mqttviz/wasm/brokeraddr"
	"mqttviz/wasm/jsb"
)

// Post runs f on the driver's loop, later: never during the call that
// posts it. It may be called from any goroutine.
type Post func(f func())

// Reporter is what the transport reports to: a *live.Driver.
type Reporter interface {
	Opened(conn int)
	Read(conn int, b []byte)
	Closed(conn int, why ...trace.Note)
}

// socket is what the transport needs of a WebSocket (*jsb.Socket).
type socket interface {
	Send(b []byte) error
	Close()
}

// dialer opens a WebSocket to url reporting through ev.
type dialer func(url string, ev jsb.SocketEvents) (socket, error)

// Transport carries a live driver's connections over WebSockets to one
// broker: a sim/live Transport. Its methods are called on the driver's
// loop; what it reports goes through Post.
type Transport struct {
	addr  brokeraddr.Addr
	post  Post
	to    Reporter
	dial  dialer
	conns map[int]*wsConn
}

// wsConn is one connection's socket and what is known of it.
type wsConn struct {
	s    socket
	open bool // the socket reported open
}

var _ live.Transport = (*Transport)(nil)

// New returns a transport to the broker at addr reporting through post.
// Report names whom it reports to before the first Open.
func New(addr brokeraddr.Addr, post Post) *Transport {
	return &Transport{addr: addr, post: post, dial: dialWebSocket, conns: map[int]*wsConn{}}
}

// dialWebSocket is jsb.DialWebSocket as a dialer.
func dialWebSocket(url string, ev jsb.SocketEvents) (socket, error) {
	s, err := jsb.DialWebSocket(url, ev)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Report sets whom the transport reports to (the driver, which needs the
// transport to be made first).
func (t *Transport) Report(r Reporter) { t.to = r }

// Open opens a WebSocket for connection conn; the client's name is the
// driver's, not the broker's business. A browser that refuses the
// address at once is reported as a close.
func (t *Transport) Open(conn int, _ string) {
	c := &wsConn{}
	s, err := t.dial(t.addr.String(), t.events(conn, c))
	if err != nil {
		why := refusedNote(t.addr, err)
		t.post(func() { t.to.Closed(conn, why) })
		return
	}
	c.s = s
	t.conns[conn] = c
}

// events are connection conn's callbacks: each posts its report, unless
// the driver closed conn meanwhile.
func (t *Transport) events(conn int, c *wsConn) jsb.SocketEvents {
	report := func(f func()) {
		t.post(func() {
			if t.conns[conn] == c {
				f()
			}
		})
	}
	return jsb.SocketEvents{
		Open: func() {
			report(func() {
				c.open = true
				t.to.Opened(conn)
			})
		},
		Message: func(b []byte) { report(func() { t.to.Read(conn, b) }) },
		Text: func(string) {
			report(func() {
				t.drop(conn)
				t.to.Closed(conn, textFrameNote())
			})
		},
		Close: func(ce jsb.CloseEvent) {
			report(func() {
				delete(t.conns, conn)
				t.to.Closed(conn, closeNotes(t.addr, c.open, ce)...)
			})
		},
	}
}

// errNoConn is Write's error on a connection that is not there.
var errNoConn = errors.New("the WebSocket is closed")

// Write sends b on conn as one binary frame.
func (t *Transport) Write(conn int, b []byte) error {
	c := t.conns[conn]
	if c == nil {
		return errNoConn
	}
	if err := c.s.Send(b); err != nil {
		if errors.Is(err, jsb.ErrNotOpen) {
			return errNoConn
		}
		return err
	}
	return nil
}

// Close closes conn's WebSocket; nothing more of it is reported.
func (t *Transport) Close(conn int) { t.drop(conn) }

// drop closes conn's socket and forgets it.
func (t *Transport) drop(conn int) {
	if c := t.conns[conn]; c != nil {
		delete(t.conns, conn)
		c.s.Close()
	}
}

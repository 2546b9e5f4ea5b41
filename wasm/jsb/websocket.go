package jsb

import "errors"

// SocketEvents are the callbacks of a WebSocket opened by DialWebSocket.
// Each may be nil. They run when the browser fires the event, on the
// JavaScript event goroutine, never during a call into the Socket, and
// the browser waits for each to return: they must not block. They do not
// run on go-app's UI goroutine, so a caller that changes components or
// feeds a sim/live Driver hands the work over instead:
//
//	Message: func(b []byte) { ctx.Dispatch(func(app.Context) { d.Read(conn, b) }) },
//
// b is the caller's own copy, safe to keep.
type SocketEvents struct {
	// Open runs once the connection is open and the broker accepted the
	// subprotocol mqtt.
	Open func()
	// Message runs with the bytes of each binary frame. A frame may hold
	// part of an MQTT packet or several (MQTT-6.0.0-2): whoever reads
	// them cuts them into packets.
	Message func(b []byte)
	// Text runs with a text frame, which MQTT over WebSocket never sends
	// (MQTT-6.0.0-1: the receiver closes the connection).
	Text func(s string)
	// Error runs when the browser reports a failure; Close follows it. A
	// page learns no more than that (no reason, by design).
	Error func()
	// Close runs once when the connection ends, with the close frame's
	// code and reason (1006 and no reason when there was none: the
	// connection failed or never opened). Nothing runs after it.
	Close func(CloseEvent)
}

// CloseEvent is what the browser says of a WebSocket's end.
type CloseEvent struct {
	// Code is the close code: 1000 normal, 1006 abnormal (no close
	// frame: refused, unreachable, reset), others from the peer.
	Code int
	// Reason is the peer's reason text, often empty.
	Reason string
	// Clean says whether the closing handshake completed.
	Clean bool
}

// ErrNoWebSocket is DialWebSocket's error where there is no WebSocket
// (a native build, or an old JavaScript runtime).
var ErrNoWebSocket = errors.New("jsb: no WebSocket in this runtime")

// ErrNotOpen is Send's error on a socket that is not open: still
// connecting, closing or closed.
var ErrNotOpen = errors.New("jsb: the WebSocket is not open")

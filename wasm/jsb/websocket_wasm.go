//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// Socket is one WebSocket to a broker, with the subprotocol mqtt and
// binary frames as ArrayBuffers. It is used from one goroutine at a time.
type Socket struct {
	ws    safejs.Value
	funcs []safejs.Func
	done  bool // closed or ended: handlers detached, funcs released
}

// The WebSocket readyState of an open connection.
const socketOpen = 1

// handlers are the WebSocket's event handler properties.
var handlers = []string{"onopen", "onmessage", "onerror", "onclose"}

// DialWebSocket starts opening a WebSocket to url (ws:// or wss://, as
// brokeraddr checked it) with the subprotocol mqtt; ev's callbacks report
// what follows. The error is the browser's when it refuses the URL at
// once (a SyntaxError), or ErrNoWebSocket.
func DialWebSocket(url string, ev SocketEvents) (*Socket, error) {
	return DialWebSocketProtocol(url, "mqtt", ev)
}

// DialWebSocketProtocol is DialWebSocket with the subprotocol protocol
// instead of mqtt: the watch page's stream is no MQTT.
func DialWebSocketProtocol(url, protocol string, ev SocketEvents) (*Socket, error) {
	ctor, err := safejs.Global().Get("WebSocket")
	if err != nil || ctor.Type() != safejs.TypeFunction {
		return nil, ErrNoWebSocket
	}
	ws, err := ctor.New(url, protocol)
	if err != nil {
		return nil, err
	}
	s := &Socket{ws: ws}
	if err := s.listen(ev); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// listen sets the socket's binary type and its four handlers.
func (s *Socket) listen(ev SocketEvents) error {
	if err := s.ws.Set("binaryType", "arraybuffer"); err != nil {
		return err
	}
	calls := []func(safejs.Value){
		func(safejs.Value) {
			if ev.Open != nil {
				ev.Open()
			}
		},
		func(e safejs.Value) { s.message(e, ev) },
		func(safejs.Value) {
			if ev.Error != nil {
				ev.Error()
			}
		},
		func(e safejs.Value) {
			ce := CloseEvent{Reason: stringProp(e, "reason"), Clean: boolProp(e, "wasClean")}
			ce.Code, _ = intProp(e, "code")
			s.release()
			if ev.Close != nil {
				ev.Close(ce)
			}
		},
	}
	for i, name := range handlers {
		call := calls[i]
		fn, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			if s.done || len(args) == 0 {
				return nil
			}
			call(args[0])
			return nil
		})
		if err != nil {
			return err
		}
		s.funcs = append(s.funcs, fn)
		if err := s.ws.Set(name, fn.Value()); err != nil {
			return err
		}
	}
	return nil
}

// message hands a frame's data to ev: the bytes of a binary frame, the
// string of a text frame.
func (s *Socket) message(e safejs.Value, ev SocketEvents) {
	data, err := e.Get("data")
	if err != nil {
		return
	}
	if data.Type() == safejs.TypeString {
		if ev.Text != nil {
			text, _ := data.String()
			ev.Text(text)
		}
		return
	}
	b, err := bytesOf([]safejs.Value{data})
	if err == nil && ev.Message != nil {
		ev.Message(b)
	}
}

// uint8Array is new Uint8Array(n).
func uint8Array(n int) (safejs.Value, error) {
	ctor, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return safejs.Undefined(), err
	}
	return ctor.New(n)
}

// Send sends b as one binary frame. It fails with ErrNotOpen unless the
// socket is open, or with the browser's error.
func (s *Socket) Send(b []byte) error {
	if s.done {
		return ErrNotOpen
	}
	if state, err := intProp(s.ws, "readyState"); err != nil || state != socketOpen {
		return ErrNotOpen
	}
	u8, err := uint8Array(len(b))
	if err != nil {
		return err
	}
	if _, err := safejs.CopyBytesToJS(u8, b); err != nil {
		return err
	}
	_, err = s.ws.Call("send", u8)
	return err
}

// BufferedAmount is the number of bytes sent but not yet handed to the
// network: a send queue that keeps growing means a slow link.
func (s *Socket) BufferedAmount() int {
	n, _ := intProp(s.ws, "bufferedAmount")
	return n
}

// Close closes the socket with code 1000 (normal closure) and reports
// nothing more: the callbacks are detached at once.
func (s *Socket) Close() {
	if s.done {
		return
	}
	s.release()
	_, _ = s.ws.Call("close", 1000)
}

// release detaches the handlers and releases their Go functions.
func (s *Socket) release() {
	if s.done {
		return
	}
	s.done = true
	for _, name := range handlers {
		_ = s.ws.Set(name, safejs.Null())
	}
	for _, fn := range s.funcs {
		fn.Release()
	}
	s.funcs = nil
}

//go:build !(js && wasm)

package jsb

// Socket is one WebSocket to a broker; natively there is none.
type Socket struct{}

// DialWebSocket needs a browser: natively it fails with ErrNoWebSocket.
func DialWebSocket(string, SocketEvents) (*Socket, error) { return nil, ErrNoWebSocket }

// DialWebSocketProtocol is DialWebSocket with another subprotocol; there
// is no WebSocket outside a browser.
func DialWebSocketProtocol(string, string, SocketEvents) (*Socket, error) {
	return nil, ErrNoWebSocket
}

// Send fails: there is no socket.
func (*Socket) Send([]byte) error { return ErrNotOpen }

// BufferedAmount is 0.
func (*Socket) BufferedAmount() int { return 0 }

// Close does nothing.
func (*Socket) Close() {}

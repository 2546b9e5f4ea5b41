package live

// Clock is a driver's real clock. The browser implements it with the
// page's clock and timers, the command with package time; tests with a
// clock they move by hand.
type Clock interface {
	// Now is the time in milliseconds since the trace's start.
	Now() int64
	// At asks for f to run once when Now reaches at (soon, if it already
	// has). f runs on the driver's loop, as the transport's calls do:
	// never during a call into the driver.
	At(at int64, f func())
}

// Transport carries a driver's connections to the broker: a WebSocket in
// the browser, TCP or a WebSocket in the command, memory in tests. It
// reports back by calling the driver, on the driver's loop: Opened once a
// connection is open, Read with the bytes of each read, Closed when the
// connection ends without the driver asking (the broker closed it, the
// network failed, it never opened).
type Transport interface {
	// Open starts opening connection conn for the client named client.
	Open(conn int, client string)
	// Write sends b, whole packets, on the open connection conn. An error
	// means the connection is broken: the driver closes it.
	Write(conn int, b []byte) error
	// Close closes conn; the transport reports nothing more of it.
	Close(conn int)
}

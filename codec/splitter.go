package codec

// Splitter cuts a byte stream into packets, as a TCP or WebSocket
// receiver must: it holds a partial packet until the rest arrives. It
// checks only the framing (the Remaining Length); decode each packet to
// check the rest. The zero value is ready.
//
// The splitter reuses one buffer: once it has grown to the largest
// packets of the stream, feeding and cutting allocate nothing.
type Splitter struct {
	buf  []byte // bytes fed; buf[next:] are not yet returned
	next int    // where the next packet starts in buf
	err  error  // a framing error, after which the stream cannot be cut
}

// Feed appends bytes received from the stream; the splitter copies them.
// Feed may reuse the space of the packets Next has returned: their
// slices are valid only until the next call to Feed.
func (s *Splitter) Feed(b []byte) {
	held := len(s.buf) - s.next
	switch {
	case held == 0:
		// Everything was returned: start again at the front.
		s.buf, s.next = s.buf[:0], 0
	case len(s.buf)+len(b) <= cap(s.buf):
		// Room after the held bytes.
	case held+len(b) <= cap(s.buf):
		// Room once the returned packets' space is reclaimed.
		s.buf, s.next = s.buf[:copy(s.buf, s.buf[s.next:])], 0
	default:
		// Grow, copying only the held bytes.
		buf := make([]byte, held, max(2*cap(s.buf), held+len(b)))
		copy(buf, s.buf[s.next:])
		s.buf, s.next = buf, 0
	}
	s.buf = append(s.buf, b...)
}

// Next returns the next complete packet's bytes, or nil, nil when more
// bytes are needed. The slice points into the splitter's buffer and is
// valid until the next call to Feed: Next itself never writes over bytes
// it has returned, so every packet cut from one Feed can be used until
// the next. Copy what must outlive that. After a malformed Remaining
// Length every call returns the same error: the receiver must close the
// connection. [MQTT 2.2.3]
func (s *Splitter) Next() ([]byte, error) {
	if s.err != nil {
		return nil, s.err
	}
	held := s.buf[s.next:]
	n, err := FrameLength(held)
	if err != nil {
		s.err = err
		return nil, err
	}
	if n == 0 || n > len(held) {
		return nil, nil
	}
	s.next += n
	return held[:n:n], nil
}

// Buffered returns how many bytes are held waiting for the rest of a
// packet.
func (s *Splitter) Buffered() int { return len(s.buf) - s.next }

// Held returns the bytes fed and not yet returned as a packet: the start
// of a packet still waiting for the rest, or, after a framing error, every
// byte from the malformed packet on. A receiver whose connection closes
// shows them as the packet it never finished. The slice points into the
// splitter's buffer and is valid until the next call to Feed.
func (s *Splitter) Held() []byte { return s.buf[s.next:len(s.buf):len(s.buf)] }

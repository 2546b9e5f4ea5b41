package codec

// Splitter cuts a byte stream into packets, as a TCP or WebSocket
// receiver must: it holds a partial packet until the rest arrives. It
// checks only the framing (the Remaining Length); decode each packet to
// check the rest. The zero value is ready.
type Splitter struct {
	buf []byte // bytes fed and not yet returned
	err error  // a framing error, after which the stream cannot be cut
}

// Feed appends bytes received from the stream. The splitter copies them.
func (s *Splitter) Feed(b []byte) {
	s.buf = append(s.buf, b...)
}

// Next returns the next complete packet's bytes, or nil, nil when more
// bytes are needed. The splitter never writes over bytes it has returned,
// so the slice stays valid as long as the caller keeps it. After a
// malformed Remaining Length every call returns the same error: the
// receiver must close the connection. [MQTT 2.2.3]
func (s *Splitter) Next() ([]byte, error) {
	if s.err != nil {
		return nil, s.err
	}
	n, err := FrameLength(s.buf)
	if err != nil {
		s.err = err
		return nil, err
	}
	if n == 0 || n > len(s.buf) {
		return nil, nil
	}
	pk := s.buf[:n:n]
	s.buf = s.buf[n:]
	return pk, nil
}

// Buffered returns how many bytes are held waiting for the rest of a
// packet.
func (s *Splitter) Buffered() int { return len(s.buf) }

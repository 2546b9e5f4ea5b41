package live

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// FuzzBrokerDriver is the network edge: any bytes from two devices, in
// reads of any sizes, with the clock moving between reads and every
// timer run, then the broker stops. Nothing panics, no connection holds
// more than the packet size limit and a read, the recording stays within
// Keep, and what the broker wrote decodes.
func FuzzBrokerDriver(f *testing.F) {
	connect := []byte{0x10, 0x0f, 0, 4, 'M', 'Q', 'T', 'T', 4, 0x02, 0, 1, 0, 3, 'd', 'e', 'v'}
	sub := []byte{0x82, 0x06, 0, 1, 0, 1, '#', 2}
	pub := []byte{0x34, 0x06, 0, 1, 'a', 0, 5, 'x'}
	f.Add(append(append(append([]byte{}, connect...), sub...), pub...), []byte{3, 1, 200, 7})
	f.Add(append(append([]byte{}, connect...), 0x30, 0x0b, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l', 0xc0, 0x00), []byte{16, 10, 1})
	f.Add(append(append([]byte{}, connect...), 0x30, 0xff, 0xff, 0xff, 0x7f), []byte{})
	f.Add([]byte{0x00, 0x00, 0xff}, []byte{0})
	f.Fuzz(func(t *testing.T, data, sizes []byte) {
		const maxPacket, keep = 256, 64
		s := newBrokerSession(t, sim.BrokerOptions{RetryInterval: 50, MaxInflight: 4, MaxQueued: 4}, BrokerLimits{MaxConns: 2, ConnectTimeout: 500},
			Options{Keep: keep, MaxPacket: maxPacket})
		s.drv.Opened(1, "127.0.0.1:1")
		s.drv.Opened(2, "127.0.0.1:2")
		rest := data
		for i := 0; len(rest) > 0; i++ {
			n := len(rest)
			if i < len(sizes) {
				n = min(n, int(sizes[i])+1)
			}
			conn := 1 + i%2
			if len(sizes) > 0 && sizes[0]%2 == 0 {
				conn = 1 // half the inputs on one connection only
			}
			s.drv.Read(conn, rest[:n])
			rest = rest[n:]
			s.clock.advance(s.clock.now + int64(n)*7)
			for c, dv := range s.drv.conns {
				if dv.held > maxPacket+n+5 {
					t.Fatalf("connection %d holds %d bytes before its lifeline", c, dv.held)
				}
				if k := s.rec.conns[c]; k != nil && len(k.split.Held()) > maxPacket+5 {
					t.Fatalf("connection %d holds %d bytes of a packet", c, len(k.split.Held()))
				}
			}
			if len(s.rec.Trace().Steps) > keep+1 {
				t.Fatalf("%d steps kept with Keep %d", len(s.rec.Trace().Steps), keep)
			}
		}
		s.drv.Closed(2)
		s.drv.Stop()
		if s.drv.Conns() != 0 || s.clock.pending() != 0 {
			t.Fatalf("after Stop: %d open, %d timers pending", s.drv.Conns(), s.clock.pending())
		}
		for c, b := range s.dev.wrote {
			for p := range codec.StreamPackets(b) {
				if _, err := codec.Decode(p.Bytes); err != nil {
					t.Fatalf("the broker wrote % x on %d: %v", p.Bytes, c, err)
				}
			}
		}
		if tr := s.rec.Trace(); tr.Source != trace.SourceBroker {
			t.Fatalf("source %q", tr.Source)
		}
	})
}

package live

import (
	"encoding/json"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// FuzzRecorder reads any bytes in reads of any sizes, then closes: nothing
// panics, every byte read is on exactly one packet step, in order, and the
// trace writes as JSON.
func FuzzRecorder(f *testing.F) {
	for _, seq := range sequences {
		all, _ := wire(f, seq.read...)
		f.Add(all, []byte{3, 1, 7})
	}
	f.Add([]byte{0x30, 0x0b, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l', 0xc0, 0x00}, []byte{11, 1})
	f.Add([]byte{0x36, 0x03, 0x00, 0x01, 'a', 0xc0, 0x00}, []byte{2})
	f.Add([]byte{0x30, 0xff, 0xff, 0xff, 0xff, 0x01}, []byte{})
	f.Fuzz(func(t *testing.T, data, sizes []byte) {
		// Half the inputs with a packet size limit of 64 bytes.
		r := NewRecorder(Options{Source: trace.SourceBroker, Keep: 1 << 20, MaxPacket: len(sizes) % 2 * 64})
		r.Record(r.Open(0, 1, "c1", "127.0.0.1:5000"), nil)
		rest := data
		for i := 0; len(rest) > 0; i++ {
			n := len(rest)
			if i < len(sizes) {
				n = min(n, int(sizes[i])+1)
			}
			for _, a := range r.Read(int64(i), 1, rest[:n]) {
				if (a.Packet != nil) == (a.Err != nil) && a.Step.Outcome != trace.Lost {
					t.Fatalf("arrival with packet %v and error %v", a.Packet, a.Err)
				}
				r.Record(a.Step, nil)
			}
			rest = rest[n:]
		}
		for _, s := range r.Close(int64(len(sizes)), 1, Peer) {
			r.Record(s, nil)
		}
		var got []byte
		for _, s := range r.Trace().Steps {
			if s.Kind == trace.KindPacket {
				if len(s.Bytes) == 0 || s.Label.EN != codec.Summary(s.Bytes).EN {
					t.Fatalf("step %d: % x labelled %q", s.Index, s.Bytes, s.Label.EN)
				}
				got = append(got, s.Bytes...)
			}
		}
		if string(got) != string(data) {
			t.Fatalf("steps hold % x, read % x", got, data)
		}
		if _, err := json.Marshal(r.Trace()); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDriver hands a connected client any bytes from the broker in reads
// of any sizes, then moves the clock past every timer and closes: nothing
// panics, and every byte read before the client closed is on one packet
// step.
func FuzzDriver(f *testing.F) {
	for _, seq := range sequences {
		if seq.source == trace.SourceLive {
			all, _ := wire(f, seq.read...)
			f.Add(all, []byte{2, 9})
		}
	}
	f.Add([]byte{0x20, 0x02, 0x00, 0x00, 0x20, 0x02, 0x00, 0x00}, []byte{})
	f.Add([]byte{0x36, 0x03, 0x00, 0x01, 'a', 0xd0, 0x00}, []byte{3})
	f.Fuzz(func(t *testing.T, data, sizes []byte) {
		s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", KeepAlive: 1, RetryInterval: 300}))
		s.net.broker.silent = true
		s.do("c1", connect)
		s.do("c1", publish("a", "x", 2))
		read := 0
		rest := data
		for i := 0; len(rest) > 0; i++ {
			n := len(rest)
			if i < len(sizes) {
				n = min(n, int(sizes[i])+1)
			}
			if !s.net.closed[1] {
				read += n
			}
			s.clock.advance(int64(i))
			s.d.Read(1, rest[:n])
			rest = rest[n:]
		}
		s.clock.advance(100000)
		s.d.Closed(1) // shows the bytes of a packet still waiting for the rest
		got := 0
		for _, st := range s.rec.Trace().Steps {
			if st.Kind == trace.KindPacket && st.From == trace.BrokerName {
				got += len(st.Bytes)
			}
		}
		if got != read {
			t.Fatalf("the steps hold %d bytes from the broker, %d were read before the close", got, read)
		}
	})
}

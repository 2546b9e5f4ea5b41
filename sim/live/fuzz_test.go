package live

import (
	"encoding/json"
	"testing"

	"mqttviz/codec"
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
		r := NewRecorder(Options{Source: trace.SourceBroker, Keep: 1 << 20})
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
				if len(s.Bytes) == 0 || s.Label != codec.Summary(s.Bytes).EN {
					t.Fatalf("step %d: % x labelled %q", s.Index, s.Bytes, s.Label)
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

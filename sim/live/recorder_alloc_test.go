package live

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestRecorderReadCopiesOnce: a PUBLISH read is copied once, into its
// step, and its packet's strings and payload are that copy's bytes: a read
// takes the copy and the packet's struct (a second copy of the bytes
// before, the decoder's own).
func TestRecorderReadCopiesOnce(t *testing.T) {
	r := NewRecorder(Options{Source: trace.SourceBroker})
	r.Open(0, 1, "pub", "127.0.0.1:1")
	b := wireOf(t, &codec.Publish{QoS: 1, PacketID: 9, Topic: "load/1", Payload: make([]byte, 64)})
	a := r.Read(0, 1, b)
	if len(a) != 1 || a[0].Packet == nil {
		t.Fatalf("Read = %+v, want one PUBLISH", a)
	}
	p, bs := a[0].Packet.(*codec.Publish), a[0].Step.Bytes
	if &p.Payload[0] != &bs[len(bs)-64] {
		t.Error("the packet's payload is not the step's bytes")
	}
	if n := testing.AllocsPerRun(100, func() { r.Read(0, 1, b) }); n > 2 {
		t.Errorf("a PUBLISH read allocates %v times, want at most 2", n)
	}
}

package live

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// BenchmarkRecorder is one QoS 1 message at the client end: a PUBLISH
// read in two pieces, its PUBACK written, both recorded, in a recorder
// that keeps the newest DefaultKeep steps (so it drops a quarter of them
// now and then, as a long session does). At 1,000 packets a second the
// budget is a millisecond per packet.
func BenchmarkRecorder(b *testing.B) {
	pub, _ := wire(b, &codec.Publish{QoS: 1, Topic: "sensors/room1/temperature", PacketID: 7, Payload: []byte(`{"t":21.5,"unit":"C"}`)})
	ack, _ := wire(b, &codec.Puback{PacketID: 7})
	st := &trace.State{Clients: []*trace.ClientState{{Name: "c1", ClientID: "c1", Connected: true}}}
	r := NewRecorder(Options{Source: trace.SourceLive})
	r.Record(r.Open(0, 1, "c1", ""), st)
	b.SetBytes(int64(len(pub) + len(ack)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		t := int64(i)
		for _, a := range r.Read(t, 1, pub[:10]) {
			r.Record(a.Step, st)
		}
		for _, a := range r.Read(t, 1, pub[10:]) {
			r.Record(a.Step, st)
		}
		for _, s := range r.Write(t, 1, ack) {
			r.Record(s, st)
		}
	}
}

// BenchmarkDriverQoS1 is one QoS 1 publication of a live client against
// the scripted broker: the action, its PUBLISH written and recorded, the
// PUBACK read, handled by the client core and recorded with its note and
// the client's state.
func BenchmarkDriverQoS1(b *testing.B) {
	s := newSession(b, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", CleanSession: true}))
	s.do("c1", connect)
	pub := publish("sensors/room1/temperature", `{"t":21.5,"unit":"C"}`, 1)
	b.ReportAllocs()
	for b.Loop() {
		s.do("c1", pub)
	}
}

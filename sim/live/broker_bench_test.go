package live

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
)

// BenchmarkBrokerDriverQoS1 is one QoS 1 message through the broker
// driver, recorded: a publisher's PUBLISH read, PUBACK and the PUBLISH
// to one subscriber written, its PUBACK read. The cost of the broker on
// real sockets without the sockets.
func BenchmarkBrokerDriverQoS1(b *testing.B) {
	s := newBrokerSession(b, sim.BrokerOptions{}, BrokerLimits{}, Options{})
	s.drv.Opened(1, "127.0.0.1:1")
	s.drv.Read(1, wireOf(b, connectPacket("sub", 0), &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "t", QoS: 1}}}))
	s.drv.Opened(2, "127.0.0.1:2")
	s.drv.Read(2, wireOf(b, connectPacket("pub", 0)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		id := uint16(i%65535 + 1)
		s.drv.Read(2, wireOf(b, &codec.Publish{QoS: 1, PacketID: id, Topic: "t", Payload: []byte("21.5")}))
		s.drv.Read(1, wireOf(b, &codec.Puback{PacketID: id}))
		clear(s.dev.wrote)
	}
}

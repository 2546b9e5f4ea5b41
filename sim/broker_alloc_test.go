package sim

import (
	"testing"

	"mqttviz/codec"
)

// TestBrokerDeliveryAllocations bounds what one QoS 1 delivery costs the
// Broker as sim/live drives it: the PUBLISH read, its PUBACK and the
// PUBLISH to the subscriber written, the subscriber's PUBACK read, each
// with its notes and Change: 7 allocations (14 when notes were joined
// sentence by sentence, a change's list was allocated apart from it and
// the message copied the topic and payload it was handed).
func TestBrokerDeliveryAllocations(t *testing.T) {
	b, carry := allocBroker(BrokerOptions{})
	pub := &codec.Publish{QoS: 1, PacketID: 300, Topic: "load/1", Payload: make([]byte, 64)}
	ack := &codec.Puback{}
	delivery := func() {
		b.Packet(1, 2, pub)
		carry()
		ack.PacketID = b.core.sessions["sub"].out.flights[0].id
		b.Packet(1, 1, ack)
		carry()
	}
	delivery()
	if n := testing.AllocsPerRun(200, delivery); n > 7 {
		t.Errorf("one QoS 1 delivery allocates %v times, want at most 7", n)
	}
}

// TestBrokerQueuedDeliveryAllocations: a QoS 1 delivery that waits for
// the in-flight limit (the default's case under a flood) allocates at
// most 12 times in the core, its note once (14 with the note formatted
// by fmt, 13 with its sentences joined apart).
func TestBrokerQueuedDeliveryAllocations(t *testing.T) {
	b, carry := allocBroker(BrokerOptions{MaxInflight: 1})
	pub := &codec.Publish{QoS: 1, PacketID: 300, Topic: "load/1", Payload: make([]byte, 64)}
	b.Packet(1, 2, pub)
	carry()
	ack := &codec.Puback{}
	delivery := func() {
		b.Packet(1, 2, pub) // waits: one in flight already
		carry()
		ack.PacketID = b.core.sessions["sub"].out.flights[0].id
		b.Packet(1, 1, ack) // frees the place: the waiting one is sent
		carry()
	}
	delivery()
	if q := len(b.core.sessions["sub"].queue); q != 0 {
		t.Fatalf("%d messages wait after the ack, want none", q)
	}
	if n := testing.AllocsPerRun(200, delivery); n > 12 {
		t.Errorf("one queued QoS 1 delivery allocates %v times, want at most 12", n)
	}
}

// allocBroker is a broker with a subscriber "sub" to load/+ at QoS 1 and a
// publisher "pub", both connected, and carry, which takes what the
// broker wrote and changed as sim/live does after each packet.
func allocBroker(opts BrokerOptions) (*Broker, func()) {
	b := NewBroker(opts)
	carry := func() {
		fx := b.Ready()
		for _, s := range fx.Sends {
			b.Reuse(s.Bytes)
		}
		b.Advance()
		b.Change()
	}
	b.Open(0, 1, "127.0.0.1:1")
	b.Packet(0, 1, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "sub", CleanSession: true})
	b.Packet(0, 1, &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "load/+", QoS: 1}}})
	b.Open(0, 2, "127.0.0.1:2")
	b.Packet(0, 2, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "pub", CleanSession: true})
	carry()
	b.Snapshot()
	return b, carry
}

package sim_test

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
)

// TestClientAwaits: after each input, whether the client waits for an
// answer from the broker. It does from CONNECT to CONNACK, from
// SUBSCRIBE to SUBACK, from PINGREQ to PINGRESP, for each step of its
// QoS 1 and 2 publications and for the PUBREL of a QoS 2 message it
// received; not for what it withholds, nor with no connection.
func TestClientAwaits(t *testing.T) {
	c := sim.NewClient("c", sim.ClientOptions{ClientID: "c"})
	steps := []struct {
		what  string
		in    func(now int64) error
		await bool
	}{
		{"a new client", nil, false},
		{"CONNECT", c.Connect, true},
		{"CONNACK", packet(c, &codec.Connack{}), false},
		{"SUBSCRIBE", func(now int64) error { return c.Subscribe(now, codec.Subscription{Filter: "a", QoS: 2}) }, true},
		{"SUBACK", packet(c, &codec.Suback{PacketID: 1, ReturnCodes: []codec.SubackCode{2}}), false},
		{"PUBLISH q0", func(now int64) error { return c.Publish(now, "a", nil, 0, false) }, false},
		{"PUBLISH q1", func(now int64) error { return c.Publish(now, "a", nil, 1, false) }, true},
		{"its PUBACK", packet(c, &codec.Puback{PacketID: 2}), false},
		{"PUBLISH q2", func(now int64) error { return c.Publish(now, "a", nil, 2, false) }, true},
		{"its PUBREC: PUBREL sent", packet(c, &codec.Pubrec{PacketID: 3}), true},
		{"its PUBCOMP", packet(c, &codec.Pubcomp{PacketID: 3}), false},
		{"a QoS 2 PUBLISH in: PUBREC sent", packet(c, &codec.Publish{Topic: "a", QoS: 2, PacketID: 9}), true},
		{"its PUBREL", packet(c, &codec.Pubrel{PacketID: 9}), false},
		{"hold PUBREC", func(now int64) error { return c.Hold(now, []codec.PacketType{codec.PUBREC}, true) }, false},
		{"a QoS 2 PUBLISH in, its PUBREC withheld", packet(c, &codec.Publish{Topic: "a", QoS: 2, PacketID: 10}), false},
		{"release PUBREC", func(now int64) error { return c.Hold(now, []codec.PacketType{codec.PUBREC}, false) }, true},
		{"its PUBREL", packet(c, &codec.Pubrel{PacketID: 10}), false},
		{"hold PUBREL", func(now int64) error { return c.Hold(now, []codec.PacketType{codec.PUBREL}, true) }, false},
		{"PUBLISH q2", func(now int64) error { return c.Publish(now, "a", nil, 2, false) }, true},
		{"its PUBREC, the PUBREL withheld", packet(c, &codec.Pubrec{PacketID: 4}), false},
		{"release PUBREL", func(now int64) error { return c.Hold(now, []codec.PacketType{codec.PUBREL}, false) }, true},
		{"its PUBCOMP", packet(c, &codec.Pubcomp{PacketID: 4}), false},
		{"PINGREQ", c.Ping, true},
		{"PINGRESP", packet(c, &codec.Pingresp{}), false},
		{"PUBLISH q1", func(now int64) error { return c.Publish(now, "a", nil, 1, false) }, true},
		{"the connection closes", func(now int64) error { c.Closed(now); return nil }, false},
		{"CONNECT again", c.Connect, true},
		{"a refusal", packet(c, &codec.Connack{ReturnCode: codec.RefusedNotAuthorized}), false},
	}
	for i, s := range steps {
		if s.in != nil {
			if err := s.in(int64(i * 10)); err != nil {
				t.Fatalf("%s: %v", s.what, err)
			}
		}
		c.Advance()
		if got := c.Awaits(); got != s.await {
			t.Errorf("after %s: Awaits() = %v, want %v", s.what, got, s.await)
		}
	}
}

// packet is the input of p arriving from the broker.
func packet(c *sim.Client, p codec.Packet) func(now int64) error {
	return func(now int64) error { c.Packet(now, p); return nil }
}

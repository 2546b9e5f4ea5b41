package brokertest

import (
	"testing"

	"mqttviz/codec"
)

// TestReply: each packet a client sends and the reply of a conforming
// broker, in the order of a session; a second CONNECT of the same id with
// clean session 0 finds its session present, and a refusal keeps none.
func TestReply(t *testing.T) {
	var r Replier
	sub := &codec.Subscribe{PacketID: 3, Subscriptions: []codec.Subscription{{Filter: "a/#", QoS: 2}, {Filter: "b", QoS: 0}}}
	for _, c := range []struct {
		in   codec.Packet
		want string
	}{
		{&codec.Connect{ClientID: "x", CleanSession: false}, (&codec.Connack{}).String()},
		{&codec.Connect{ClientID: "x", CleanSession: false}, (&codec.Connack{SessionPresent: true}).String()},
		{&codec.Connect{ClientID: "x", CleanSession: true}, (&codec.Connack{}).String()},
		{&codec.Connect{ClientID: "x", CleanSession: false}, (&codec.Connack{}).String()},
		{sub, (&codec.Suback{PacketID: 3, ReturnCodes: []codec.SubackCode{2, 0}}).String()},
		{&codec.Publish{Topic: "a", QoS: 0}, ""},
		{&codec.Publish{Topic: "a", QoS: 1, PacketID: 7}, (&codec.Puback{PacketID: 7}).String()},
		{&codec.Publish{Topic: "a", QoS: 2, PacketID: 8}, (&codec.Pubrec{PacketID: 8}).String()},
		{&codec.Pubrel{PacketID: 8}, (&codec.Pubcomp{PacketID: 8}).String()},
		{&codec.Pingreq{}, (&codec.Pingresp{}).String()},
		{&codec.Disconnect{}, ""},
	} {
		got := ""
		if p := r.Reply(c.in); p != nil {
			got = p.String()
		}
		if got != c.want {
			t.Errorf("%s: the reply is %q, want %q", c.in, got, c.want)
		}
	}
	refusing := Replier{Code: codec.RefusedNotAuthorized}
	for range 2 {
		if ca := refusing.Reply(&codec.Connect{ClientID: "y"}).(*codec.Connack); ca.ReturnCode != codec.RefusedNotAuthorized || ca.SessionPresent {
			t.Errorf("a refusing broker answers %s", ca)
		}
	}
}

package sim

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestInflightLimitNote: a message that waits for the in-flight limit
// is explained in both languages, word for word as before the note was
// written out without fmt.
func TestInflightLimitNote(t *testing.T) {
	b := NewBroker(BrokerOptions{MaxInflight: 100})
	b.Open(0, 1, "127.0.0.1:1")
	b.Packet(0, 1, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "sub", CleanSession: true})
	b.Packet(0, 1, &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "t", QoS: 1}}})
	b.Open(0, 2, "127.0.0.1:2")
	b.Packet(0, 2, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "pub", CleanSession: true})
	for i := range 100 {
		b.Packet(1, 2, &codec.Publish{QoS: 1, PacketID: uint16(i + 1), Topic: "t", Payload: []byte("m")})
	}
	b.Advance()
	b.Packet(2, 2, &codec.Publish{QoS: 1, PacketID: 101, Topic: "t", Payload: []byte("m")})
	want := trace.Note{Rule: "MQTT 4.6", Text: trace.Text{
		EN: "the in-flight limit (100 messages per session) towards sub is reached or messages wait before it: the message waits, in order, until an acknowledgement frees a place",
		ZH: "发往 sub 的未确认消息已达到本服务端每个会话 100 条的上限（或已有消息在排队）：消息按顺序等待，直到有确认腾出位置",
	}}
	for _, n := range b.Ready().Notes {
		if n == want {
			return
		}
	}
	t.Errorf("the 101st message's notes are %q, want %q", b.Ready().Notes, want)
}

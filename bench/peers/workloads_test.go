package peers

import (
	"bytes"

	paho "github.com/eclipse/paho.mqtt.golang/packets"
	mochi "github.com/mochi-mqtt/server/v2/packets"

	"mqttviz/codec"
)

// The codec workloads, the same packets as in mqttviz's
// codec/bench_test.go. Each library encodes them from its own packet type
// and decodes their bytes; TestPeersAgree checks that all three produce
// and read the same bytes, so every row measures the same work.

// benchTopic is the topic of the PUBLISH workloads.
const benchTopic = "sensors/room1/temperature"

// publishPacket is a QoS 1 PUBLISH of n payload bytes to benchTopic.
func publishPacket(n int) *codec.Publish {
	return &codec.Publish{QoS: codec.AtLeastOnce, Topic: benchTopic, PacketID: 42, Payload: bytes.Repeat([]byte{'x'}, n)}
}

// connectPacket is a CONNECT with a will, a user name and a password.
func connectPacket() *codec.Connect {
	user := "sensor-user"
	return &codec.Connect{
		ProtocolName:  "MQTT",
		ProtocolLevel: 4,
		CleanSession:  true,
		KeepAlive:     60,
		ClientID:      "mqttviz-bench-client",
		Will: &codec.Will{
			Topic:   "sensors/room1/status",
			Message: []byte("offline"),
			QoS:     codec.AtLeastOnce,
			Retain:  true,
		},
		HasUsername: true,
		Username:    user,
		HasPassword: true,
		Password:    []byte("s3cret-passw0rd"),
	}
}

// subscribePacket is a SUBSCRIBE with 4 filters.
func subscribePacket() *codec.Subscribe {
	return &codec.Subscribe{PacketID: 7, Subscriptions: []codec.Subscription{
		{Filter: "sensors/+/temperature", QoS: codec.AtMostOnce},
		{Filter: "sensors/room1/#", QoS: codec.AtLeastOnce},
		{Filter: "devices/+/status", QoS: codec.ExactlyOnce},
		{Filter: "$SYS/broker/clients/connected", QoS: codec.AtMostOnce},
	}}
}

// workload is one codec benchmark: its name as in codec/bench_test.go
// without the Decode/Encode prefix, and its packet.
type workload struct {
	name   string
	packet codec.Packet
}

// workloads lists the codec workloads in the order of the results table.
var workloads = []workload{
	{"Publish64", publishPacket(64)},
	{"Publish64K", publishPacket(64 * 1024)},
	{"ConnectWill", connectPacket()},
	{"Subscribe4", subscribePacket()},
}

// toMochi converts a workload packet to mochi's packet type (MQTT 3.1.1,
// protocol version 4).
func toMochi(p codec.Packet) mochi.Packet {
	switch p := p.(type) {
	case *codec.Publish:
		return mochi.Packet{
			ProtocolVersion: 4,
			FixedHeader:     mochi.FixedHeader{Type: mochi.Publish, Qos: byte(p.QoS), Retain: p.Retain, Dup: p.Dup},
			TopicName:       p.Topic,
			PacketID:        p.PacketID,
			Payload:         p.Payload,
		}
	case *codec.Connect:
		pk := mochi.Packet{
			ProtocolVersion: p.ProtocolLevel,
			FixedHeader:     mochi.FixedHeader{Type: mochi.Connect},
			Connect: mochi.ConnectParams{
				ProtocolName:     []byte(p.ProtocolName),
				Clean:            p.CleanSession,
				Keepalive:        p.KeepAlive,
				ClientIdentifier: p.ClientID,
				UsernameFlag:     p.HasUsername,
				Username:         []byte(p.Username),
				PasswordFlag:     p.HasPassword,
				Password:         p.Password,
			},
		}
		if p.Will != nil {
			pk.Connect.WillFlag = true
			pk.Connect.WillTopic = p.Will.Topic
			pk.Connect.WillPayload = p.Will.Message
			pk.Connect.WillQos = byte(p.Will.QoS)
			pk.Connect.WillRetain = p.Will.Retain
		}
		return pk
	case *codec.Subscribe:
		pk := mochi.Packet{
			ProtocolVersion: 4,
			FixedHeader:     mochi.FixedHeader{Type: mochi.Subscribe, Qos: 1},
			PacketID:        p.PacketID,
		}
		for _, s := range p.Subscriptions {
			pk.Filters = append(pk.Filters, mochi.Subscription{Filter: s.Filter, Qos: byte(s.QoS)})
		}
		return pk
	}
	panic("no mochi form for " + p.Type().String())
}

// toPaho converts a workload packet to paho's packet type.
func toPaho(p codec.Packet) paho.ControlPacket {
	switch p := p.(type) {
	case *codec.Publish:
		pk := paho.NewControlPacket(paho.Publish).(*paho.PublishPacket)
		pk.Qos, pk.Retain, pk.Dup = byte(p.QoS), p.Retain, p.Dup
		pk.TopicName, pk.MessageID, pk.Payload = p.Topic, p.PacketID, p.Payload
		return pk
	case *codec.Connect:
		pk := paho.NewControlPacket(paho.Connect).(*paho.ConnectPacket)
		pk.ProtocolName, pk.ProtocolVersion = p.ProtocolName, p.ProtocolLevel
		pk.CleanSession, pk.Keepalive, pk.ClientIdentifier = p.CleanSession, p.KeepAlive, p.ClientID
		pk.UsernameFlag, pk.Username = p.HasUsername, p.Username
		pk.PasswordFlag, pk.Password = p.HasPassword, p.Password
		if p.Will != nil {
			pk.WillFlag, pk.WillTopic, pk.WillMessage = true, p.Will.Topic, p.Will.Message
			pk.WillQos, pk.WillRetain = byte(p.Will.QoS), p.Will.Retain
		}
		return pk
	case *codec.Subscribe:
		pk := paho.NewControlPacket(paho.Subscribe).(*paho.SubscribePacket)
		pk.MessageID = p.PacketID
		for _, s := range p.Subscriptions {
			pk.Topics = append(pk.Topics, s.Filter)
			pk.Qoss = append(pk.Qoss, byte(s.QoS))
		}
		return pk
	}
	panic("no paho form for " + p.Type().String())
}

package codec

import (
	"bytes"
	"testing"
)

// The codec benchmarks. bench/peers mirrors them for mochi-mqtt and paho,
// so the packets are spelled out here exactly:
//
//   Publish64, Publish64K: PUBLISH QoS 1, not DUP, not RETAIN, topic
//     "sensors/room1/temperature", packet id 42, payload 64 or 65536 bytes
//     of 'x'.
//   ConnectWill: CONNECT "MQTT" level 4, clean session, keepalive 60,
//     client id "mqttviz-bench-client", will topic "sensors/room1/status",
//     will message "offline", will QoS 1, will retain, user name
//     "sensor-user", password "s3cret-passw0rd".
//   Subscribe4: SUBSCRIBE packet id 7, filters "sensors/+/temperature" QoS 0,
//     "sensors/room1/#" QoS 1, "devices/+/status" QoS 2,
//     "$SYS/broker/clients/connected" QoS 0.
//
// Decode benchmarks use a reused Decoder; encode benchmarks append into a
// reused buffer with the strict encoder.

const benchTopic = "sensors/room1/temperature"

func benchPublish(n int) *Publish {
	return &Publish{QoS: AtLeastOnce, Topic: benchTopic, PacketID: 42, Payload: bytes.Repeat([]byte{'x'}, n)}
}

func benchConnect() *Connect {
	return &Connect{
		ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, KeepAlive: 60,
		ClientID:    "mqttviz-bench-client",
		Will:        &Will{Topic: "sensors/room1/status", Message: []byte("offline"), QoS: AtLeastOnce, Retain: true},
		HasUsername: true, Username: "sensor-user",
		HasPassword: true, Password: []byte("s3cret-passw0rd"),
	}
}

func benchSubscribe() *Subscribe {
	return &Subscribe{PacketID: 7, Subscriptions: []Subscription{
		{Filter: "sensors/+/temperature", QoS: AtMostOnce},
		{Filter: "sensors/room1/#", QoS: AtLeastOnce},
		{Filter: "devices/+/status", QoS: ExactlyOnce},
		{Filter: "$SYS/broker/clients/connected", QoS: AtMostOnce},
	}}
}

func benchDecode(b *testing.B, p Packet) {
	in, err := Append(nil, p)
	if err != nil {
		b.Fatal(err)
	}
	var d Decoder
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := d.Decode(in); err != nil {
			b.Fatal(err)
		}
	}
}

func benchEncode(b *testing.B, p Packet) {
	dst, err := Append(nil, p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(dst)))
	b.ReportAllocs()
	for b.Loop() {
		if dst, err = Append(dst[:0], p); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodePublish64(b *testing.B)   { benchDecode(b, benchPublish(64)) }
func BenchmarkDecodePublish64K(b *testing.B)  { benchDecode(b, benchPublish(64*1024)) }
func BenchmarkDecodeConnectWill(b *testing.B) { benchDecode(b, benchConnect()) }
func BenchmarkDecodeSubscribe4(b *testing.B)  { benchDecode(b, benchSubscribe()) }
func BenchmarkEncodePublish64(b *testing.B)   { benchEncode(b, benchPublish(64)) }
func BenchmarkEncodePublish64K(b *testing.B)  { benchEncode(b, benchPublish(64*1024)) }
func BenchmarkEncodeConnectWill(b *testing.B) { benchEncode(b, benchConnect()) }
func BenchmarkEncodeSubscribe4(b *testing.B)  { benchEncode(b, benchSubscribe()) }

// BenchmarkSplitter cuts a stream of Publish64 packets fed in chunks of
// 1460 bytes (a TCP segment), which split packets across Feeds.
func BenchmarkSplitter(b *testing.B) {
	one, err := Append(nil, benchPublish(64))
	if err != nil {
		b.Fatal(err)
	}
	stream := bytes.Repeat(one, 1000)
	var s Splitter
	b.SetBytes(int64(len(stream)))
	b.ReportAllocs()
	for b.Loop() {
		for in := stream; len(in) > 0; {
			k := min(1460, len(in))
			s.Feed(in[:k])
			in = in[k:]
			for {
				frame, err := s.Next()
				if err != nil {
					b.Fatal(err)
				}
				if frame == nil {
					break
				}
			}
		}
	}
}

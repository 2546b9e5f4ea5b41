package sim

import (
	"encoding/json"
	"testing"

	"mqttviz/codec"
)

// FuzzBrokerInput sends arbitrary bytes from a connected client, split in
// two writes, and checks that nothing panics, that the broker either
// processes them or closes the connection, and that the trace still
// encodes.
func FuzzBrokerInput(f *testing.F) {
	for _, p := range []codec.Packet{
		&codec.Publish{QoS: 1, Topic: "a/b", PacketID: 7, Payload: []byte("x")},
		&codec.Publish{QoS: 2, Retain: true, Topic: "a/b", PacketID: 8},
		&codec.Subscribe{PacketID: 3, Subscriptions: []codec.Subscription{{Filter: "#", QoS: 2}}},
		&codec.Unsubscribe{PacketID: 4, Filters: []string{"a/+"}},
		&codec.Pubrel{PacketID: 8},
		&codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "x"},
		&codec.Pingreq{},
		&codec.Disconnect{},
	} {
		b, err := codec.Append(nil, p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, 1)
	}
	f.Add([]byte{0x30, 0x0b, 0x00, 0x04, '1', '1', '1', '1', '9', '9', '9'}, 3)
	f.Add([]byte{0x10, 0xff, 0xff, 0xff, 0xff, 0x01}, 2)
	f.Fuzz(func(t *testing.T, b []byte, cut int) {
		if len(b) == 0 {
			return
		}
		w := NewWorld(Options{Snapshots: true})
		for _, n := range []string{"dev", "sub"} {
			w.AddClient(n, ClientOptions{ClientID: n, KeepAlive: 5,
				Will: &codec.Will{Topic: n + "/status", Message: []byte("gone"), QoS: 1}})
			w.Connect(n)
		}
		w.RunUntilQuiet(1000)
		w.Subscribe("sub", codec.Subscription{Filter: "#", QoS: 2})
		w.RunUntilQuiet(1000)
		cut = min(max(cut, 0), len(b))
		for _, part := range [][]byte{b[:cut], b[cut:]} {
			if len(part) > 0 && w.SendRaw("dev", part) != nil {
				break // the broker closed the connection after the first part
			}
			w.RunUntilQuiet(10_000)
		}
		w.Advance(20_000)
		if _, err := json.Marshal(w.Trace()); err != nil {
			t.Fatal(err)
		}
		if s := w.BrokerSession("sub"); s == nil || !s.Connected {
			t.Fatalf("the other client's session suffered: %+v", s)
		}
	})
}

// FuzzClientInput delivers arbitrary bytes from the broker to a connected
// client with persistent state in flight, and checks that nothing panics
// and that the client either processes them or closes its connection.
func FuzzClientInput(f *testing.F) {
	for _, p := range []codec.Packet{
		&codec.Publish{QoS: 2, Topic: "a", PacketID: 1, Payload: []byte("x")},
		&codec.Pubrel{PacketID: 1},
		&codec.Puback{PacketID: 1},
		&codec.Pubrec{PacketID: 1},
		&codec.Suback{PacketID: 1, ReturnCodes: []codec.SubackCode{0x80}},
		&codec.Connack{SessionPresent: true},
		&codec.Pingresp{},
	} {
		b, err := codec.Append(nil, p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) == 0 {
			return
		}
		w := NewWorld(Options{Snapshots: true})
		w.AddClient("dev", ClientOptions{ClientID: "dev", KeepAlive: 5})
		w.Connect("dev")
		w.RunUntilQuiet(1000)
		w.Hold("dev", codec.PUBREL)
		w.Publish("dev", "a", []byte("x"), 2, false)
		w.RunUntilQuiet(1000)
		c := w.clients["dev"]
		if c.conn == nil {
			t.Fatal("dev is not connected")
		}
		w.eng.send(w.eng.broker, outgoing{c: c.conn, bytes: b, typ: codec.PacketType(b[0] >> 4)})
		w.Advance(20_000)
		if _, err := json.Marshal(w.Trace()); err != nil {
			t.Fatal(err)
		}
	})
}

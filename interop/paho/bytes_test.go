package paho

import (
	"testing"
	"time"

	"mqttviz/codec"
)

// TestPahoMalformed: raw sockets that send malformed bytes have their
// connection closed [MQTT-4.8.0-1] while a paho client beside them is
// served throughout: a PUBLISH of QoS 3 [MQTT-3.3.1-4], a second
// CONNECT [MQTT-3.1.0-2], a packet before CONNECT [MQTT-3.1.0-1], and
// an HTTP request on the MQTT port, closed at once although the
// broker's --connect-timeout is a minute.
func TestPahoMalformed(t *testing.T) {
	b := startBroker(t, "--connect-timeout", "60s")
	for _, over := range transports {
		t.Run(over, func(t *testing.T) {
			topic := "bystander/" + over
			bystander, _ := connect(t, options(b, over, "bystander-"+over, true))
			bystander.subscribe(topic, 1)
			for _, c := range []struct {
				name    string
				connect bool // CONNECT first
				bytes   []byte
			}{
				{"QoS 3", true, []byte{0x36, 0x05, 0x00, 0x01, 'x', 0x00, 0x01}},
				{"second CONNECT", true, mustAppend(t, connectPacket("again", 0, nil))},
				{"reserved type 0", true, []byte{0x00, 0x00}},
				{"PINGREQ before CONNECT", false, []byte{0xc0, 0x00}},
				{"HTTP request", false, []byte("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")},
			} {
				dev := dialRaw(t, b, over)
				if c.connect {
					dev.connect(connectPacket("bad-"+over, 0, nil))
				}
				dev.write(c.bytes)
				dev.closed(c.name)
				bystander.publish(topic, 1, false, c.name)
				bystander.expect(topic, c.name, 1, false)
			}
		})
	}
}

// TestPahoShortPublish is the tutorial's PUBLISH whose Remaining Length
// announces 11 bytes while 9 follow: the broker neither answers nor
// closes but waits for the rest, then takes the next packet's first
// bytes (a PINGREQ's) as the end of the payload, which a paho subscriber
// receives.
func TestPahoShortPublish(t *testing.T) {
	b := startBroker(t)
	for _, over := range transports {
		t.Run(over, func(t *testing.T) {
			sub, _ := connect(t, options(b, over, "reader-"+over, true))
			sub.subscribe("a/b", 0)
			dev := dialRaw(t, b, over)
			dev.connect(connectPacket("tut-"+over, 0, nil))
			dev.write([]byte{0x30, 0x0b, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l'})
			dev.quiet(500 * time.Millisecond)
			dev.write([]byte{0xc0, 0x00}) // a PINGREQ: its 2 bytes end the PUBLISH
			sub.expect("a/b", "hell\xc0\x00", 0, false)
			dev.quiet(500 * time.Millisecond) // no PINGRESP: there was no PINGREQ
			dev.send(&codec.Pingreq{})
			if p := dev.next(); p == nil || p.String() != "PINGRESP" {
				t.Fatalf("after the short PUBLISH the broker answered a PINGREQ with %v, want PINGRESP", p)
			}
		})
	}
}

func mustAppend(t *testing.T, p codec.Packet) []byte {
	t.Helper()
	b, err := codec.Append(nil, p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

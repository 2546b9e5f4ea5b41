package paho

import (
	"testing"
	"time"

	"mqttviz/codec"
)

// TestPahoWill: a paho client whose connection dies without DISCONNECT
// (closed under it) has its will published [MQTT-3.1.2-8], at its QoS
// and retained [MQTT-3.1.2-17]; one that sends DISCONNECT has its will
// discarded [MQTT-3.1.2-10].
func TestPahoWill(t *testing.T) {
	b := startBroker(t)
	for _, over := range transports {
		t.Run(over, func(t *testing.T) {
			topic := "will/" + over
			watcher, _ := connect(t, options(b, over, "watcher-"+over, true))
			watcher.subscribe(topic, 2)
			dev, _ := connect(t, options(b, over, "device-"+over, true).SetWill(topic, "offline", 1, true))
			dev.kill()
			watcher.expect(topic, "offline", 1, false)
			late, _ := connect(t, options(b, over, "late-"+over, true))
			late.subscribe(topic, 1)
			late.expect(topic, "offline", 1, true)

			polite, _ := connect(t, options(b, over, "polite-"+over, true).SetWill(topic, "polite gone", 1, false))
			polite.c.Disconnect(1000)
			pub, _ := connect(t, options(b, over, "marker-"+over, true))
			pub.publish(topic, 1, false, "marker")
			// The marker is the next message: no will came before it.
			watcher.expect(topic, "marker", 1, false)
		})
	}
}

// TestPahoPersistentSession: a clean-session-0 client's subscriptions
// and its QoS 1 and 2 messages survive its absence: the second CONNACK
// says Session Present [MQTT-3.2.2-2] (the first did not, MQTT-3.2.2-3),
// and the messages published meanwhile arrive at their QoS
// [MQTT-3.1.2-5]; a clean-session-1 connection ends the session
// [MQTT-3.1.2-6].
func TestPahoPersistentSession(t *testing.T) {
	b := startBroker(t)
	for _, over := range transports {
		t.Run(over, func(t *testing.T) {
			id, topic := "persistent-"+over, "session/"+over
			opts := options(b, over, id, false)
			first, present := connect(t, opts)
			if present {
				t.Error("first CONNECT with clean session 0: Session Present 1, want 0 (no session yet)")
			}
			first.subscribe(topic+"/1", 1)
			first.subscribe(topic+"/2", 2)
			first.c.Disconnect(1000)

			pub, _ := connect(t, options(b, "tcp", "pub-"+over, true))
			pub.publish(topic+"/1", 1, false, "one")
			pub.publish(topic+"/2", 2, false, "two")
			pub.publish(topic+"/2", 1, false, "two at 1")

			second, present := connect(t, options(b, over, id, false))
			if !present {
				t.Error("reconnect with clean session 0: Session Present 0, want 1")
			}
			second.expect(topic+"/1", "one", 1, false)
			second.expect(topic+"/2", "two", 2, false)
			second.expect(topic+"/2", "two at 1", 1, false)
			// The subscriptions are the session's: live messages too.
			pub.publish(topic+"/1", 1, false, "live")
			second.expect(topic+"/1", "live", 1, false)
			second.c.Disconnect(1000)

			clean, present := connect(t, options(b, over, id, true))
			if present {
				t.Error("clean session 1: Session Present 1, want 0 [MQTT-3.2.2-1]")
			}
			clean.c.Disconnect(1000)
			again, present := connect(t, options(b, over, id, false))
			if present {
				t.Error("after a clean session: Session Present 1, want 0: the old session must be gone")
			}
			// Nor are its subscriptions: the marker is the first message.
			pub.publish(topic+"/1", 1, false, "nobody")
			again.subscribe("marker/"+over, 1)
			pub.publish("marker/"+over, 1, false, "marker")
			again.expect("marker/"+over, "marker", 1, false)
		})
	}
}

// TestPahoKeepAliveExpiry: a device with keepalive 1 s that goes silent
// is disconnected, and its will published, once 1.5 keepalive periods
// pass without a packet [MQTT-3.1.2-24], not before (counted from before
// the CONNECT was sent, so that no delay of the test's makes it early).
func TestPahoKeepAliveExpiry(t *testing.T) {
	b := startBroker(t)
	for _, over := range transports {
		t.Run(over, func(t *testing.T) {
			topic := "keepalive/" + over
			watcher, _ := connect(t, options(b, over, "ka-watcher-"+over, true))
			watcher.subscribe(topic, 1)
			dev := dialRaw(t, b, over)
			start := time.Now()
			dev.connect(connectPacket("silent-"+over, 1, &codec.Will{Topic: topic, Message: []byte("timed out"), QoS: 1}))
			watcher.expect(topic, "timed out", 1, false)
			if waited := time.Since(start); waited < 1500*time.Millisecond {
				t.Errorf("the will came %v after the CONNECT: before 1.5 × the keepalive of 1 s", waited)
			}
			dev.closed("keepalive expiry")
		})
	}
}

// TestPahoTakeover: a second connection with the same client id makes
// the broker disconnect the first [MQTT-3.1.4-2]; the second is served,
// with clean session 0 in the same session: Session Present 1 and the
// first's subscription [MQTT-3.2.2-2].
func TestPahoTakeover(t *testing.T) {
	b := startBroker(t)
	for _, over := range transports {
		t.Run(over, func(t *testing.T) {
			id, topic := "same-"+over, "takeover/"+over
			first, _ := connect(t, options(b, over, id, false))
			first.subscribe(topic, 1)
			second, present := connect(t, options(b, over, id, false))
			first.dropped("the first connection after the takeover")
			if !present {
				t.Error("the takeover's CONNACK: Session Present 0, want 1 (clean session 0, the session exists)")
			}
			second.publish(topic, 1, false, "mine")
			second.expect(topic, "mine", 1, false)
			third, _ := connect(t, options(b, over, id, true))
			second.dropped("the second connection after a second takeover")
			third.publish(topic, 1, false, "gone")
			third.subscribe(topic, 1)
			third.publish(topic, 1, false, "fresh")
			// Clean session 1 dropped the subscription: "gone" went nowhere.
			third.expect(topic, "fresh", 1, false)
		})
	}
}

// TestPahoResendOnReconnect: a clean-session-0 subscriber that received
// a QoS 1 and a QoS 2 PUBLISH and dropped before acknowledging them
// (paho with its acknowledgements held) gets both again when it
// reconnects, with their packet ids and DUP 1 [MQTT-4.4.0-1,
// MQTT-3.3.1-1]; once acknowledged they do not come a third time.
func TestPahoResendOnReconnect(t *testing.T) {
	b := startBroker(t)
	for _, over := range transports {
		t.Run(over, func(t *testing.T) {
			id, topic := "unacked-"+over, "resend/"+over
			first, _ := connect(t, options(b, over, id, false).SetAutoAckDisabled(true))
			first.subscribe(topic, 2)
			pub, _ := connect(t, options(b, "tcp", "resend-pub-"+over, true))
			pub.publish(topic, 1, false, "one")
			pub.publish(topic, 2, false, "two")
			ids := map[string]uint16{}
			for range 2 {
				m := first.next("a first delivery")
				ids[string(m.Payload())] = m.MessageID()
			}
			first.kill()

			second, present := connect(t, options(b, over, id, false))
			if !present {
				t.Fatal("reconnect with clean session 0: Session Present 0, want 1")
			}
			for range 2 {
				m := second.next("a resend")
				want, ok := ids[string(m.Payload())]
				if !ok || m.MessageID() != want || !m.Duplicate() || m.Qos() == 0 {
					t.Errorf("resent %q id %d dup %v QoS %d; want one of %v again, same id, DUP 1", m.Payload(), m.MessageID(), m.Duplicate(), m.Qos(), ids)
				}
				delete(ids, string(m.Payload()))
			}
			pub.publish(topic, 1, false, "after")
			second.expect(topic, "after", 1, false)
		})
	}
}

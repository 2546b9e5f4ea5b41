package paho

import (
	"fmt"
	"testing"
)

// TestPahoQoS: every QoS a message is published at (0, 1, 2) to every
// QoS a subscription grants, the publisher and the subscriber each over
// TCP or WebSocket: each message arrives once, at the lower of the two
// [MQTT-3.8.4-6], with the retain flag 0 [MQTT-3.3.1-9].
func TestPahoQoS(t *testing.T) {
	b := startBroker(t)
	for _, pubOver := range transports {
		for _, subOver := range transports {
			t.Run(pubOver+" to "+subOver, func(t *testing.T) {
				prefix := "qos/" + pubOver + "-" + subOver
				sub, _ := connect(t, options(b, subOver, "sub-"+pubOver+"-"+subOver, true))
				for q := range byte(3) {
					sub.subscribe(fmt.Sprintf("%s/sub%d", prefix, q), q)
				}
				pub, _ := connect(t, options(b, pubOver, "pub-"+pubOver+"-"+subOver, true))
				for pq := range byte(3) {
					for sq := range byte(3) {
						pub.publish(fmt.Sprintf("%s/sub%d", prefix, sq), pq, false, fmt.Sprintf("at %d", pq))
					}
				}
				// One publisher, in order: each subscription's messages in
				// the order published. [MQTT-4.6.0-6]
				for pq := range byte(3) {
					for sq := range byte(3) {
						sub.expect(fmt.Sprintf("%s/sub%d", prefix, sq), fmt.Sprintf("at %d", pq), min(pq, sq), false)
					}
				}
				select {
				case m := <-sub.msgs:
					t.Fatalf("a tenth message: %s %q QoS %d (a duplicate?)", m.Topic(), m.Payload(), m.Qos())
				default:
				}
			})
		}
	}
}

// TestPahoRetained: a retained message goes to a later subscriber with
// the retain flag 1 [MQTT-3.3.1-8] (at the lower QoS), to a subscriber
// already there with the flag 0 [MQTT-3.3.1-9]; a newer one replaces it
// [MQTT-3.3.1-5], and an empty one clears it [MQTT-3.3.1-10, -11].
func TestPahoRetained(t *testing.T) {
	b := startBroker(t)
	for _, over := range transports {
		t.Run(over, func(t *testing.T) {
			topic := "retained/" + over
			early, _ := connect(t, options(b, over, "early-"+over, true))
			early.subscribe(topic, 2)
			pub, _ := connect(t, options(b, over, "pub-"+over, true))
			pub.publish(topic, 2, true, "old")
			pub.publish(topic, 1, true, "online")
			early.expect(topic, "old", 2, false)
			early.expect(topic, "online", 1, false)

			late, _ := connect(t, options(b, over, "late-"+over, true))
			late.subscribe(topic, 0)
			late.expect(topic, "online", 0, true)

			pub.publish(topic, 1, true, "")
			early.expect(topic, "", 1, false)
			after, _ := connect(t, options(b, over, "after-"+over, true))
			after.subscribe(topic, 1)
			pub.publish(topic, 1, false, "live")
			// The first message after the SUBACK is the live one: nothing
			// was retained any more.
			after.expect(topic, "live", 1, false)
		})
	}
}

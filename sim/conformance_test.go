package sim

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// The tests in this file walk the normative statements of MQTT 3.1.1 that
// bind the server (and the client's share of 4.3, 4.4 and 4.6) which the
// scenario tests in broker_*_test.go leave out. Each names its rules and
// tells the exchange it checks.

// TestConformanceMalformedConnect [MQTT-3.1.4-1, MQTT-3.1.2-1,
// MQTT-3.1.2-3, MQTT-3.1.2-13, MQTT-3.1.2-14, MQTT-3.1.2-15,
// MQTT-3.1.2-22]: a CONNECT
// that does not conform is answered by closing the connection, without a
// CONNACK and without a session; the note names the rule.
func TestConformanceMalformedConnect(t *testing.T) {
	for _, tc := range []struct {
		rule  string
		flags byte
		name  string
	}{
		{"MQTT-3.1.2-1", 0x02, "MQTX"},
		{"MQTT-3.1.2-3", 0x03, "MQTT"},
		{"MQTT-3.1.2-13", 0x0a, "MQTT"},
		{"MQTT-3.1.2-14", 0x1e, "MQTT"},
		{"MQTT-3.1.2-15", 0x22, "MQTT"},
		{"MQTT-3.1.2-22", 0x42, "MQTT"},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			st := newSimTest(t, Options{})
			st.client("dev", ClientOptions{})
			raw := []byte{0x10, 0x0d, 0x00, 0x04, tc.name[0], tc.name[1], tc.name[2], tc.name[3], 0x04, tc.flags, 0x00, 0x3c, 0x00, 0x01, 'd'}
			if tc.flags&0x04 != 0 {
				raw = append(raw, 0x00, 0x01, 'w', 0x00, 0x01, 'x')
				raw[1] += 6
			}
			if tc.flags&0x40 != 0 {
				raw = append(raw, 0x00, 0x02, 'p', 'w')
				raw[1] += 4
			}
			st.must(st.w.ConnectRaw("dev", raw))
			st.run()
			st.wantNote("the note names the rule", tc.rule)
			st.wantBytes("the CONNECT is refused as malformed", "dev", trace.BrokerName, raw, trace.Refused)
			st.wantClose("the broker closes the connection", trace.BrokerName)
			st.wantNoPacket("no CONNACK for a CONNECT that does not conform", trace.BrokerName, "dev", codec.CONNACK)
			if st.w.BrokerSession("d") != nil {
				t.Fatalf("a malformed CONNECT made a session\n%s", st.dump())
			}
		})
	}
}

// TestConformanceRefusalKeepsExistingSession [MQTT-3.2.2-4, MQTT-3.1.4-2]:
// a CONNECT refused with return code 4 gets session present 0 even though a
// session for its client id exists, and it takes nothing over: the
// connected client stays connected.
func TestConformanceRefusalKeepsExistingSession(t *testing.T) {
	st := newSimTest(t, Options{Broker: BrokerOptions{Users: map[string]string{"yang": "right"}}})
	st.client("dev", ClientOptions{Username: strp("yang"), Password: strp("right")})
	st.client("thief", ClientOptions{ClientID: "dev", Username: strp("yang"), Password: strp("wrong")})
	st.connect("dev")
	st.subscribe("dev", "a", 1)
	st.mark()
	st.must(st.w.Connect("thief"))
	st.run()
	st.wantPacket("refused, session present 0", trace.BrokerName, "thief", &codec.Connack{ReturnCode: codec.RefusedBadUsernamePassword})
	if !st.w.ClientConnected("dev") || !st.w.BrokerSession("dev").Connected {
		t.Fatalf("a refused CONNECT took the session over\n%s", st.dump())
	}
}

// TestConformanceWillAfterProtocolViolation [MQTT-4.8.0-1, MQTT-3.1.2-8,
// MQTT-3.1.2-17]: whatever the violation, the broker closes the connection
// and, since no DISCONNECT came, publishes the will at its QoS and stores
// it as retained when Will Retain is 1.
func TestConformanceWillAfterProtocolViolation(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  []byte
	}{
		{"a client sends CONNACK", []byte{0x20, 0x02, 0x00, 0x00}},
		{"a client sends SUBACK", []byte{0x90, 0x03, 0x00, 0x01, 0x00}},
		{"PUBLISH with QoS 3 [MQTT-3.3.1-4]", []byte{0x36, 0x05, 0x00, 0x01, 'a', 0x00, 0x01}},
		{"PUBLISH to a topic with a wildcard [MQTT-3.3.2-2]", []byte{0x30, 0x03, 0x00, 0x01, '#'}},
		{"SUBSCRIBE with flags 0000 [MQTT-3.8.1-1]", []byte{0x80, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x00}},
		{"SUBSCRIBE with requested QoS 3 [MQTT-3.8.3-4]", []byte{0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x03}},
		{"SUBSCRIBE without a filter [MQTT-3.8.3-3]", []byte{0x82, 0x02, 0x00, 0x01}},
		{"UNSUBSCRIBE without a filter [MQTT-3.10.3-2]", []byte{0xa2, 0x02, 0x00, 0x01}},
		{"PUBLISH QoS 1 with packet id 0 [MQTT-2.3.1-1]", []byte{0x32, 0x05, 0x00, 0x01, 'a', 0x00, 0x00}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newSimTest(t, Options{})
			st.client("sensor", ClientOptions{Will: &codec.Will{Topic: "status", Message: []byte("offline"), QoS: 1, Retain: true}})
			st.client("phone", ClientOptions{})
			st.connect("sensor", "phone")
			st.subscribe("phone", "status", 2)
			st.mark()
			st.must(st.w.SendRaw("sensor", tc.raw))
			st.run()
			st.wantBytes("the violation is refused", "sensor", trace.BrokerName, tc.raw, trace.Refused)
			st.wantClose("the broker closes the connection", trace.BrokerName)
			st.wantPacket("the will at its QoS 1, forwarded with RETAIN 0", trace.BrokerName, "phone",
				&codec.Publish{QoS: 1, PacketID: 1, Topic: "status", Payload: []byte("offline")})
			if m := st.w.Retained("status"); m == nil || m.Payload != "offline" {
				t.Fatalf("Will Retain 1: retained %+v", m)
			}
		})
	}
}

// TestConformanceKeepAliveZero [MQTT-3.1.2-24]: keepalive 0 turns the
// mechanism off: a silent client is never disconnected by the broker.
func TestConformanceKeepAliveZero(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{KeepAlive: 0})
	st.connect("dev")
	st.w.Silence("dev")
	st.w.Advance(24 * 3600 * 1000)
	if s := st.w.BrokerSession("dev"); s == nil || !s.Connected {
		t.Fatalf("keepalive 0 but the broker dropped the client\n%s", st.dump())
	}
}

// TestConformanceKeepAliveFromLastPacket [MQTT-3.1.2-24]: the 1.5 ×
// keepalive is measured from the last control packet the broker received,
// whichever it was: a PUBLISH at 8 s moves the deadline to 23 s.
func TestConformanceKeepAliveFromLastPacket(t *testing.T) {
	st := newSimTest(t, Options{Latency: 1})
	st.client("dev", ClientOptions{KeepAlive: 10, PingTimeout: 60_000})
	st.must(st.w.Connect("dev"))
	st.w.Advance(8000)
	st.must(st.w.Publish("dev", "a", []byte("x"), 0, false))
	st.w.Silence("dev")
	st.w.Advance(14_000)
	if s := st.w.BrokerSession("dev"); !s.Connected {
		t.Fatalf("closed before 1.5 × keepalive after the PUBLISH\n%s", st.dump())
	}
	st.w.Advance(2000)
	s := st.wantNote("closed 15 s after the PUBLISH", "MQTT-3.1.2-24")
	if s.Time != 8001+15_000 {
		t.Fatalf("keepalive expiry at %d, want %d\n%s", s.Time, 8001+15_000, st.dump())
	}
}

// TestConformanceCleanSessionDiscardsInflight [MQTT-3.1.2-6, MQTT-4.1.0-2]:
// a clean session ends with its connection, its unacknowledged QoS 1 and 2
// messages with it; reconnecting with clean session 0 then finds no
// session and nothing is resent.
func TestConformanceCleanSessionDiscardsInflight(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("pub", ClientOptions{})
	st.client("sub", ClientOptions{CleanSession: true})
	st.connect("pub", "sub")
	st.subscribe("sub", "a", 2)
	st.must(st.w.Hold("sub", codec.PUBACK, codec.PUBCOMP))
	st.publish("pub", "a", "one", 1, false)
	st.publish("pub", "a", "two", 2, false)
	if s := st.w.BrokerSession("sub"); len(s.Inflight) != 2 {
		t.Fatalf("in flight %+v, want two", s.Inflight)
	}
	st.must(st.w.Abort("sub"))
	st.run()
	if s := st.w.BrokerSession("sub"); s != nil {
		t.Fatalf("the clean session outlived its connection: %+v", s)
	}
	st.must(st.w.Release("sub", codec.PUBACK, codec.PUBCOMP))
	st.must(st.w.SetClientOptions("sub", ClientOptions{ClientID: "sub"}))
	st.mark()
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantPacket("no session kept: session present 0", trace.BrokerName, "sub", &codec.Connack{})
	st.wantNoPacket("nothing to resend", trace.BrokerName, "sub", codec.PUBLISH)
	st.wantNoPacket("nothing to release", trace.BrokerName, "sub", codec.PUBREL)
}

// TestConformanceCleanSessionDiscardsQueue [MQTT-3.1.2-6]: messages queued
// for a persistent session are discarded when the client comes back with
// clean session 1.
func TestConformanceCleanSessionDiscardsQueue(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.must(st.w.Disconnect("sub"))
	st.run()
	st.publish("pub", "a", "queued", 1, false)
	if s := st.w.BrokerSession("sub"); len(s.Queued) != 1 {
		t.Fatalf("queued %+v", s.Queued)
	}
	st.must(st.w.SetClientOptions("sub", ClientOptions{ClientID: "sub", CleanSession: true}))
	st.mark()
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantPacket("session present 0", trace.BrokerName, "sub", &codec.Connack{})
	st.wantNoPacket("the queue went with the session", trace.BrokerName, "sub", codec.PUBLISH)
}

// TestConformanceBrokerResendsInOrder [MQTT-4.4.0-1, MQTT-4.6.0-1,
// MQTT-3.3.1-1]: on reconnection with clean session 0 the broker resends
// its unacknowledged PUBLISH packets with DUP 1 and its unanswered PUBREL,
// with their original packet ids, in the order it first sent them, then
// what was queued while the client was away.
func TestConformanceBrokerResendsInOrder(t *testing.T) {
	st := pubsub(t, Options{}, "a", 2)
	st.must(st.w.Hold("sub", codec.PUBACK, codec.PUBCOMP))
	st.publish("pub", "a", "one", 1, false)
	st.publish("pub", "a", "two", 2, false)
	st.publish("pub", "a", "three", 1, false)
	st.w.Cut("sub")
	st.publish("pub", "a", "four", 1, false)
	st.must(st.w.Release("sub", codec.PUBACK, codec.PUBCOMP))
	st.mark()
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantPacket("session present", trace.BrokerName, "sub", &codec.Connack{SessionPresent: true})
	st.wantPacket("first the QoS 1 PUBLISH id 1, DUP 1", trace.BrokerName, "sub", &codec.Publish{Dup: true, QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("one")})
	st.wantPacket("then the PUBREL of id 2 (PUBREC had come)", trace.BrokerName, "sub", &codec.Pubrel{PacketID: 2})
	st.wantPacket("then id 3, DUP 1", trace.BrokerName, "sub", &codec.Publish{Dup: true, QoS: 1, PacketID: 3, Topic: "a", Payload: []byte("three")})
	st.wantPacket("then the queued message, new, DUP 0", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 4, Topic: "a", Payload: []byte("four")})
	st.wantReceived("one, two and three once each (QoS 1 may repeat)", "sub", "one", "two", "three", "one", "three", "four")
	if s := st.w.BrokerSession("sub"); len(s.Inflight) != 0 {
		t.Fatalf("still in flight: %+v", s.Inflight)
	}
}

// TestConformanceClientResendsInOrder [MQTT-4.4.0-1, MQTT-4.6.0-1,
// MQTT-2.3.1-3]: the client too resends its unacknowledged PUBLISH packets
// (DUP 1) and PUBREL in their original order with their original ids.
func TestConformanceClientResendsInOrder(t *testing.T) {
	st := pubsub(t, Options{}, "a", 2)
	st.w.DropNext("pub", DropMatch{Type: codec.PUBCOMP, Dir: Down})
	st.publish("pub", "a", "one", 2, false)
	st.w.Silence("pub")
	st.must(st.w.Publish("pub", "a", []byte("two"), 1, false))
	st.must(st.w.Publish("pub", "a", []byte("three"), 2, false))
	st.run()
	st.must(st.w.Abort("pub"))
	st.w.Restore("pub")
	st.mark()
	st.must(st.w.Connect("pub"))
	st.run()
	st.wantPacket("the PUBREL of id 1, whose PUBCOMP was lost", "pub", trace.BrokerName, &codec.Pubrel{PacketID: 1})
	st.wantPacket("id 2 with DUP 1", "pub", trace.BrokerName, &codec.Publish{Dup: true, QoS: 1, PacketID: 2, Topic: "a", Payload: []byte("two")})
	st.wantPacket("id 3 with DUP 1", "pub", trace.BrokerName, &codec.Publish{Dup: true, QoS: 2, PacketID: 3, Topic: "a", Payload: []byte("three")})
	st.wantReceived("each once", "sub", "one", "two", "three")
	if c := st.w.Client("pub"); len(c.Inflight) != 0 {
		t.Fatalf("the client still has %+v in flight", c.Inflight)
	}
}

// TestConformanceUnknownAcknowledgements [MQTT-3.6.4-1, MQTT 4.3.3]: a
// PUBREL for an id the broker does not hold is still answered with PUBCOMP;
// a PUBACK, PUBREC or PUBCOMP for nothing in flight is ignored and the
// connection stays open.
func TestConformanceUnknownAcknowledgements(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	st.connect("dev")
	st.mark()
	for _, p := range []codec.Packet{&codec.Puback{PacketID: 9}, &codec.Pubrec{PacketID: 8}, &codec.Pubcomp{PacketID: 6}, &codec.Pubrel{PacketID: 7}} {
		st.must(st.w.SendRaw("dev", encode(t, p)))
	}
	st.run()
	st.wantPacket("PUBCOMP with the PUBREL's id", trace.BrokerName, "dev", &codec.Pubcomp{PacketID: 7})
	st.wantNoPacket("nothing answers the others", trace.BrokerName, "dev", codec.PUBREL)
	if !st.w.ClientConnected("dev") || !st.w.BrokerSession("dev").Connected {
		t.Fatalf("an unknown acknowledgement closed the connection\n%s", st.dump())
	}
}

// TestConformanceUnsubscribe [MQTT-3.10.4-2, MQTT-3.10.4-3, MQTT-3.10.4-4,
// MQTT-3.10.4-5, MQTT-3.10.4-6]: one UNSUBSCRIBE with a filter the session
// has and one it has not gets one UNSUBACK with its packet id; no new
// message is sent for the removed filter, and the QoS 1 message already in
// flight still completes.
func TestConformanceUnsubscribe(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.must(st.w.Hold("sub", codec.PUBACK))
	st.publish("pub", "a", "before", 1, false)
	st.mark()
	st.must(st.w.Unsubscribe("sub", "a", "never/subscribed"))
	st.run()
	st.wantPacket("one UNSUBACK for both filters, same id", trace.BrokerName, "sub", &codec.Unsuback{PacketID: 2})
	st.publish("pub", "a", "after", 1, false)
	st.wantNoPacket("nothing new for the removed filter", trace.BrokerName, "sub", codec.PUBLISH)
	if s := st.w.BrokerSession("sub"); len(s.Inflight) != 1 || len(s.Subscriptions) != 0 {
		t.Fatalf("session %+v: want no subscription and the first message still in flight", s)
	}
	st.must(st.w.Release("sub", codec.PUBACK))
	st.run()
	st.wantPacket("the PUBACK of the message in flight", "sub", trace.BrokerName, &codec.Puback{PacketID: 1})
	if s := st.w.BrokerSession("sub"); len(s.Inflight) != 0 {
		t.Fatalf("the delivery in flight did not complete: %+v", s.Inflight)
	}
	st.wantReceived("only the message sent before", "sub", "before")
}

// TestConformanceDupNotPropagated [MQTT-3.3.1-3, MQTT-4.3.2-2]: a PUBLISH
// that arrives with DUP 1 is forwarded with DUP 0: the flag belongs to its
// leg only. A QoS 1 PUBLISH with an id already acknowledged is a new
// message.
func TestConformanceDupNotPropagated(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.must(st.w.SendRaw("pub", encode(t, &codec.Publish{Dup: true, QoS: 1, PacketID: 7, Topic: "a", Payload: []byte("x")})))
	st.run()
	st.wantPacket("forwarded with DUP 0", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("x")})
	st.wantPacket("PUBACK for the publisher", trace.BrokerName, "pub", &codec.Puback{PacketID: 7})
	st.must(st.w.SendRaw("pub", encode(t, &codec.Publish{QoS: 1, PacketID: 7, Topic: "a", Payload: []byte("y")})))
	st.run()
	st.wantReceived("id 7 again after PUBACK is a new message", "sub", "x", "y")
}

// TestConformanceQoS2IDAfterPubrel [MQTT-4.3.3-2]: until PUBREL a QoS 2
// PUBLISH with the same id is not delivered again; after PUBREL the same
// id starts a new message.
func TestConformanceQoS2IDAfterPubrel(t *testing.T) {
	for _, onPubrel := range []bool{false, true} {
		st := pubsub(t, Options{Broker: BrokerOptions{ForwardOnPubrel: onPubrel}}, "a", 0)
		first := encode(t, &codec.Publish{QoS: 2, PacketID: 5, Topic: "a", Payload: []byte("x")})
		st.must(st.w.SendRaw("pub", first))
		st.must(st.w.SendRaw("pub", encode(t, &codec.Publish{Dup: true, QoS: 2, PacketID: 5, Topic: "a", Payload: []byte("x")})))
		st.must(st.w.SendRaw("pub", encode(t, &codec.Pubrel{PacketID: 5})))
		st.run()
		st.wantPacket("PUBCOMP", trace.BrokerName, "pub", &codec.Pubcomp{PacketID: 5})
		st.must(st.w.SendRaw("pub", encode(t, &codec.Publish{QoS: 2, PacketID: 5, Topic: "a", Payload: []byte("y")})))
		st.must(st.w.SendRaw("pub", encode(t, &codec.Pubrel{PacketID: 5})))
		st.run()
		st.wantReceived("x once, then y", "sub", "x", "y")
	}
}

// TestConformanceBrokerIDsUnusedInFlight [MQTT-2.3.1-4]: the broker's
// packet ids towards a client wrap from 65535 to 1 and skip the ids still
// in flight.
func TestConformanceBrokerIDsUnusedInFlight(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.must(st.w.Hold("sub", codec.PUBACK))
	st.publish("pub", "a", "m1", 1, false) // broker id 1, kept in flight
	st.w.eng.broker.sessions["sub"].out.lastID = 65534
	st.publish("pub", "a", "m2", 1, false)
	st.publish("pub", "a", "m3", 1, false)
	st.wantPacket("65535", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 65535, Topic: "a", Payload: []byte("m2")})
	st.wantPacket("1 is in flight: 2", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 2, Topic: "a", Payload: []byte("m3")})
}

// TestConformanceRetainedZeroPayload [MQTT-3.3.1-10, MQTT-3.3.1-11,
// MQTT-3.3.1-12]: a retained PUBLISH with an empty payload is forwarded as
// a normal message, is never stored, and clears what was retained; a
// PUBLISH with RETAIN 0 and an empty payload clears nothing.
func TestConformanceRetainedZeroPayload(t *testing.T) {
	st := pubsub(t, Options{}, "a/#", 0)
	st.publish("pub", "a/empty", "", 1, true)
	st.wantPacket("forwarded as normal", trace.BrokerName, "sub", &codec.Publish{Topic: "a/empty"})
	if m := st.w.Retained("a/empty"); m != nil {
		t.Fatalf("a zero byte retained message was stored: %+v", m)
	}
	st.publish("pub", "a/kept", "v", 0, true)
	st.publish("pub", "a/kept", "", 0, false)
	if m := st.w.Retained("a/kept"); m == nil || m.Payload != "v" {
		t.Fatalf("RETAIN 0 with an empty payload touched the retained message: %+v", m)
	}
}

// TestConformanceResubscribeResendsRetained [MQTT-3.8.4-3, MQTT-3.3.1-8]:
// subscribing again with the same filter replaces the subscription and
// sends the matching retained messages again, with RETAIN 1.
func TestConformanceResubscribeResendsRetained(t *testing.T) {
	st := pubsub(t, Options{}, "x", 0)
	st.publish("pub", "a", "kept", 1, true)
	st.subscribe("sub", "a", 0)
	st.subscribe("sub", "a", 1)
	st.wantPacket("first subscription: at QoS 0", trace.BrokerName, "sub", &codec.Publish{Retain: true, Topic: "a", Payload: []byte("kept")})
	st.wantPacket("again at the new QoS 1", trace.BrokerName, "sub", &codec.Publish{Retain: true, QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("kept")})
	if s := st.w.BrokerSession("sub"); len(s.Subscriptions) != 2 || s.Subscriptions[0].Filter != "a" || s.Subscriptions[0].QoS != 1 {
		t.Fatalf("subscriptions %+v, want a at QoS 1 and x", s.Subscriptions)
	}
}

// TestConformanceDollarTopicsRetained [MQTT-4.7.2-1]: a retained message
// on a $-topic is not sent for a filter starting with a wildcard.
func TestConformanceDollarTopicsRetained(t *testing.T) {
	st := pubsub(t, Options{}, "none", 0)
	st.publish("pub", "$SYS/uptime", "42", 0, true)
	st.subscribe("sub", "#", 0)
	st.subscribe("sub", "+/uptime", 0)
	st.wantNoPacket("not for # nor +/uptime", trace.BrokerName, "sub", codec.PUBLISH)
	st.subscribe("sub", "$SYS/#", 0)
	st.wantPacket("for $SYS/#", trace.BrokerName, "sub", &codec.Publish{Retain: true, Topic: "$SYS/uptime", Payload: []byte("42")})
}

// TestConformanceOrderedTopic [MQTT-4.6.0-5, MQTT-4.6.0-6, MQTT-4.6.0-2]:
// messages of one topic and QoS from one client reach a subscriber in the
// order they were published, and the broker's PUBACKs come in the order of
// the PUBLISH packets, including with random latency of the messages.
func TestConformanceOrderedTopic(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	for _, p := range []string{"1", "2", "3", "4", "5"} {
		st.must(st.w.Publish("pub", "a", []byte(p), 1, false))
	}
	st.run()
	st.wantReceived("in order", "sub", "1", "2", "3", "4", "5")
	for id := uint16(1); id <= 5; id++ {
		st.wantPacket("PUBACKs in order", trace.BrokerName, "pub", &codec.Puback{PacketID: id})
	}
}

// TestConformanceSubscribeSequence [MQTT-3.8.4-4, MQTT-3.8.4-3]: a
// SUBSCRIBE naming the same filter twice is handled as two SUBSCRIBE
// packets in a row: the second replaces the first, so the subscription and
// the retained message it brings are at the second QoS; one SUBACK carries
// both return codes.
func TestConformanceSubscribeSequence(t *testing.T) {
	st := pubsub(t, Options{}, "x", 0)
	st.publish("pub", "a", "kept", 2, true)
	st.mark()
	st.must(st.w.Subscribe("sub", codec.Subscription{Filter: "a", QoS: 2}, codec.Subscription{Filter: "a", QoS: 0}))
	st.run()
	st.wantPacket("one SUBACK, a code per filter", trace.BrokerName, "sub", &codec.Suback{PacketID: 2, ReturnCodes: []codec.SubackCode{2, 0}})
	st.wantPacket("the retained message at the QoS of the subscription that stands", trace.BrokerName, "sub",
		&codec.Publish{Retain: true, Topic: "a", Payload: []byte("kept")})
	if s := st.w.BrokerSession("sub"); s.Subscriptions[0].Filter != "a" || s.Subscriptions[0].QoS != 0 {
		t.Fatalf("subscriptions %+v, want a at QoS 0", s.Subscriptions)
	}
}

// TestConformanceBrokerOutOfPacketIDs [MQTT-2.3.1-4, MQTT-4.6.0-6]: with
// all 65535 packet ids towards a client in flight the broker has no unused
// id: a QoS 1 message waits, in order, until an acknowledgement frees one.
func TestConformanceBrokerOutOfPacketIDs(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.must(st.w.Hold("sub", codec.PUBACK))
	s := st.w.eng.broker.sessions["sub"]
	m := &message{topic: "a", payload: []byte("old"), qos: 1}
	for id := 1; id <= 65535; id++ {
		s.out.add(&flight{id: uint16(id), msg: m, qos: 1, stage: trace.StagePublishSent})
	}
	st.mark()
	st.publish("pub", "a", "waits", 1, false)
	st.publish("pub", "a", "waits too", 1, false)
	st.wantNoPacket("no unused id: nothing is sent", trace.BrokerName, "sub", codec.PUBLISH)
	st.must(st.w.SendRaw("sub", encode(t, &codec.Puback{PacketID: 7})))
	st.run()
	st.wantPacket("id 7 is free again: the first message goes", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 7, Topic: "a", Payload: []byte("waits")})
	st.wantNoPacket("the second still waits", trace.BrokerName, "sub", codec.PUBLISH)
	st.must(st.w.SendRaw("sub", encode(t, &codec.Puback{PacketID: 9})))
	st.run()
	st.wantPacket("then the second", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 9, Topic: "a", Payload: []byte("waits too")})
}

// TestConformanceClientOutOfPacketIDs [MQTT-2.3.1-2]: a client with all
// 65535 packet ids in use refuses to publish or subscribe rather than
// reuse one.
func TestConformanceClientOutOfPacketIDs(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	st.connect("dev")
	c := st.w.clients["dev"]
	for id := 1; id <= 65535; id++ {
		c.core.out.add(&flight{id: uint16(id), msg: &message{topic: "a", qos: 1}, qos: 1, stage: trace.StagePublishSent})
	}
	if err := st.w.Publish("dev", "a", []byte("x"), 1, false); err == nil {
		t.Fatal("a QoS 1 publish with no free packet id was accepted")
	}
	if err := st.w.Subscribe("dev", codec.Subscription{Filter: "a"}); err == nil {
		t.Fatal("a SUBSCRIBE with no free packet id was accepted")
	}
	if err := st.w.Publish("dev", "a", []byte("x"), 0, false); err != nil {
		t.Fatalf("QoS 0 needs no packet id: %v", err)
	}
}

// TestConformanceRetainedOutlivesSessions [MQTT-3.1.2-7, MQTT-3.1.2-16]:
// retained messages are not part of any session: they stay when the
// publisher's clean session ends. A will with Will Retain 0 is published
// but not retained.
func TestConformanceRetainedOutlivesSessions(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("pub", ClientOptions{CleanSession: true, Will: &codec.Will{Topic: "pub/status", Message: []byte("gone")}})
	st.client("sub", ClientOptions{})
	st.connect("pub", "sub")
	st.subscribe("sub", "pub/#", 1)
	st.publish("pub", "pub/value", "42", 1, true)
	st.must(st.w.Abort("pub"))
	st.run()
	if st.w.BrokerSession("pub") != nil {
		t.Fatal("the clean session outlived its connection")
	}
	if m := st.w.Retained("pub/value"); m == nil || m.Payload != "42" {
		t.Fatalf("the retained message went with the session: %+v", m)
	}
	st.wantReceived("the value, then the will", "sub", "42", "gone")
	if m := st.w.Retained("pub/status"); m != nil {
		t.Fatalf("Will Retain 0, yet the will was retained: %+v", m)
	}
}

package sim

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// pubsub is a publisher and a subscriber on a, connected, the subscriber
// holding a subscription to filter at QoS granted.
func pubsub(t *testing.T, o Options, filter string, granted codec.QoS) *simTest {
	st := newSimTest(t, o)
	st.client("pub", ClientOptions{})
	st.client("sub", ClientOptions{})
	st.connect("pub", "sub")
	st.subscribe("sub", filter, granted)
	return st
}

func TestQoS0(t *testing.T) {
	st := pubsub(t, Options{}, "a", 2)
	st.publish("pub", "a", "hi", 0, false)
	st.wantPacket("QoS 0 travels once to the broker", "pub", trace.BrokerName, &codec.Publish{Topic: "a", Payload: []byte("hi")})
	st.wantPacket("and once to the subscriber", trace.BrokerName, "sub", &codec.Publish{Topic: "a", Payload: []byte("hi")})
	st.wantNoPacket("nobody acknowledges QoS 0", "sub", trace.BrokerName, codec.PUBACK)
	st.wantReceived("delivered", "sub", "hi")
}

func TestQoS1BothLegs(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.publish("pub", "a", "hi", 1, false)
	st.wantPacket("publisher's leg, its id 1", "pub", trace.BrokerName, &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	st.wantPacket("broker's leg, the broker's own id", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	st.wantPacket("the broker acknowledges the publisher", trace.BrokerName, "pub", &codec.Puback{PacketID: 1})
	st.wantPacket("the subscriber acknowledges the broker", "sub", trace.BrokerName, &codec.Puback{PacketID: 1})
	if s := st.w.BrokerSession("sub"); len(s.Inflight) != 0 {
		t.Fatalf("in flight after PUBACK: %+v", s.Inflight)
	}
}

func TestBrokerPacketIDsPerLeg(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.client("pub2", ClientOptions{})
	st.connect("pub2")
	st.publish("pub", "a", "1", 1, false)
	st.publish("pub2", "a", "2", 1, false)
	st.wantPacket("pub2 numbers from 1", "pub2", trace.BrokerName, &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("2")})
	st.wantPacket("the broker numbers its own leg: 2", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 2, Topic: "a", Payload: []byte("2")})
}

func TestQoSDowngrade(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.publish("pub", "a", "hi", 2, false)
	st.wantNote("delivered QoS = min(published, granted)", "MQTT-3.8.4-6")
	st.wantPacket("QoS 2 in, QoS 1 out", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	d := st.wantReceived("delivered once", "sub", "hi")
	if d[0].QoS != 1 {
		t.Fatalf("delivered at QoS %d, want 1", d[0].QoS)
	}
}

func TestQoS2ForwardOnPublish(t *testing.T) {
	st := pubsub(t, Options{}, "a", 2)
	st.must(st.w.Hold("pub", codec.PUBREL))
	st.publish("pub", "a", "hi", 2, false)
	st.wantPacket("the broker answers PUBREC", trace.BrokerName, "pub", &codec.Pubrec{PacketID: 1})
	st.wantReceived("forwarded on PUBLISH: delivered before PUBREL", "sub", "hi")
	if s := st.w.BrokerSession("pub"); len(s.Inflight) != 1 || s.Inflight[0].Direction != trace.In {
		t.Fatalf("broker should keep id 1 until PUBREL: %+v", s.Inflight)
	}
	st.must(st.w.Release("pub", codec.PUBREL))
	st.run()
	st.wantPacket("PUBREL", "pub", trace.BrokerName, &codec.Pubrel{PacketID: 1})
	st.wantPacket("PUBCOMP", trace.BrokerName, "pub", &codec.Pubcomp{PacketID: 1})
	st.wantReceived("still once", "sub", "hi")
}

func TestQoS2ForwardOnPubrel(t *testing.T) {
	st := pubsub(t, Options{Broker: BrokerOptions{ForwardOnPubrel: true}}, "a", 2)
	st.must(st.w.Hold("pub", codec.PUBREL))
	st.publish("pub", "a", "hi", 2, false)
	st.wantPacket("the broker answers PUBREC", trace.BrokerName, "pub", &codec.Pubrec{PacketID: 1})
	st.wantReceived("held until PUBREL: nothing delivered yet", "sub")
	st.must(st.w.Release("pub", codec.PUBREL))
	st.run()
	st.wantPacket("PUBREL", "pub", trace.BrokerName, &codec.Pubrel{PacketID: 1})
	st.wantPacket("forwarded after PUBREL", trace.BrokerName, "sub", &codec.Publish{QoS: 2, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	st.wantReceived("delivered once", "sub", "hi")
}

func TestQoS1LostPubackResentWithDup(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.w.DropNext("sub", DropMatch{Type: codec.PUBACK, Dir: Up})
	st.publish("pub", "a", "hi", 1, false)
	st.wantPacketOutcome("the subscriber's PUBACK is lost", "sub", trace.BrokerName, &codec.Puback{PacketID: 1}, trace.Dropped)
	if s := st.w.BrokerSession("sub"); len(s.Inflight) != 1 {
		t.Fatalf("the broker should still wait for PUBACK: %+v", s.Inflight)
	}
	st.w.Cut("sub")
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantNote("resent on reconnect", "MQTT-4.4.0-1")
	st.wantPacket("same id, DUP 1", trace.BrokerName, "sub", &codec.Publish{Dup: true, QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	st.wantPacket("acknowledged this time", "sub", trace.BrokerName, &codec.Puback{PacketID: 1})
	d := st.wantReceived("QoS 1 may deliver twice", "sub", "hi", "hi")
	if !d[1].Dup {
		t.Fatal("the second delivery should carry DUP")
	}
}

func TestQoS2LostPubrec(t *testing.T) {
	st := pubsub(t, Options{}, "a", 2)
	st.w.DropNext("pub", DropMatch{Type: codec.PUBREC, Dir: Down})
	st.publish("pub", "a", "hi", 2, false)
	st.wantPacketOutcome("the broker's PUBREC is lost", trace.BrokerName, "pub", &codec.Pubrec{PacketID: 1}, trace.Dropped)
	st.w.Cut("pub")
	st.must(st.w.Connect("pub"))
	st.run()
	st.wantNote("the broker knows the id: no second delivery", "MQTT-4.3.3-2")
	st.wantPacket("the publisher resends with DUP", "pub", trace.BrokerName, &codec.Publish{Dup: true, QoS: 2, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	st.wantPacket("PUBREC again", trace.BrokerName, "pub", &codec.Pubrec{PacketID: 1})
	st.wantPacket("PUBCOMP at last", trace.BrokerName, "pub", &codec.Pubcomp{PacketID: 1})
	st.wantReceived("exactly once", "sub", "hi")
}

func TestQoS2LostPubcomp(t *testing.T) {
	st := pubsub(t, Options{}, "a", 2)
	st.w.DropNext("sub", DropMatch{Type: codec.PUBCOMP, Dir: Up})
	st.publish("pub", "a", "hi", 2, false)
	st.wantPacketOutcome("the subscriber's PUBCOMP is lost", "sub", trace.BrokerName, &codec.Pubcomp{PacketID: 1}, trace.Dropped)
	st.w.Cut("sub")
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantPacket("the broker resends PUBREL, not PUBLISH", trace.BrokerName, "sub", &codec.Pubrel{PacketID: 1})
	st.wantNoPacket("no PUBLISH again", trace.BrokerName, "sub", codec.PUBLISH)
	st.wantPacket("PUBCOMP", "sub", trace.BrokerName, &codec.Pubcomp{PacketID: 1})
	st.wantReceived("exactly once", "sub", "hi")
}

func TestRetryOnTimer(t *testing.T) {
	st := pubsub(t, Options{Broker: BrokerOptions{RetryInterval: 5000}}, "a", 1)
	st.must(st.w.Hold("sub", codec.PUBACK))
	st.must(st.w.Publish("pub", "a", []byte("hi"), 1, false))
	st.w.Advance(5100)
	st.wantPacket("first PUBLISH", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	s := st.wantPacket("resent after the retry interval on the same connection", trace.BrokerName, "sub",
		&codec.Publish{Dup: true, QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	if s.SentAt < 5000 {
		t.Fatalf("resent at %d, before the retry interval", s.SentAt)
	}
	st.must(st.w.Release("sub", codec.PUBACK))
	st.run()
	if s := st.w.BrokerSession("sub"); len(s.Inflight) != 0 {
		t.Fatalf("in flight after PUBACK: %+v", s.Inflight)
	}
}

func TestOverlappingSubscriptionsDeliverOnceAtHighestQoS(t *testing.T) {
	st := pubsub(t, Options{}, "a/+", 0)
	st.subscribe("sub", "a/b", 1)
	st.subscribe("sub", "#", 0)
	st.publish("pub", "a/b", "hi", 2, false)
	st.wantNote("three subscriptions match, one copy", "MQTT-3.3.5-1")
	st.wantPacket("once, at the highest granted QoS", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 1, Topic: "a/b", Payload: []byte("hi")})
	st.wantReceived("once", "sub", "hi")
}

func TestWildcardsAndDollarTopics(t *testing.T) {
	for _, tc := range []struct {
		filter, topic string
		match         bool
	}{
		{"+/+/+/+", "/a/b/c/d", false}, // five levels: the seed's mistake
		{"+/+/+/+/+", "/a/b/c/d", true},
		{"/+/b/#", "/a/b/c/d", true},
		{"tttt/#", "tttt", true},
		{"tttt/#", "tttt/x/y", true},
		{"a/+", "a/", true},
		{"#", "$SYS/uptime", false},
		{"+/uptime", "$SYS/uptime", false},
		{"$SYS/#", "$SYS/uptime", true},
	} {
		st := pubsub(t, Options{}, tc.filter, 0)
		st.publish("pub", tc.topic, "m", 0, false)
		if got := len(st.w.Received("sub")) == 1; got != tc.match {
			t.Errorf("%s on %s: delivered %v, want %v\n%s", tc.filter, tc.topic, got, tc.match, st.dump())
		}
	}
}

func TestGrantedQoSAndDeny(t *testing.T) {
	st := newSimTest(t, Options{Broker: BrokerOptions{LimitQoS: true, MaxQoS: 1, Deny: []string{"secret/#"}}})
	st.client("sub", ClientOptions{})
	st.connect("sub")
	st.must(st.w.Subscribe("sub", codec.Subscription{Filter: "a", QoS: 2}, codec.Subscription{Filter: "secret/x", QoS: 0}, codec.Subscription{Filter: "b", QoS: 0}))
	st.run()
	st.wantPacket("QoS 2 capped at 1, the denied filter gets 0x80", trace.BrokerName, "sub",
		&codec.Suback{PacketID: 1, ReturnCodes: []codec.SubackCode{1, 0x80, 0}})
	if s := st.w.BrokerSession("sub"); len(s.Subscriptions) != 2 {
		t.Fatalf("subscriptions %+v, want a and b", s.Subscriptions)
	}
}

// TestDenyCoversWiderFilters: a filter wider than a Deny entry ("#",
// "+/x") is granted, but the broker delivers no message whose topic the
// entry covers, live or retained, to anyone.
func TestDenyCoversWiderFilters(t *testing.T) {
	st := newSimTest(t, Options{Broker: BrokerOptions{Deny: []string{"secret/#"}}})
	st.client("pub", ClientOptions{})
	st.client("wide", ClientOptions{})
	st.client("late", ClientOptions{})
	st.connect("pub", "wide")
	st.must(st.w.Subscribe("wide", codec.Subscription{Filter: "#", QoS: 1}, codec.Subscription{Filter: "+/x", QoS: 1}))
	st.run()
	st.wantPacket("both granted", trace.BrokerName, "wide", &codec.Suback{PacketID: 1, ReturnCodes: []codec.SubackCode{1, 1}})
	st.mark()
	st.publish("pub", "secret/x", "s", 1, true)
	st.wantNote("the deny rule covers the topic", "MQTT 5.4.2")
	st.publish("pub", "public/x", "p", 1, true)
	st.wantReceived("only the topic no rule covers", "wide", "p")

	st.connect("late")
	st.mark()
	st.subscribe("late", "#", 1)
	st.wantNote("the retained message of secret/x is not sent", "MQTT 5.4.2")
	st.wantReceived("only the retained message no rule covers", "late", "p")
}

func TestUnsubscribeComparesCharacters(t *testing.T) {
	st := pubsub(t, Options{}, "a/+", 0)
	st.must(st.w.Unsubscribe("sub", "a/b"))
	st.run()
	st.wantNote("a/b is not a/+ character by character", "MQTT-3.10.4-1")
	st.wantPacket("UNSUBACK even so", trace.BrokerName, "sub", &codec.Unsuback{PacketID: 2})
	st.publish("pub", "a/b", "still", 0, false)
	st.must(st.w.Unsubscribe("sub", "a/+"))
	st.run()
	st.publish("pub", "a/b", "gone", 0, false)
	st.wantReceived("only before the real unsubscribe", "sub", "still")
}

func TestSubscribeReplacesSameFilter(t *testing.T) {
	st := pubsub(t, Options{}, "a", 0)
	st.subscribe("sub", "a", 1)
	st.wantNote("the same filter replaces the subscription", "MQTT-3.8.4-3")
	st.publish("pub", "a", "hi", 1, false)
	st.wantPacket("at the new QoS, once", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	st.wantReceived("once", "sub", "hi")
}

func TestPingreq(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	st.connect("dev")
	st.must(st.w.Ping("dev"))
	st.run()
	st.wantPacket("PINGREQ", "dev", trace.BrokerName, &codec.Pingreq{})
	st.wantPacket("PINGRESP", trace.BrokerName, "dev", &codec.Pingresp{})
}

func TestSubscriberKeepsQoS2StateAcrossReconnect(t *testing.T) {
	st := pubsub(t, Options{}, "a", 2)
	st.w.DropNext("sub", DropMatch{Type: codec.PUBREC, Dir: Up})
	st.publish("pub", "a", "hi", 2, false)
	st.wantPacketOutcome("the subscriber's PUBREC is lost", "sub", trace.BrokerName, &codec.Pubrec{PacketID: 1}, trace.Dropped)
	st.w.Cut("sub")
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantNote("the client knows id 1: no second delivery", "MQTT-4.3.3-2")
	st.wantPacket("the broker resends with DUP", trace.BrokerName, "sub", &codec.Publish{Dup: true, QoS: 2, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	st.wantPacket("PUBREC again", "sub", trace.BrokerName, &codec.Pubrec{PacketID: 1})
	st.wantPacket("PUBCOMP", "sub", trace.BrokerName, &codec.Pubcomp{PacketID: 1})
	st.wantReceived("exactly once", "sub", "hi")
}

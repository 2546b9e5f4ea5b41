package sim

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

func TestRetained(t *testing.T) {
	st := pubsub(t, Options{}, "devices/#", 1)
	st.publish("pub", "devices/sensor", "online", 1, true)
	st.wantNote("stored for future subscribers", "MQTT-3.3.1-5")
	st.wantPacket("existing subscribers get RETAIN 0", trace.BrokerName, "sub",
		&codec.Publish{QoS: 1, PacketID: 1, Topic: "devices/sensor", Payload: []byte("online")})
	if m := st.w.Retained("devices/sensor"); m == nil || m.Payload != "online" || !m.Retain {
		t.Fatalf("retained = %+v", m)
	}
	st.publish("pub", "devices/sensor", "offline", 0, true)
	if m := st.w.Retained("devices/sensor"); m == nil || m.Payload != "offline" || m.QoS != 0 {
		t.Fatalf("a new retained message must replace the old one: %+v", m)
	}

	st.client("late", ClientOptions{})
	st.connect("late")
	st.subscribe("late", "devices/+", 1)
	st.wantNote("sent because of the new subscription", "MQTT-3.3.1-8")
	st.wantPacket("a late subscriber gets it with RETAIN 1 at min(0, 1)", trace.BrokerName, "late",
		&codec.Publish{Retain: true, Topic: "devices/sensor", Payload: []byte("offline")})

	st.publish("pub", "devices/sensor", "", 0, true)
	st.wantNote("an empty retained payload clears it", "MQTT-3.3.1-10")
	st.wantPacket("and is forwarded as normal", trace.BrokerName, "late", &codec.Publish{Topic: "devices/sensor"})
	if m := st.w.Retained("devices/sensor"); m != nil {
		t.Fatalf("retained message survived an empty payload: %+v", m)
	}
	st.client("later", ClientOptions{})
	st.connect("later")
	st.subscribe("later", "devices/#", 1)
	st.wantNoPacket("nothing retained any more", trace.BrokerName, "later", codec.PUBLISH)
}

func TestPublishWithoutRetainKeepsRetained(t *testing.T) {
	st := pubsub(t, Options{}, "a", 0)
	st.publish("pub", "a", "kept", 0, true)
	st.publish("pub", "a", "passing", 0, false)
	if m := st.w.Retained("a"); m == nil || m.Payload != "kept" {
		t.Fatalf("RETAIN 0 must not replace the retained message (MQTT-3.3.1-12): %+v", m)
	}
}

// willWorld is a sensor with an online/offline will and a phone watching
// its status, both connected.
func willWorld(t *testing.T) *simTest {
	st := newSimTest(t, Options{})
	st.client("sensor", ClientOptions{KeepAlive: 10,
		Will: &codec.Will{Topic: "devices/sensor", Message: []byte("offline"), QoS: 1, Retain: true}})
	st.client("phone", ClientOptions{})
	st.connect("sensor", "phone")
	st.subscribe("phone", "devices/sensor", 2)
	st.publish("sensor", "devices/sensor", "online", 1, true)
	return st
}

func TestWillOnUngracefulClose(t *testing.T) {
	st := willWorld(t)
	st.must(st.w.Abort("sensor"))
	st.run()
	st.wantNote("closed without DISCONNECT: the will is published", "MQTT-3.1.2-8")
	st.wantNote("Will Retain 1 publishes a retained message", "MQTT-3.1.2-17")
	st.wantPacket("with its QoS, forwarded with RETAIN 0", trace.BrokerName, "phone",
		&codec.Publish{QoS: 1, PacketID: 2, Topic: "devices/sensor", Payload: []byte("offline")})
	if m := st.w.Retained("devices/sensor"); m == nil || m.Payload != "offline" {
		t.Fatalf("a will with retain 1 is retained: %+v", m)
	}
	if s := st.w.BrokerSession("sensor"); s == nil || s.Will != nil || s.Connected {
		t.Fatalf("after the will the session is %+v", s)
	}
}

func TestWillOnKeepaliveExpiry(t *testing.T) {
	st := willWorld(t)
	var last int64
	for _, s := range st.w.Trace().Steps {
		if s.Kind == trace.KindPacket && s.From == "sensor" {
			last = s.Time
		}
	}
	st.w.Silence("sensor")
	st.w.Advance(20_000)
	s := st.wantNote("silent for 1.5 × keepalive: the broker closes", "MQTT-3.1.2-24")
	if s.Kind != trace.KindTimer || s.From != trace.BrokerName {
		t.Fatalf("the keepalive expiry step is %s from %s", s.Kind, s.From)
	}
	if s.Time != last+15_000 {
		t.Fatalf("keepalive expiry at %d, want 1.5 × 10 s after the last packet from the sensor, %d", s.Time, last+15_000)
	}
	st.wantNote("and publishes the will", "MQTT-3.1.2-8")
	st.wantReceived("online, then the will", "phone", "online", "offline")
	if !st.w.Client("phone").Connected {
		t.Fatal("the phone kept pinging and stays connected")
	}
}

func TestWillDiscardedOnDisconnect(t *testing.T) {
	st := willWorld(t)
	st.mark()
	st.must(st.w.Disconnect("sensor"))
	st.run()
	st.wantNote("DISCONNECT discards the will", "MQTT-3.14.4-3")
	st.wantNoPacket("no will", trace.BrokerName, "phone", codec.PUBLISH)
	st.wantReceived("only online", "phone", "online")
}

func TestClientGivesUpWithoutPingresp(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{KeepAlive: 10, PingTimeout: 3000})
	st.connect("dev")
	st.w.DropNext("dev", DropMatch{Type: codec.PINGRESP})
	st.w.Advance(14_000)
	st.wantNote("idle for the keepalive period: PINGREQ", "MQTT-3.1.2-23")
	st.wantPacketOutcome("the answer is lost", trace.BrokerName, "dev", &codec.Pingresp{}, trace.Dropped)
	s := st.wantNote("no PINGRESP in time: the client closes", "MQTT 3.1.2.10")
	if s.From != "dev" || st.w.ClientConnected("dev") {
		t.Fatalf("dev should have closed its connection\n%s", st.dump())
	}
}

func TestPersistentSessionQueuesWhileOffline(t *testing.T) {
	st := pubsub(t, Options{}, "news", 1)
	st.must(st.w.Disconnect("sub"))
	st.run()
	st.publish("pub", "news", "q0", 0, false)
	st.publish("pub", "news", "q1", 1, false)
	st.publish("pub", "news", "q2", 2, false)
	s := st.w.BrokerSession("sub")
	if len(s.Queued) != 2 {
		t.Fatalf("queued %+v, want the QoS 1 and 2 messages (QoS 0 is not queued)", s.Queued)
	}
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantPacket("session present", trace.BrokerName, "sub", &codec.Connack{SessionPresent: true})
	st.wantReceived("the queued messages, without subscribing again", "sub", "q1", "q2")
}

func TestQueueQoS0Option(t *testing.T) {
	st := pubsub(t, Options{Broker: BrokerOptions{QueueQoS0: true}}, "news", 1)
	st.must(st.w.Disconnect("sub"))
	st.run()
	st.publish("pub", "news", "q0", 0, false)
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantReceived("QoS 0 queued too", "sub", "q0")
}

func TestCleanSessionLosesMessages(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("pub", ClientOptions{})
	st.client("sub", ClientOptions{CleanSession: true})
	st.connect("pub", "sub")
	st.subscribe("sub", "news", 1)
	st.must(st.w.Disconnect("sub"))
	st.run()
	if s := st.w.BrokerSession("sub"); s != nil {
		t.Fatalf("a clean session outlived its connection: %+v", s)
	}
	st.publish("pub", "news", "lost", 1, false)
	st.wantNote("nobody subscribes any more", "MQTT 4.7")
	st.must(st.w.Connect("sub"))
	st.run()
	st.wantReceived("nothing", "sub")
}

func TestClientKeepsMessagesWhileOffline(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.must(st.w.Disconnect("pub"))
	st.run()
	st.must(st.w.Publish("pub", "a", []byte("later"), 1, false))
	st.must(st.w.Publish("pub", "a", []byte("lost"), 0, false))
	if c := st.w.Client("pub"); len(c.Inflight) != 1 || c.Inflight[0].Stage != trace.StageUnsent {
		t.Fatalf("client state %+v", c)
	}
	st.must(st.w.Connect("pub"))
	st.run()
	st.wantPacket("sent after CONNACK, first time so DUP 0", "pub", trace.BrokerName, &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("later")})
	st.wantReceived("only the QoS 1 message", "sub", "later")
}

func TestHalfOpenThenTakeover(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{KeepAlive: 60})
	st.connect("dev")
	st.w.Silence("dev")
	st.must(st.w.Abort("dev"))
	st.w.Restore("dev")
	st.must(st.w.Connect("dev"))
	st.run()
	st.wantNote("the broker still holds the half-open connection: takeover", "MQTT-3.1.4-2")
	st.wantPacket("accepted with the session", trace.BrokerName, "dev", &codec.Connack{SessionPresent: true})
}

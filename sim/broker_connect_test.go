package sim

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

func TestConnectReturnCodes(t *testing.T) {
	users := map[string]string{"yang": "11223344"}
	for _, tc := range []struct {
		name   string
		broker BrokerOptions
		client ClientOptions
		code   codec.ConnackCode
		rule   string
	}{
		{"accepted with the right password", BrokerOptions{Users: users},
			ClientOptions{ClientID: "123456", CleanSession: true, Username: strp("yang"), Password: strp("11223344")}, codec.Accepted, "MQTT-3.2.2-1"},
		{"protocol level 3 is refused", BrokerOptions{},
			ClientOptions{ClientID: "a", ProtocolLevel: 3}, codec.RefusedProtocolVersion, "MQTT-3.1.2-2"},
		{"empty client id with clean session 0", BrokerOptions{},
			ClientOptions{}, codec.RefusedIdentifierRejected, "MQTT-3.1.3-8"},
		{"strict client ids refuse a slash", BrokerOptions{StrictClientID: true},
			ClientOptions{ClientID: "a/b", CleanSession: true}, codec.RefusedIdentifierRejected, "MQTT-3.1.3-9"},
		{"server unavailable", BrokerOptions{Unavailable: true},
			ClientOptions{ClientID: "a"}, codec.RefusedServerUnavailable, "MQTT 3.2.2.3"},
		{"wrong password", BrokerOptions{Users: users},
			ClientOptions{ClientID: "a", Username: strp("yang"), Password: strp("wrong")}, codec.RefusedBadUsernamePassword, "MQTT 3.2.2.3"},
		{"unknown user", BrokerOptions{Users: users},
			ClientOptions{ClientID: "a", Username: strp("li"), Password: strp("11223344")}, codec.RefusedBadUsernamePassword, "MQTT 3.2.2.3"},
		{"anonymous refused when users are set", BrokerOptions{Users: users},
			ClientOptions{ClientID: "a"}, codec.RefusedNotAuthorized, "MQTT 3.2.2.3"},
		{"anonymous allowed by option", BrokerOptions{Users: users, AllowAnonymous: true},
			ClientOptions{ClientID: "a"}, codec.Accepted, "MQTT-3.2.2-3"},
		{"client id not authorized", BrokerOptions{NotAuthorized: []string{"a"}},
			ClientOptions{ClientID: "a"}, codec.RefusedNotAuthorized, "MQTT 3.2.2.3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newSimTest(t, Options{Broker: tc.broker})
			st.must(st.w.AddClient("dev", tc.client))
			st.must(st.w.Connect("dev"))
			st.run()
			st.wantNote("the broker says which rule decided", tc.rule)
			if tc.code == codec.Accepted {
				st.wantPacket("the broker accepts", trace.BrokerName, "dev", &codec.Connack{})
				if !st.w.ClientConnected("dev") {
					t.Fatalf("dev is not connected\n%s", st.dump())
				}
				return
			}
			st.wantPacket("the CONNACK with the return code still arrives", trace.BrokerName, "dev", &codec.Connack{ReturnCode: tc.code})
			st.wantClose("after the refusing CONNACK (cause before effect) the broker's close", trace.BrokerName)
			if st.w.ClientConnected("dev") || st.w.BrokerSession(tc.client.ClientID) != nil {
				t.Fatalf("a refused client has a connection or a session\n%s", st.dump())
			}
		})
	}
}

func TestConnectIgnoresPacketsAfterRefusal(t *testing.T) {
	st := newSimTest(t, Options{Broker: BrokerOptions{Unavailable: true}})
	st.client("dev", ClientOptions{})
	st.must(st.w.Connect("dev"))
	st.must(st.w.Subscribe("dev", codec.Subscription{Filter: "a", QoS: 0}))
	st.run()
	st.wantPacket("refused", trace.BrokerName, "dev", &codec.Connack{ReturnCode: codec.RefusedServerUnavailable})
	st.wantNoPacket("MQTT-3.1.4-5: nothing after a refused CONNECT is processed", trace.BrokerName, "dev", codec.SUBACK)
}

func TestEmptyClientIDGetsAnID(t *testing.T) {
	st := newSimTest(t, Options{})
	st.must(st.w.AddClient("dev", ClientOptions{CleanSession: true}))
	st.connect("dev")
	st.wantNote("the broker assigns an id", "MQTT-3.1.3-6")
	if st.w.BrokerSession("auto-1") == nil {
		t.Fatalf("no session auto-1\n%s", st.dump())
	}
}

func TestFirstPacketMustBeConnect(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	// The CONNECT is lost, so the SUBSCRIBE is the first packet the broker sees.
	st.w.DropNext("dev", DropMatch{Type: codec.CONNECT})
	st.must(st.w.Connect("dev"))
	st.must(st.w.Subscribe("dev", codec.Subscription{Filter: "a", QoS: 1}))
	st.run()
	st.wantPacketOutcome("the SUBSCRIBE arrives first and is refused", "dev", trace.BrokerName,
		&codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "a", QoS: 1}}}, trace.Refused)
	st.wantClose("the broker closes", trace.BrokerName)
}

func TestSecondConnectClosesTheConnection(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{Will: &codec.Will{Topic: "dev/status", Message: []byte("offline")}})
	st.client("watch", ClientOptions{})
	st.connect("dev", "watch")
	st.subscribe("watch", "dev/status", 0)
	st.must(st.w.SendRaw("dev", encode(t, &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: "dev"})))
	st.run()
	s := st.wantNote("a second CONNECT is a protocol violation", "MQTT-3.1.0-2")
	if s.Outcome != trace.Refused {
		t.Fatalf("the second CONNECT is %s, want refused", s.Outcome)
	}
	st.wantClose("the broker closes", trace.BrokerName)
	st.wantReceived("a protocol violation is an ungraceful close: the will goes out", "watch", "offline")
	if st.w.ClientConnected("dev") {
		t.Fatalf("dev still believes it is connected\n%s", st.dump())
	}
}

func TestMalformedPacketClosesWithItsRule(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	st.connect("dev")
	// PUBACK written with the flags the seed gives PUBREL: 0x62 is fine,
	// 0x42 (PUBACK with flags 0010) is malformed.
	st.must(st.w.SendRaw("dev", []byte{0x42, 0x02, 0x00, 0x01}))
	st.run()
	s := st.wantBytes("the malformed PUBACK is refused", "dev", trace.BrokerName, []byte{0x42, 0x02, 0x00, 0x01}, trace.Refused)
	if len(s.Notes) == 0 || s.Notes[0].Rule == "" {
		t.Fatalf("malformed PUBACK: notes %v; want a note naming a rule\n%s", s.Notes, st.dump())
	}
	st.wantClose("the broker closes after malformed bytes", trace.BrokerName)
}

func TestTakeover(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("old", ClientOptions{ClientID: "phone", Will: &codec.Will{Topic: "phone/status", Message: []byte("gone")}})
	st.client("new", ClientOptions{ClientID: "phone"})
	st.client("watch", ClientOptions{})
	st.connect("old", "watch")
	st.subscribe("watch", "phone/status", 0)
	st.must(st.w.Connect("new"))
	st.run()
	st.wantNote("the broker closes the old connection", "MQTT-3.1.4-2")
	st.wantPacket("the new connection is accepted and resumes the session", trace.BrokerName, "new", &codec.Connack{SessionPresent: true})
	if st.w.ClientConnected("old") || !st.w.ClientConnected("new") {
		t.Fatalf("after takeover old=%v new=%v\n%s", st.w.ClientConnected("old"), st.w.ClientConnected("new"), st.dump())
	}
	st.wantReceived("the old connection ended without DISCONNECT: its will is published", "watch", "gone")
}

func TestSessionPresent(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	st.must(st.w.Connect("dev"))
	st.run()
	st.wantPacket("no stored session yet: session present 0", trace.BrokerName, "dev", &codec.Connack{})
	st.subscribe("dev", "a/#", 1)
	st.must(st.w.Disconnect("dev"))
	st.run()
	st.must(st.w.Connect("dev"))
	st.run()
	st.wantPacket("the persistent session was kept: session present 1", trace.BrokerName, "dev", &codec.Connack{SessionPresent: true})
	st.must(st.w.Disconnect("dev"))
	st.run()
	o := ClientOptions{ClientID: "dev", CleanSession: true}
	st.must(st.w.SetClientOptions("dev", o))
	st.must(st.w.Connect("dev"))
	st.run()
	st.wantNote("clean session 1 discards the stored session", "MQTT-3.1.2-6")
	st.wantPacket("clean session 1: session present 0", trace.BrokerName, "dev", &codec.Connack{})
	if s := st.w.BrokerSession("dev"); s == nil || len(s.Subscriptions) != 0 {
		t.Fatalf("after clean session 1 the session is %+v, want empty", s)
	}
	st.must(st.w.Disconnect("dev"))
	st.run()
	if s := st.w.BrokerSession("dev"); s != nil {
		t.Fatalf("a clean session outlived its connection: %+v", s)
	}
}

func TestConnectRawSeedBytes(t *testing.T) {
	// The CONNECT of the seed tutorial: client id 123456, user yang,
	// password 11223344, clean session, keepalive 120.
	seed := []byte{0x10, 0x22, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0xC2, 0x00, 0x78, 0x00, 0x06, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36,
		0x00, 0x04, 0x79, 0x61, 0x6E, 0x67, 0x00, 0x08, 0x31, 0x31, 0x32, 0x32, 0x33, 0x33, 0x34, 0x34}
	for _, tc := range []struct {
		password string
		code     codec.ConnackCode
	}{{"11223344", codec.Accepted}, {"other", codec.RefusedBadUsernamePassword}} {
		st := newSimTest(t, Options{Broker: BrokerOptions{Users: map[string]string{"yang": tc.password}}})
		st.client("mcu", ClientOptions{})
		st.must(st.w.ConnectRaw("mcu", seed))
		st.run()
		st.wantBytes("the seed's bytes go out as they are", "mcu", trace.BrokerName, seed, trace.Delivered)
		st.wantPacket("20 02 00 00 or 20 02 00 04", trace.BrokerName, "mcu", &codec.Connack{ReturnCode: tc.code})
		if got := st.w.ClientConnected("mcu"); got != (tc.code == codec.Accepted) {
			t.Fatalf("connected = %v with code %d", got, tc.code)
		}
		if tc.code == codec.Accepted && st.w.BrokerSession("123456") == nil {
			t.Fatal("no session for client id 123456")
		}
	}
}

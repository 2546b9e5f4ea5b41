package live

import (
	"slices"
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

func connect(c *sim.Client, now int64) error { return c.Connect(now) }

func disconnect(c *sim.Client, now int64) error { return c.Disconnect(now) }

func publish(topic, payload string, qos codec.QoS) func(*sim.Client, int64) error {
	return func(c *sim.Client, now int64) error { return c.Publish(now, topic, []byte(payload), qos, false) }
}

func subscribe(filter string, qos codec.QoS) func(*sim.Client, int64) error {
	return func(c *sim.Client, now int64) error {
		return c.Subscribe(now, codec.Subscription{Filter: filter, QoS: qos})
	}
}

func encode(t *testing.T, p codec.Packet) []byte {
	t.Helper()
	b, err := codec.Append(nil, p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDriverSession runs a client through connect, subscribe, QoS 1 and
// 2 publications both ways and disconnect against the scripted broker,
// its answers arriving whole, one byte a read, and in reads of 3 bytes:
// the same steps every time, each read step with the client's notes and
// the client's state after it.
func TestDriverSession(t *testing.T) {
	for _, chunk := range []int{0, 1, 3} {
		s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", CleanSession: true, KeepAlive: 30}))
		s.net.chunk = chunk
		s.do("c1", connect)
		s.do("c1", subscribe("a/#", 2))
		s.clock.advance(100)
		s.do("c1", publish("a/b", "one", 1))
		s.do("c1", publish("a/b", "two", 2))
		// The broker delivers a QoS 2 message and then its PUBREL.
		s.net.read(1, encode(t, &codec.Publish{QoS: 2, Topic: "a/c", PacketID: 9, Payload: []byte("in")}))
		s.net.pump(t)
		if st := s.rec.Trace().StateAt(len(s.rec.Trace().Steps) - 1); len(st.Clients[0].Inflight) != 1 || st.Clients[0].Inflight[0].Direction != trace.In {
			t.Fatalf("chunk %d: after PUBREC the client state is %+v, want id 9 in flight", chunk, st.Clients[0])
		}
		s.net.read(1, encode(t, &codec.Pubrel{PacketID: 9}))
		s.net.pump(t)
		s.do("c1", disconnect)
		s.want(0,
			"connect 1 c1>broker",
			"packet 1 c1>broker CONNECT id=c1 clean keepalive=30",
			"packet 1 broker>c1 CONNACK 0 accepted",
			"packet 1 c1>broker SUBSCRIBE id=1 a/# q2",
			"packet 1 broker>c1 SUBACK id=1 [2]",
			"packet 1 c1>broker PUBLISH q1 id=2 a/b",
			"packet 1 broker>c1 PUBACK id=2",
			"packet 1 c1>broker PUBLISH q2 id=3 a/b",
			"packet 1 broker>c1 PUBREC id=3",
			"packet 1 c1>broker PUBREL id=3",
			"packet 1 broker>c1 PUBCOMP id=3",
			"packet 1 broker>c1 PUBLISH q2 id=9 a/c",
			"packet 1 c1>broker PUBREC id=9",
			"packet 1 broker>c1 PUBREL id=9",
			"packet 1 c1>broker PUBCOMP id=9",
			"packet 1 c1>broker DISCONNECT",
			"close 1 c1>",
		)
		tr := s.rec.Trace()
		for i, st := range tr.Steps {
			if st.Kind == trace.KindPacket && st.To == "c1" && len(st.Notes) == 0 {
				t.Errorf("chunk %d: step %d (%s) has none of the client's notes", chunk, i, st.Label.EN)
			}
			if state := tr.StateAt(i); state == nil || len(state.Clients) != 1 || state.Broker != nil && len(state.Broker.Sessions) > 0 {
				t.Errorf("chunk %d: state after step %d is %+v: the clients only", chunk, i, state)
			}
		}
		if st := tr.StateAt(2); !st.Clients[0].Connected {
			t.Errorf("chunk %d: the client is not connected after CONNACK", chunk)
		}
		if st := tr.StateAt(7); len(st.Clients[0].Inflight) != 1 || st.Clients[0].Inflight[0].Stage != trace.StagePublishSent {
			t.Errorf("chunk %d: after PUBLISH q2 the client holds %+v", chunk, st.Clients[0].Inflight)
		}
		if st := tr.StateAt(len(tr.Steps) - 1); st.Clients[0].Connected || len(st.Clients[0].Inflight) != 0 {
			t.Errorf("chunk %d: at the end the client is %+v", chunk, st.Clients[0])
		}
		if got := s.net.log[len(s.net.log)-1]; got != "close 1" {
			t.Errorf("chunk %d: the transport's last call is %q, want the close", chunk, got)
		}
		wantRead := 1 // CONNACK is 4 bytes: the read that brings its 4th
		if chunk > 0 {
			wantRead = (4 + chunk - 1) / chunk
		}
		if c := s.step(2); c.Time != 0 || c.Read != wantRead {
			t.Errorf("chunk %d: CONNACK at %d in read %d", chunk, c.Time, c.Read)
		}
	}
}

// TestDriverMergedReads delivers two answers in one read: two steps of
// the same read.
func TestDriverMergedReads(t *testing.T) {
	s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", CleanSession: true}))
	s.net.broker.silent = true
	s.do("c1", connect)
	s.do("c1", subscribe("x", 1))
	both := append(encode(t, &codec.Connack{}), encode(t, &codec.Suback{PacketID: 1, ReturnCodes: []codec.SubackCode{1}})...)
	s.net.read(1, both)
	s.want(3, "packet 1 broker>c1 CONNACK 0 accepted", "packet 1 broker>c1 SUBACK id=1 [1]")
	if a, b := s.step(3), s.step(4); a.Read != 1 || b.Read != 1 {
		t.Fatalf("reads %d and %d, want both 1", a.Read, b.Read)
	}
}

// TestDriverKeepalive moves the clock: with nothing sent for the
// keepalive the client sends PINGREQ; when PINGRESP does not come it
// gives the connection up and closes it.
func TestDriverKeepalive(t *testing.T) {
	s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", CleanSession: true, KeepAlive: 2}))
	s.do("c1", connect)
	n := len(s.rec.Trace().Steps)
	s.clock.advance(1999)
	if len(s.rec.Trace().Steps) != n {
		t.Fatalf("steps before the keepalive: %v", s.lines(n))
	}
	s.clock.advance(2000)
	s.net.pump(t)
	s.want(n, "timer 1 c1>", "packet 1 c1>broker PINGREQ", "packet 1 broker>c1 PINGRESP")
	if st := s.step(n); st.Time != 2000 || !hasRule(st, "MQTT-3.1.2-23") {
		t.Fatalf("timer step %+v", st)
	}
	s.net.broker.silent = true
	s.clock.advance(4000)
	s.net.pump(t)
	s.clock.advance(10000)
	s.want(n+3, "timer 1 c1>", "packet 1 c1>broker PINGREQ", "timer 1 c1>", "close 1 c1>")
	if st := s.step(n + 5); st.Time != 6000 || !hasRule(st, "MQTT 3.1.2.10") {
		t.Fatalf("PINGRESP overdue step %+v", st)
	}
	if !s.net.closed[1] {
		t.Fatal("the transport's connection is not closed")
	}
}

// TestDriverReconnectResend: a client with clean session 0 loses its
// connection with a QoS 1 and a QoS 2 message unacknowledged; on the new
// connection it resends both with DUP.
func TestDriverReconnectResend(t *testing.T) {
	s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", KeepAlive: 60}))
	s.do("c1", connect)
	s.net.broker.silent = true
	s.do("c1", publish("a/b", "one", 1))
	s.do("c1", publish("a/b", "two", 2))
	s.clock.advance(500)
	s.d.Closed(1, trace.Note{Text: trace.Text{EN: "the broker went away", ZH: "服务端断开"}})
	n := len(s.rec.Trace().Steps)
	s.want(n-1, "close 1 broker>c1")
	if st := s.step(n - 1); st.Notes[0].Text.EN != "the broker went away" || !hasRule(st, "MQTT 4.4") {
		t.Fatalf("close notes %+v", st.Notes)
	}
	s.net.broker.silent = false
	s.clock.advance(700)
	s.do("c1", connect)
	s.want(n,
		"connect 2 c1>broker",
		"packet 2 c1>broker CONNECT id=c1 keepalive=60",
		"packet 2 broker>c1 CONNACK 0 accepted session-present",
		"packet 2 c1>broker PUBLISH q1 id=1 dup a/b",
		"packet 2 c1>broker PUBLISH q2 id=2 dup a/b",
		"packet 2 broker>c1 PUBACK id=1",
		"packet 2 broker>c1 PUBREC id=2",
		"packet 2 c1>broker PUBREL id=2",
		"packet 2 broker>c1 PUBCOMP id=2",
	)
	if st := s.step(n + 3); st.Time != 700 || st.Conn != 2 {
		t.Fatalf("resent PUBLISH %+v", st)
	}
}

// TestDriverMalformed: bytes from the broker that do not decode make the
// client close; what came after them in the same read is lost.
func TestDriverMalformed(t *testing.T) {
	s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", CleanSession: true}))
	s.do("c1", connect)
	n := len(s.rec.Trace().Steps)
	s.net.read(1, []byte{0x36, 0x03, 0x00, 0x01, 'a', 0xd0, 0x00})
	s.want(n, "packet 1 broker>c1 malformed PUBLISH (5 bytes) (refused)", "close 1 c1>", "packet 1 broker>c1 PINGRESP (lost)")
	if st := s.step(n); !hasRule(st, "MQTT-3.3.1-4") || len(st.Notes) < 2 {
		t.Fatalf("refused step notes %+v: the codec's error and the client's", st.Notes)
	}
	if !s.net.closed[1] {
		t.Fatal("the transport's connection is not closed")
	}
	s.net.read(1, []byte{0xd0, 0x00})
	if len(s.rec.Trace().Steps) != n+3 {
		t.Fatalf("a read after the close made steps: %v", s.lines(n+3))
	}
}

// TestDriverOpenFails: a connection that never opens sends nothing; the
// close says why, and the client can try again.
func TestDriverOpenFails(t *testing.T) {
	s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", CleanSession: true}))
	if err := s.d.Do("c1", connect); err != nil {
		t.Fatal(err)
	}
	s.clock.advance(30)
	s.d.Closed(1, trace.Note{Text: trace.Text{EN: "the WebSocket failed (1006)", ZH: "WebSocket 连接失败（1006）"}})
	s.want(0, "connect 1 c1>broker", "close 1 broker>c1")
	if slices.ContainsFunc(s.net.log, func(l string) bool { return strings.HasPrefix(l, "write") }) {
		t.Fatalf("the transport was written: %v", s.net.log)
	}
	s.net.opens = nil
	s.do("c1", connect)
	s.want(2, "connect 2 c1>broker", "packet 2 c1>broker CONNECT id=c1 clean keepalive=0", "packet 2 broker>c1 CONNACK 0 accepted")
}

// TestDriverWriteFails: a failed write ends the connection with the
// transport's error.
func TestDriverWriteFails(t *testing.T) {
	s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "c1", CleanSession: true}))
	s.net.failWrite = errBroken
	s.do("c1", connect)
	s.want(0, "connect 1 c1>broker", "packet 1 c1>broker CONNECT id=c1 clean keepalive=0", "close 1 broker>c1")
	if st := s.step(2); !strings.Contains(st.Notes[0].Text.EN, "broken pipe") {
		t.Fatalf("close notes %+v", st.Notes)
	}
}

// TestDriverClients: two clients, each its own connection and lifeline,
// both in every state; an unknown or doubled name is refused.
func TestDriverClients(t *testing.T) {
	s := newSession(t, sim.NewClient("c1", sim.ClientOptions{ClientID: "a", CleanSession: true}), sim.NewClient("c2", sim.ClientOptions{ClientID: "b", CleanSession: true}))
	if err := s.d.Add(sim.NewClient("c1", sim.ClientOptions{})); err == nil {
		t.Fatal("a second c1 was added")
	}
	if err := s.d.Do("c3", connect); err == nil {
		t.Fatal("an unknown client acted")
	}
	s.do("c2", connect)
	s.do("c1", connect)
	s.want(0,
		"connect 1 c2>broker", "packet 1 c2>broker CONNECT id=b clean keepalive=0", "packet 1 broker>c2 CONNACK 0 accepted",
		"connect 2 c1>broker", "packet 2 c1>broker CONNECT id=a clean keepalive=0", "packet 2 broker>c1 CONNACK 0 accepted")
	tr := s.rec.Trace()
	if !slices.Equal(tr.Nodes, []string{trace.BrokerName, "c1", "c2"}) {
		t.Fatalf("nodes %v", tr.Nodes)
	}
	if st := tr.StateAt(len(tr.Steps) - 1); len(st.Clients) != 2 || !st.Clients[0].Connected || !st.Clients[1].Connected {
		t.Fatalf("state %+v", st.Clients)
	}
}

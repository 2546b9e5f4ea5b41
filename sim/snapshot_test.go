package sim

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestSnapshotsShareWhatDidNotChange checks that each step's State is the
// state after it, and that steps share the parts that did not change.
func TestSnapshotsShareWhatDidNotChange(t *testing.T) {
	st := pubsub(t, Options{}, "a", 1)
	st.client("idle", ClientOptions{})
	st.connect("idle")
	st.mark()
	st.publish("pub", "a", "hi", 1, false)
	tr := st.w.Trace()
	steps := tr.Steps
	pubStep := st.wantPacket("the PUBLISH reaches the broker", "pub", trace.BrokerName, &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	subStep := st.wantPacket("and the subscriber", trace.BrokerName, "sub", &codec.Publish{QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("hi")})
	session := func(s trace.Step, id string) *trace.SessionState {
		for _, x := range tr.StateAt(s.Index).Broker.Sessions {
			if x.ClientID == id {
				return x
			}
		}
		t.Fatalf("no session %s in step %d", id, s.Index)
		return nil
	}
	if got := session(pubStep, "sub").Inflight; len(got) != 1 || got[0].Direction != trace.Out || got[0].Stage != trace.StagePublishSent {
		t.Fatalf("after the broker forwards, sub's session has in flight %+v", got)
	}
	if got := session(steps[len(steps)-1], "sub").Inflight; len(got) != 0 {
		t.Fatalf("after PUBACK, sub's session has in flight %+v", got)
	}
	if session(pubStep, "idle") != session(subStep, "idle") {
		t.Error("the idle session did not change but was rebuilt")
	}
	if tr.StateAt(pubStep.Index).Clients[2] != tr.StateAt(subStep.Index).Clients[2] {
		t.Error("the idle client did not change but was rebuilt")
	}
	same := 0
	for i := 1; i < len(steps); i++ {
		if steps[i].Snapshot == nil && steps[i].Change == nil {
			same++
		}
		if tr.StateAt(i) == nil {
			t.Fatalf("step %d has no state", i)
		}
	}
	if same == 0 {
		t.Error("every step records a change, though some steps change nothing")
	}
}

func TestNoSnapshots(t *testing.T) {
	w := NewWorld(Options{})
	w.AddClient("a", ClientOptions{ClientID: "a"})
	w.Connect("a")
	w.RunUntilQuiet(1000)
	for _, s := range w.Trace().Steps {
		if s.Snapshot != nil || s.Change != nil || w.Trace().StateAt(s.Index) != nil {
			t.Fatalf("step %d has a state without Options.Snapshots", s.Index)
		}
	}
	if s := w.State(); len(s.Clients) != 1 || !s.Clients[0].Connected {
		t.Fatalf("State() = %+v", s)
	}
}

func TestNoRecord(t *testing.T) {
	w := NewWorld(Options{NoRecord: true, Snapshots: true})
	for _, n := range []string{"pub", "sub"} {
		w.AddClient(n, ClientOptions{ClientID: n})
		w.Connect(n)
	}
	w.RunUntilQuiet(1000)
	w.Subscribe("sub", codec.Subscription{Filter: "#", QoS: 2})
	w.RunUntilQuiet(1000)
	for q := range codec.QoS(3) {
		w.Publish("pub", "x", []byte("m"), q, false)
	}
	w.RunUntilQuiet(1000)
	if n := len(w.Trace().Steps); n != 0 {
		t.Errorf("%d steps recorded", n)
	}
	if w.Received("sub") != nil || w.DeliveryCount("sub") != 3 {
		t.Errorf("received %v, count %d; want nil and 3", w.Received("sub"), w.DeliveryCount("sub"))
	}
}

func TestCloseSteps(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	st.connect("dev")
	st.must(st.w.Abort("dev"))
	st.run()
	closing := st.wantClose("dev closes its end", "dev")
	steps := st.w.Trace().Steps
	told := steps[len(steps)-1]
	if told.Kind != trace.KindClose || told.From != "dev" || told.To != trace.BrokerName || told.SentAt != closing.Time || told.Time != closing.Time+DefaultLatency {
		t.Fatalf("the broker learns of the close one latency later: %+v", told)
	}
	st.w.Silence("dev")
	st.must(st.w.Connect("dev"))
	st.run()
	st.must(st.w.Abort("dev"))
	st.run()
	if last := st.w.Trace().Steps[len(st.w.Trace().Steps)-1]; last.To != "" {
		t.Fatalf("on a silent link nobody is told of a close: %+v", last)
	}
}

// TestCloseAfterItsPackets: a node that sends and then closes has its
// close recorded after the packets it sent have arrived, so a diagram
// read top to bottom shows the DISCONNECT before the close it causes; the
// close keeps the time it happened.
func TestCloseAfterItsPackets(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	st.connect("dev")
	st.must(st.w.Disconnect("dev"))
	st.run()
	disconnect := st.wantPacket("DISCONNECT first", "dev", trace.BrokerName, &codec.Disconnect{})
	closing := st.wantClose("then dev's close", "dev")
	if closing.Time != disconnect.SentAt {
		t.Fatalf("the close is at %d, want when DISCONNECT left, %d\n%s", closing.Time, disconnect.SentAt, st.dump())
	}
	st.wantClose("then the broker's", trace.BrokerName)
}

func TestEventsAtOneTimeRunInOrder(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("pub", ClientOptions{})
	st.client("sub", ClientOptions{})
	st.connect("pub", "sub")
	st.subscribe("sub", "a", 0)
	for _, p := range []string{"1", "2", "3", "4"} {
		st.must(st.w.Publish("pub", "a", []byte(p), 0, false))
	}
	st.run()
	st.wantReceived("same time, scheduling order", "sub", "1", "2", "3", "4")
}

func TestClientRetryInterval(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("pub", ClientOptions{RetryInterval: 1000})
	st.connect("pub")
	st.w.DropNext("pub", DropMatch{Type: codec.PUBACK})
	st.must(st.w.Publish("pub", "a", []byte("x"), 1, false))
	st.run()
	st.wantPacketOutcome("the PUBACK is lost", trace.BrokerName, "pub", &codec.Puback{PacketID: 1}, trace.Dropped)
	s := st.wantPacket("the client resends on its timer with DUP", "pub", trace.BrokerName, &codec.Publish{Dup: true, QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("x")})
	if s.SentAt < 1000 {
		t.Fatalf("resent at %d, before the retry interval", s.SentAt)
	}
	if c := st.w.Client("pub"); len(c.Inflight) != 0 {
		t.Fatalf("in flight after the second PUBACK: %+v", c.Inflight)
	}
}

func TestPartialPacketWaits(t *testing.T) {
	st := newSimTest(t, Options{})
	st.client("dev", ClientOptions{})
	st.connect("dev")
	ping := encode(t, &codec.Pingreq{})
	st.must(st.w.SendRaw("dev", ping[:1]))
	st.run()
	st.wantNote("half a packet: the broker waits", "MQTT 2.2.3")
	st.must(st.w.SendRaw("dev", ping[1:]))
	st.run()
	st.wantPacket("the rest completes the PINGREQ", trace.BrokerName, "dev", &codec.Pingresp{})
}

func TestAPIErrors(t *testing.T) {
	w := NewWorld(Options{})
	if w.AddClient("broker", ClientOptions{}) == nil || w.AddClient("", ClientOptions{}) == nil {
		t.Error("reserved names accepted")
	}
	w.AddClient("a", ClientOptions{ClientID: "a"})
	if w.AddClient("a", ClientOptions{}) == nil {
		t.Error("duplicate name accepted")
	}
	if w.Connect("nobody") == nil || w.Cut("nobody") == nil || w.Client("nobody") != nil {
		t.Error("unknown client accepted")
	}
	if w.Subscribe("a", codec.Subscription{Filter: "x"}) == nil || w.Ping("a") == nil || w.Disconnect("a") == nil {
		t.Error("actions without a connection accepted")
	}
	w.Connect("a")
	if w.Connect("a") == nil {
		t.Error("second Connect on a live connection accepted")
	}
	if w.Publish("a", "a/+", []byte("x"), 0, false) == nil {
		t.Error("wildcard topic name accepted")
	}
	if w.Hold("a", codec.CONNECT) == nil {
		t.Error("holding CONNECT accepted")
	}
}

// TestClosesFollowTheirPacketsInRandomRuns: in random lossy worlds, no
// packet a client sent before closing its connection is shown after the
// close (a packet sent later goes on a new connection, after its connect
// step).
func TestClosesFollowTheirPacketsInRandomRuns(t *testing.T) {
	closes := 0
	for seed := range int64(propertySeeds() / 20) {
		w, err := deliveryRun(seed, false)
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		steps := w.Trace().Steps
		for i, c := range steps {
			if c.Kind != trace.KindClose || c.To != "" || c.From == trace.BrokerName {
				continue
			}
			closes++
			for _, s := range steps[i+1:] {
				if s.From == c.From && s.Kind == trace.KindConnect {
					break
				}
				if s.From == c.From && s.Kind == trace.KindPacket && s.SentAt <= c.Time {
					t.Fatalf("seed %d: step %d, %s's close at %d, comes before step %d, its %s sent at %d",
						seed, c.Index, c.From, c.Time, s.Index, s.Label.EN, s.SentAt)
				}
			}
		}
	}
	if closes == 0 {
		t.Fatal("no client closed a connection: the test looks at nothing")
	}
}

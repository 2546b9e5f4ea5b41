//go:build js && wasm

package wslink

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/live"
	"mqttviz/sim/trace"
	"mqttviz/wasm/brokeraddr"
)

// These tests run the simulator's client cores on a live driver over
// this transport to a real broker: cmd/mqttviz's TestWebSocketUnderNode
// starts mosquitto and runs them under node with the addresses in the
// environment; without them they skip.
const (
	envBroker = "MQTTVIZ_WS_BROKER"
	envClosed = "MQTTVIZ_WS_CLOSED"
)

// liveRig is a driver on this transport and a clock, whose reports run
// on the test's goroutine, the driver's loop.
type liveRig struct {
	t    *testing.T
	loop chan func()
	d    *live.Driver
	rec  *live.Recorder
}

func newLiveRig(t *testing.T, env string, clients ...*sim.Client) *liveRig {
	t.Helper()
	raw := os.Getenv(env)
	if raw == "" {
		t.Skipf("%s is not set: cmd/mqttviz's TestWebSocketUnderNode runs this test against mosquitto", env)
	}
	addr, err := brokeraddr.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	r := &liveRig{t: t, loop: make(chan func(), 1024), rec: live.NewRecorder(live.Options{Source: trace.SourceLive})}
	post := func(f func()) { r.loop <- f }
	net := New(addr, post)
	r.d = live.NewDriver(NewClock(post), net, r.rec, addr.String())
	net.Report(r.d)
	for _, c := range clients {
		if err := r.d.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// do runs an action on the named client.
func (r *liveRig) do(name string, act func(c *sim.Client, now int64) error) {
	r.t.Helper()
	if err := r.d.Do(name, act); err != nil {
		r.t.Fatalf("%s: %v", name, err)
	}
}

// until runs the driver's loop until done says so, for at most ten
// seconds.
func (r *liveRig) until(what string, done func() bool) {
	r.t.Helper()
	deadline := time.After(10 * time.Second)
	for !done() {
		select {
		case f := <-r.loop:
			f()
		case <-deadline:
			r.t.Fatalf("waited 10 s for %s; the trace:\n%s", what, r.steps())
		}
	}
}

// steps are the trace's steps, one line each.
func (r *liveRig) steps() string {
	var b strings.Builder
	for _, s := range r.rec.Trace().Steps {
		b.WriteString(string(s.Kind) + " " + strconv.Itoa(s.Conn) + " " + s.From + ">" + s.To + " " + s.Label.EN + "\n")
	}
	return b.String()
}

// count is how many packet steps went from one lifeline to another with
// a label that starts with label.
func (r *liveRig) count(from, to, label string) int {
	n := 0
	for _, s := range r.rec.Trace().Steps {
		if s.Kind == trace.KindPacket && s.From == from && s.To == to && strings.HasPrefix(s.Label.EN, label) {
			n++
		}
	}
	return n
}

func opts(id string) sim.ClientOptions {
	return sim.ClientOptions{ClientID: id, CleanSession: true, KeepAlive: 30}
}

// TestLiveOverWebSocket: two of the simulator's clients on a real
// broker: alice subscribes, bob publishes at QoS 0, 1 and 2, alice gets
// all three with the QoS 2 exchange completed on both legs; bob is cut
// (no DISCONNECT) and alice receives his will.
func TestLiveOverWebSocket(t *testing.T) {
	tag := strconv.FormatInt(time.Now().UnixNano(), 36)
	topic := "mqttviz/wslink/" + tag
	alice := sim.NewClient("alice", opts("alice-"+tag))
	bobOpts := opts("bob-" + tag)
	bobOpts.Will = &codec.Will{Topic: topic + "/will", Message: []byte("bob is gone"), QoS: 1}
	bob := sim.NewClient("bob", bobOpts)
	r := newLiveRig(t, envBroker, alice, bob)

	r.do("alice", (*sim.Client).Connect)
	r.do("bob", (*sim.Client).Connect)
	r.until("both CONNACKs", func() bool { return alice.Connected() && bob.Connected() })
	r.do("alice", func(c *sim.Client, now int64) error {
		return c.Subscribe(now, codec.Subscription{Filter: topic + "/#", QoS: 2})
	})
	r.until("SUBACK", func() bool { return r.count("broker", "alice", "SUBACK") == 1 })
	for q := codec.QoS(0); q <= 2; q++ {
		r.do("bob", func(c *sim.Client, now int64) error {
			return c.Publish(now, topic+"/q"+strconv.Itoa(int(q)), []byte("at QoS "+strconv.Itoa(int(q))), q, false)
		})
	}
	r.until("three messages and the QoS 2 exchanges complete", func() bool {
		return len(alice.Received()) == 3 && r.count("broker", "bob", "PUBCOMP") == 1 && r.count("alice", "broker", "PUBCOMP") == 1
	})
	for i, m := range alice.Received() {
		if m.QoS != codec.QoS(i) || m.Topic != topic+"/q"+strconv.Itoa(i) {
			t.Errorf("message %d: %+v", i, m)
		}
	}
	if r.count("broker", "bob", "PUBACK") != 1 || r.count("broker", "bob", "PUBREC") != 1 || r.count("bob", "broker", "PUBREL") != 1 {
		t.Errorf("bob's acknowledgements:\n%s", r.steps())
	}
	r.do("bob", (*sim.Client).Abort)
	r.until("bob's will", func() bool { return len(alice.Received()) == 4 })
	if w := alice.Received()[3]; w.Topic != topic+"/will" || string(w.Payload) != "bob is gone" {
		t.Errorf("the will came as %+v", w)
	}
	r.do("alice", (*sim.Client).Disconnect)
	for _, s := range r.rec.Trace().Steps {
		if s.Kind == trace.KindPacket && len(s.Bytes) == 0 {
			t.Errorf("a packet step without its bytes: %+v", s)
		}
	}
}

// TestLiveClosedPort: a client's connection to a port nothing listens
// on ends on a close step that says it did not open and why it may not
// have.
func TestLiveClosedPort(t *testing.T) {
	alice := sim.NewClient("alice", opts("alice"))
	r := newLiveRig(t, envClosed, alice)
	r.do("alice", (*sim.Client).Connect)
	var closeStep *trace.Step
	r.until("the close", func() bool {
		steps := r.rec.Trace().Steps
		for i := range steps {
			if steps[i].Kind == trace.KindClose {
				closeStep = &steps[i]
				return true
			}
		}
		return false
	})
	var text []string
	for _, n := range closeStep.Notes {
		text = append(text, n.Text.EN)
	}
	all := strings.Join(text, "\n")
	if !strings.Contains(all, "did not open") || !strings.Contains(all, "1006") || !strings.Contains(all, "nothing answers") {
		t.Errorf("the close step says:\n%s", all)
	}
	if alice.Connected() {
		t.Error("alice is connected")
	}
}

// TestLiveSplitFrames: through cmd/mqttviz's frame proxy, which sends
// each packet's first byte in a frame of its own and merges what
// follows (MQTT-6.0.0-2), the client still reads every packet: the
// CONNACK completes in its second read, and a PUBACK and the PUBLISH
// that mosquitto sends with it complete in one.
func TestLiveSplitFrames(t *testing.T) {
	tag := strconv.FormatInt(time.Now().UnixNano(), 36)
	topic := "mqttviz/split/" + tag
	alice := sim.NewClient("alice", opts("alice-"+tag))
	r := newLiveRig(t, "MQTTVIZ_WS_SPLIT", alice)
	r.do("alice", (*sim.Client).Connect)
	r.until("CONNACK", alice.Connected)
	r.do("alice", func(c *sim.Client, now int64) error {
		return c.Subscribe(now, codec.Subscription{Filter: topic, QoS: 1})
	})
	r.until("SUBACK", func() bool { return r.count("broker", "alice", "SUBACK") == 1 })
	r.do("alice", func(c *sim.Client, now int64) error {
		return c.Publish(now, topic, []byte("split and merged"), 1, false)
	})
	r.until("the message and its PUBACK", func() bool {
		return len(alice.Received()) == 1 && r.count("broker", "alice", "PUBACK") == 1
	})
	if m := alice.Received()[0]; string(m.Payload) != "split and merged" {
		t.Errorf("received %q", m.Payload)
	}
	reads := map[int]int{} // packets completed per read
	for _, s := range r.rec.Trace().Steps {
		if s.Kind != trace.KindPacket || s.From != "broker" {
			continue
		}
		if s.Packet == codec.CONNACK && s.Read != 2 {
			t.Errorf("CONNACK completed in read %d, want 2 (the proxy split it)", s.Read)
		}
		reads[s.Read]++
	}
	merged := false
	for _, n := range reads {
		merged = merged || n >= 2
	}
	if !merged {
		t.Errorf("no read completed two packets: %v\n%s", reads, r.steps())
	}
}

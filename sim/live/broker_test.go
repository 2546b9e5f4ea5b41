package live

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// stopClock is a BrokerClock the test moves; a stopped timer never runs.
type stopClock struct {
	now    int64
	timers []*stopTimer
}

type stopTimer struct {
	at      int64
	f       func()
	stopped bool
}

func (c *stopClock) Now() int64 { return c.now }

func (c *stopClock) After(at int64, f func()) func() {
	t := &stopTimer{at: at, f: f}
	c.timers = append(c.timers, t)
	return func() { t.stopped = true }
}

// pending counts the timers neither run nor stopped.
func (c *stopClock) pending() int {
	n := 0
	for _, t := range c.timers {
		if !t.stopped {
			n++
		}
	}
	return n
}

// advance moves to `to`, running each timer due, earliest first.
func (c *stopClock) advance(to int64) {
	for {
		var next *stopTimer
		for _, t := range c.timers {
			if !t.stopped && t.at <= to && (next == nil || t.at < next.at) {
				next = t
			}
		}
		if next == nil {
			break
		}
		next.stopped = true
		c.now = max(c.now, next.at)
		next.f()
	}
	c.now = to
}

// devices are the connections of a test: what the broker wrote on each,
// and which it closed.
type devices struct {
	wrote  map[int][]byte
	closed map[int]bool
	fail   map[int]bool
}

func newDevices() *devices {
	return &devices{wrote: map[int][]byte{}, closed: map[int]bool{}, fail: map[int]bool{}}
}

func (d *devices) Write(conn int, b []byte) error {
	if d.fail[conn] {
		return errString("the device reads too slowly")
	}
	d.wrote[conn] = append(d.wrote[conn], b...)
	return nil
}

func (d *devices) Close(conn int) { d.closed[conn] = true }

type errString string

func (e errString) Error() string { return string(e) }

// packets decodes what the broker wrote on conn.
func (d *devices) packets(t testing.TB, conn int) []string {
	var out []string
	for p := range codec.StreamPackets(d.wrote[conn]) {
		out = append(out, codec.Summary(p.Bytes).EN)
	}
	return out
}

// brokerSession is a driver under test with its clock, devices and
// recorder.
type brokerSession struct {
	t     testing.TB
	clock *stopClock
	dev   *devices
	rec   *Recorder
	drv   *BrokerDriver
}

func newBrokerSession(t testing.TB, o sim.BrokerOptions, l BrokerLimits, ro Options) *brokerSession {
	ro.Source = trace.SourceBroker
	s := &brokerSession{t: t, clock: &stopClock{}, dev: newDevices(), rec: NewRecorder(ro)}
	s.drv = NewBrokerDriver(s.clock, s.dev, s.rec, sim.NewBroker(o), l)
	return s
}

func wireOf(t testing.TB, ps ...codec.Packet) []byte {
	var b []byte
	for _, p := range ps {
		var err error
		if b, err = (codec.Encoder{}).Append(b, p); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func connectPacket(id string, keepAlive uint16) *codec.Connect {
	return &codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, ClientID: id, CleanSession: true, KeepAlive: keepAlive}
}

// steps are the trace's steps as "from>to kind label outcome".
func (s *brokerSession) lines() []string {
	var out []string
	for _, st := range s.rec.Trace().Steps {
		l := st.From + ">" + st.To + " " + string(st.Kind)
		if st.Kind == trace.KindPacket {
			l += " " + st.Label.EN + " " + string(st.Outcome)
		}
		out = append(out, l)
	}
	return out
}

func (s *brokerSession) noted(text string) bool {
	for _, st := range s.rec.Trace().Steps {
		for _, n := range st.Notes {
			if strings.Contains(n.Text.EN, text) || strings.Contains(n.Rule, text) {
				return true
			}
		}
	}
	return false
}

func TestBrokerDriverExchange(t *testing.T) {
	s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{}, Options{})
	s.drv.Opened(1, "127.0.0.1:5001")
	b := wireOf(t, connectPacket("sensor", 0))
	// The CONNECT in two reads: the lifeline waits for the whole packet.
	s.drv.Read(1, b[:3])
	if len(s.rec.Trace().Steps) != 0 {
		t.Fatalf("steps before the CONNECT is whole: %q", s.lines())
	}
	s.clock.now = 5
	s.drv.Read(1, b[3:])
	s.drv.Read(1, wireOf(t, &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "t/#", QoS: 2}}}))
	s.drv.Opened(2, "127.0.0.1:5002")
	s.drv.Read(2, wireOf(t, connectPacket("", 0), &codec.Publish{QoS: 2, PacketID: 9, Topic: "t/1", Payload: []byte("x")}))
	s.drv.Read(2, wireOf(t, &codec.Pubrel{PacketID: 9}, &codec.Disconnect{}))
	if got, want := s.dev.packets(t, 2), []string{"CONNACK 0 accepted", "PUBREC id=9", "PUBCOMP id=9"}; !slices.Equal(got, want) {
		t.Errorf("the publisher got %q, want %q", got, want)
	}
	if got := s.dev.packets(t, 1); len(got) != 3 || !strings.HasPrefix(got[2], "PUBLISH") {
		t.Errorf("the subscriber got %q, want CONNACK, SUBACK, PUBLISH", got)
	}
	if !s.dev.closed[2] || s.drv.Conns() != 1 {
		t.Errorf("DISCONNECT: closed %v, %d open; want connection 2 closed", s.dev.closed, s.drv.Conns())
	}
	tr := s.rec.Trace()
	if !slices.Contains(tr.Nodes, "sensor") || !slices.Contains(tr.Nodes, "127.0.0.1:5002") {
		t.Errorf("lifelines %q: want sensor (its client id) and the address of the device with an empty id", tr.Nodes)
	}
	first := tr.Steps[0]
	if first.Kind != trace.KindConnect || first.From != "sensor" || first.Time != 5 {
		t.Errorf("first step %+v: want sensor's connect at 5 ms", first)
	}
	st := tr.StateAt(len(tr.Steps) - 1)
	if st == nil || st.Broker == nil || len(st.Broker.Sessions) != 1 || st.Broker.Sessions[0].ClientID != "sensor" {
		t.Errorf("the broker state at the end: %+v, want sensor's session", st)
	}
	if !s.noted("MQTT-3.8.4-5") || !s.noted("MQTT-3.14.4-3") {
		t.Errorf("the broker's notes are missing: %q", s.lines())
	}
}

// TestBrokerDriverShortPublish is the tutorial's PUBLISH that announces
// 11 bytes and sends 9: the broker waits, then reads the next packet's
// first bytes as this one's payload.
func TestBrokerDriverShortPublish(t *testing.T) {
	s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{}, Options{})
	s.drv.Opened(1, "127.0.0.1:5001")
	s.drv.Read(1, wireOf(t, connectPacket("tut", 0)))
	short := []byte{0x30, 0x0b, 0x00, 0x03, 'a', '/', 'b', 'h', 'e', 'l', 'l'} // 11 announced, 9 sent
	s.drv.Read(1, short)
	n := len(s.rec.Trace().Steps)
	s.clock.now = 1000
	s.drv.Read(1, []byte{0xc0, 0x00}) // PINGREQ: its 2 bytes end the PUBLISH
	steps := s.rec.Trace().Steps
	if len(steps) != n+1 {
		t.Fatalf("steps %q: want one more step when the PINGREQ's bytes arrive", s.lines())
	}
	last := steps[len(steps)-1]
	if last.Packet != codec.PUBLISH || last.Read != 3 || last.Time != 1000 || !slices.Equal([]byte(last.Bytes[len(last.Bytes)-2:]), []byte{0xc0, 0x00}) {
		t.Errorf("last step %+v: want a PUBLISH completed by read 3 with the PINGREQ's bytes as payload", last)
	}
	if got := s.dev.packets(t, 1); len(got) != 1 {
		t.Errorf("the device got %q: want the CONNACK only (no PINGRESP: its PINGREQ became payload)", got)
	}
}

func TestBrokerDriverRefusals(t *testing.T) {
	t.Run("malformed", func(t *testing.T) {
		s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{}, Options{})
		s.drv.Opened(1, "127.0.0.1:5001")
		s.drv.Read(1, []byte{0x00, 0x02, 0xde, 0xad, 0xbe, 0xef}) // packet type 0 is reserved
		if !s.dev.closed[1] || s.drv.Conns() != 0 {
			t.Errorf("garbage: closed %v: want the connection closed", s.dev.closed)
		}
		if !slices.Contains(s.rec.Trace().Nodes, "127.0.0.1:5001") || !slices.ContainsFunc(s.rec.Trace().Steps, func(st trace.Step) bool { return st.Outcome == trace.Refused }) {
			t.Errorf("garbage: %q, want a refused step on the device's address", s.lines())
		}
	})
	t.Run("not MQTT", func(t *testing.T) {
		// An HTTP request on the MQTT port frames as a PUBACK ('G' is
		// 0x47) waiting for 71 bytes: the first byte alone shows it is not
		// a CONNECT, so the broker closes at once. [MQTT-3.1.0-1]
		s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{ConnectTimeout: 10000}, Options{})
		s.drv.Opened(1, "127.0.0.1:5001")
		s.drv.Read(1, []byte("GET / HTTP/1.1\r\n"))
		if !s.dev.closed[1] || s.drv.Conns() != 0 || !s.noted("MQTT-3.1.0-1") || !s.noted(`"GET / HTTP/1.1"`) {
			t.Errorf("an HTTP request: closed %v, %q; want closed at once, the rule and the text named", s.dev.closed, s.lines())
		}
		if n := s.clock.pending(); n != 0 {
			t.Errorf("%d timers pending: the connect timeout should be stopped", n)
		}
		// A CONNECT's first byte alone waits for the rest.
		s.drv.Opened(2, "127.0.0.1:5002")
		s.drv.Read(2, []byte{0x10})
		if s.dev.closed[2] {
			t.Errorf("0x10 then nothing yet: closed; want the broker waiting for the rest of the CONNECT")
		}
	})
	t.Run("256 MB", func(t *testing.T) {
		s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{}, Options{MaxPacket: 1024})
		s.drv.Opened(1, "127.0.0.1:5001")
		s.drv.Read(1, wireOf(t, connectPacket("big", 0)))
		s.drv.Read(1, []byte{0x30, 0xff, 0xff, 0xff, 0x7f, 0, 1, 'a'})
		if !s.dev.closed[1] || !s.noted("packet size limit (MaxPacket) is 1024 bytes") {
			t.Errorf("a 256 MB Remaining Length: %q, want refused at once with the limit named", s.lines())
		}
	})
	t.Run("connections", func(t *testing.T) {
		s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{MaxConns: 1}, Options{})
		s.drv.Opened(1, "127.0.0.1:5001")
		s.drv.Opened(2, "127.0.0.1:5002")
		if !s.dev.closed[2] || s.dev.closed[1] || !s.noted("(MaxConns)") {
			t.Errorf("over MaxConns: closed %v, %q", s.dev.closed, s.lines())
		}
	})
	t.Run("connect timeout", func(t *testing.T) {
		s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{ConnectTimeout: 100}, Options{})
		s.drv.Opened(1, "127.0.0.1:5001")
		s.drv.Read(1, []byte{0x10}) // half a fixed header, then nothing
		s.drv.Opened(2, "127.0.0.1:5002")
		s.drv.Read(2, wireOf(t, connectPacket("ok", 0)))
		s.clock.advance(200)
		if !s.dev.closed[1] || s.dev.closed[2] || !s.noted("(ConnectTimeout)") {
			t.Errorf("connect timeout: closed %v, %q", s.dev.closed, s.lines())
		}
	})
	t.Run("slow device", func(t *testing.T) {
		s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{}, Options{})
		s.drv.Opened(1, "127.0.0.1:5001")
		s.dev.fail[1] = true
		s.drv.Read(1, wireOf(t, connectPacket("slow", 0)))
		if !s.dev.closed[1] || !s.noted("reads too slowly") {
			t.Errorf("a failed write: %q, want the connection closed with why", s.lines())
		}
	})
}

func TestBrokerDriverKeepAliveAndTimers(t *testing.T) {
	s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{ConnectTimeout: 10000}, Options{})
	s.drv.Opened(1, "127.0.0.1:5001")
	s.drv.Read(1, wireOf(t, connectPacket("k", 2)))
	s.clock.advance(2000)
	s.drv.Read(1, wireOf(t, &codec.Pingreq{}))
	s.clock.advance(4000)
	if s.dev.closed[1] {
		t.Fatal("closed at 4 s after a PINGREQ at 2 s: keepalive 2 s allows 3 s of silence")
	}
	s.clock.advance(5100)
	if !s.dev.closed[1] || !s.noted("MQTT-3.1.2-24") {
		t.Errorf("at 5.1 s: %q, want the connection closed by MQTT-3.1.2-24", s.lines())
	}
	if n := s.clock.pending(); n != 0 {
		t.Errorf("%d timers still pending after the connection closed", n)
	}
}

func TestBrokerDriverStopAndWatch(t *testing.T) {
	s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{}, Options{Keep: 8})
	w := s.drv.Watch(2)
	if n := s.drv.Watching(); n != 1 {
		t.Errorf("%d watching after Watch, want 1", n)
	}
	s.drv.Opened(1, "127.0.0.1:5001")
	c := connectPacket("w", 0)
	c.Will = &codec.Will{Topic: "gone", Message: []byte("1")}
	s.drv.Read(1, wireOf(t, c))
	for range 10 {
		s.drv.Read(1, wireOf(t, &codec.Pingreq{}))
	}
	s.drv.Stop()
	if !s.dev.closed[1] || !s.noted("lost with the broker process") {
		t.Errorf("Stop: %q, want the connection closed and its will lost", s.lines())
	}
	if got := len(w.C()); got != 2 || w.Missed() == 0 {
		t.Errorf("watcher of 2: %d waiting, %d missed; want 2 and the rest counted", got, w.Missed())
	}
	if first := <-w.C(); first.Seq != 0 || first.Step.Kind != trace.KindConnect || first.State == nil {
		t.Errorf("first watched %+v: want the connect step, number 0, with the state", first)
	}
	if n := len(s.rec.Trace().Steps); n > 9 {
		t.Errorf("%d steps kept with Keep 8", n)
	}
	s.drv.Unwatch(w)
	if n := s.drv.Watching(); n != 0 {
		t.Errorf("%d watching after Unwatch", n)
	}
}

// TestBrokerDriverWatchChanges: a watcher gets each step with the change
// the trace keeps, the whole state only on snapshot steps, and the states
// it rebuilds from them are the trace's.
func TestBrokerDriverWatchChanges(t *testing.T) {
	s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{}, Options{})
	w := s.drv.Watch(1000)
	s.drv.Opened(1, "127.0.0.1:5001")
	s.drv.Read(1, wireOf(t, connectPacket("sub", 0), &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "t", QoS: 1}}}))
	s.drv.Opened(2, "127.0.0.1:5002")
	s.drv.Read(2, wireOf(t, connectPacket("pub", 0)))
	for i := range 40 {
		id := uint16(i + 1)
		s.drv.Read(2, wireOf(t, &codec.Publish{QoS: 1, PacketID: id, Topic: "t", Payload: []byte("x")}))
		if i%2 == 1 {
			s.drv.Read(1, wireOf(t, &codec.Puback{PacketID: id - 1}, &codec.Puback{PacketID: id}))
		}
	}
	tr := s.rec.Trace()
	var st *trace.State
	whole := 0
	for len(w.C()) > 0 {
		x := <-w.C()
		switch {
		case x.State != nil:
			whole++
			st = x.State
		case x.Step.Change != nil:
			st = trace.Apply(st, x.Step.Change)
		}
		if want := tr.StateAt(x.Seq); !reflect.DeepEqual(st, want) {
			t.Fatalf("step %d: watcher's state %+v, want the trace's %+v", x.Seq, st, want)
		}
	}
	if n := len(tr.Steps); whole == 0 || whole > n/trace.SnapshotEvery+1 {
		t.Errorf("%d of %d steps came with the whole state: want only the snapshots'", whole, n)
	}
}

// TestRecorderSinceDescribesOnlyItsSteps: a watcher that asks for the
// newest step makes the recorder describe that step, not the ones it
// missed before it (they are described when the trace is read), and
// Newest reads the newest step's time and state without describing any.
func TestRecorderSinceDescribesOnlyItsSteps(t *testing.T) {
	s := newBrokerSession(t, sim.BrokerOptions{}, BrokerLimits{}, Options{})
	s.drv.Opened(1, "127.0.0.1:5001")
	s.drv.Read(1, wireOf(t, connectPacket("w", 0)))
	for range 20 {
		s.drv.Read(1, wireOf(t, &codec.Pingreq{}))
	}
	at, st, ok := s.rec.Newest()
	if steps := s.rec.trace.Steps; !ok || at != steps[len(steps)-1].Time || st != s.rec.trace.StateAt(len(steps)-1) {
		t.Errorf("Newest: %d %p %v, want the newest step's time and state", at, st, ok)
	}
	if s.rec.trace.Steps[5].Label != (codec.Text{}) {
		t.Fatalf("step 5 described before anything read it")
	}
	got, _ := s.rec.Since(s.rec.Recorded() - 1)
	if len(got) != 1 {
		t.Fatalf("Since the newest: %d steps, want 1", len(got))
	}
	if got[0].Label == (codec.Text{}) {
		t.Errorf("Since the newest: the step returned is not described")
	}
	if l := s.rec.trace.Steps[5].Label; l != (codec.Text{}) {
		t.Errorf("step 5 described (%q) by a Since that did not return it", l.EN)
	}
	if l := s.rec.Trace().Steps[5].Label; l == (codec.Text{}) {
		t.Errorf("step 5 not described when the trace is read")
	}
}

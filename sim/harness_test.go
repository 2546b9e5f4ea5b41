package sim

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// simTest drives a World in a test and reads its trace like a story: each
// want looks for the next matching step after the last one found.
type simTest struct {
	t      *testing.T
	w      *World
	cursor int
}

func newSimTest(t *testing.T, o Options) *simTest {
	t.Helper()
	o.Snapshots = true
	return &simTest{t: t, w: NewWorld(o)}
}

// client adds a client whose client id is its name.
func (st *simTest) client(name string, o ClientOptions) {
	st.t.Helper()
	if o.ClientID == "" {
		o.ClientID = name
	}
	if err := st.w.AddClient(name, o); err != nil {
		st.t.Fatal(err)
	}
}

// connect connects the clients and runs until quiet, expecting CONNACK 0.
func (st *simTest) connect(names ...string) {
	st.t.Helper()
	for _, n := range names {
		st.must(st.w.Connect(n))
	}
	st.run()
	for _, n := range names {
		if !st.w.ClientConnected(n) {
			st.t.Fatalf("%s did not connect:\n%s", n, st.dump())
		}
	}
}

func (st *simTest) must(err error) {
	st.t.Helper()
	if err != nil {
		st.t.Fatal(err)
	}
}

// mark moves the cursor to the end of the trace: later wants look only
// at what happens from now on.
func (st *simTest) mark() { st.cursor = len(st.w.Trace().Steps) }

// run runs until nothing is in flight (at most a virtual minute).
func (st *simTest) run() { st.w.RunUntilQuiet(60_000) }

func (st *simTest) subscribe(name, filter string, qos codec.QoS) {
	st.t.Helper()
	st.must(st.w.Subscribe(name, codec.Subscription{Filter: filter, QoS: qos}))
	st.run()
}

func (st *simTest) publish(name, topic, payload string, qos codec.QoS, retain bool) {
	st.t.Helper()
	st.must(st.w.Publish(name, topic, []byte(payload), qos, retain))
	st.run()
}

// encode is the bytes of p.
func encode(t *testing.T, p codec.Packet) []byte {
	t.Helper()
	b, err := codec.Append(nil, p)
	if err != nil {
		t.Fatalf("encode %v: %v", p, err)
	}
	return b
}

// wantPacket expects a packet step from → to carrying exactly p's bytes
// with the outcome, after the last step found.
func (st *simTest) wantPacketOutcome(why, from, to string, p codec.Packet, out trace.Outcome) trace.Step {
	st.t.Helper()
	return st.wantBytes(why, from, to, encode(st.t, p), out)
}

// wantBytes expects a packet step from → to carrying exactly want with the
// outcome, after the last step found.
func (st *simTest) wantBytes(why, from, to string, want []byte, out trace.Outcome) trace.Step {
	st.t.Helper()
	steps := st.w.Trace().Steps
	for i := st.cursor; i < len(steps); i++ {
		s := steps[i]
		if s.Kind == trace.KindPacket && s.From == from && s.To == to && bytes.Equal(s.Bytes, want) {
			if s.Outcome != out {
				st.t.Fatalf("%s: %s → %s % x is %s, want %s\n%s", why, from, to, want, s.Outcome, out, st.dump())
			}
			st.cursor = i + 1
			return s
		}
	}
	st.t.Fatalf("%s: want %s → %s % x after step %d\n%s", why, from, to, want, st.cursor, st.dump())
	return trace.Step{}
}

func (st *simTest) wantPacket(why, from, to string, p codec.Packet) trace.Step {
	st.t.Helper()
	return st.wantPacketOutcome(why, from, to, p, trace.Delivered)
}

// wantNoPacket expects no packet of type typ from → to after the last
// step found.
func (st *simTest) wantNoPacket(why, from, to string, typ codec.PacketType) {
	st.t.Helper()
	steps := st.w.Trace().Steps
	for i := st.cursor; i < len(steps); i++ {
		s := steps[i]
		if s.Kind == trace.KindPacket && s.From == from && s.To == to && s.Packet == typ {
			st.t.Fatalf("%s: unexpected %s at step %d\n%s", why, s.Label.EN, i, st.dump())
		}
	}
}

// wantNote expects a step with a note naming rule at or after the cursor,
// and returns it; it leaves the cursor where it is.
func (st *simTest) wantNote(why, rule string) trace.Step {
	st.t.Helper()
	steps := st.w.Trace().Steps
	for i := st.cursor; i < len(steps); i++ {
		for _, n := range steps[i].Notes {
			if n.Rule == rule {
				return steps[i]
			}
		}
	}
	st.t.Fatalf("%s: want a note naming %s after step %d\n%s", why, rule, st.cursor, st.dump())
	return trace.Step{}
}

// wantClose expects a close step recorded by from (the closing end).
func (st *simTest) wantClose(why, from string) trace.Step {
	st.t.Helper()
	steps := st.w.Trace().Steps
	for i := st.cursor; i < len(steps); i++ {
		if steps[i].Kind == trace.KindClose && steps[i].From == from && steps[i].To == "" {
			st.cursor = i + 1
			return steps[i]
		}
	}
	st.t.Fatalf("%s: want %s to close the connection after step %d\n%s", why, from, st.cursor, st.dump())
	return trace.Step{}
}

// wantReceived expects the payloads the client delivered to its
// application, in order.
func (st *simTest) wantReceived(why, name string, payloads ...string) []Delivery {
	st.t.Helper()
	got := st.w.Received(name)
	var ps []string
	for _, d := range got {
		ps = append(ps, string(d.Payload))
	}
	if strings.Join(ps, ",") != strings.Join(payloads, ",") {
		st.t.Fatalf("%s: %s received %q, want %q\n%s", why, name, ps, payloads, st.dump())
	}
	return got
}

// dump is the trace in one line per step, for failure messages.
func (st *simTest) dump() string {
	var b strings.Builder
	for i, s := range st.w.Trace().Steps {
		fmt.Fprintf(&b, "%3d %7d %-7s %s→%s %s %s", i, s.Time, s.Kind, s.From, s.To, s.Label.EN, s.Outcome)
		for _, n := range s.Notes {
			fmt.Fprintf(&b, " | %s", n.Text.EN)
			if n.Rule != "" {
				fmt.Fprintf(&b, " [%s]", n.Rule)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func strp(s string) *string { return &s }

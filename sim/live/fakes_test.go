package live

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/internal/brokertest"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// fakeClock is a clock the test moves: timers run, in order of time and
// then of asking, when advance passes them.
type fakeClock struct {
	now    int64
	timers []fakeTimer
}

type fakeTimer struct {
	at int64
	f  func()
}

func (c *fakeClock) Now() int64 { return c.now }

func (c *fakeClock) At(at int64, f func()) { c.timers = append(c.timers, fakeTimer{at, f}) }

// advance moves the clock to `to`, running every timer due on the way.
func (c *fakeClock) advance(to int64) {
	for {
		i := -1
		for j, t := range c.timers {
			if t.at <= to && (i < 0 || t.at < c.timers[i].at) {
				i = j
			}
		}
		if i < 0 {
			break
		}
		t := c.timers[i]
		c.timers = slices.Delete(c.timers, i, i+1)
		c.now = max(c.now, t.at)
		t.f()
	}
	c.now = to
}

// memNet is an in-memory transport to a scripted broker. Nothing reaches
// the driver during a call into it: pump delivers what is waiting.
type memNet struct {
	d      *Driver
	opens  []int          // connections asked for, not yet reported open
	sent   map[int][]byte // bytes written per connection, not yet answered
	closed map[int]bool   // connections the driver closed
	log    []string       // what the driver asked for, in order
	broker scripted
	// chunk is the size of the reads the replies arrive in; 0: all the
	// replies to one pump in one read.
	chunk int
	// failWrite makes every write fail.
	failWrite error
}

func newMemNet() *memNet {
	return &memNet{sent: map[int][]byte{}, closed: map[int]bool{}}
}

func (n *memNet) Open(conn int, client string) {
	n.opens = append(n.opens, conn)
	n.log = append(n.log, fmt.Sprintf("open %d %s", conn, client))
}

func (n *memNet) Write(conn int, b []byte) error {
	n.log = append(n.log, fmt.Sprintf("write %d % x", conn, b))
	if n.failWrite != nil {
		return n.failWrite
	}
	n.sent[conn] = append(n.sent[conn], b...)
	return nil
}

func (n *memNet) Close(conn int) {
	n.closed[conn] = true
	n.log = append(n.log, fmt.Sprintf("close %d", conn))
}

// pump reports the open connections and answers what the clients wrote,
// until nothing is left to do.
func (n *memNet) pump(t testing.TB) {
	t.Helper()
	for len(n.opens) > 0 || len(n.sent) > 0 {
		opens := n.opens
		n.opens = nil
		for _, c := range opens {
			n.d.Opened(c)
		}
		conns := make([]int, 0, len(n.sent))
		for c := range n.sent {
			conns = append(conns, c)
		}
		slices.Sort(conns)
		for _, c := range conns {
			b := n.sent[c]
			delete(n.sent, c)
			reply := n.broker.answer(t, b)
			if n.closed[c] || len(reply) == 0 {
				continue
			}
			n.read(c, reply)
		}
	}
}

// read delivers b on conn in reads of n.chunk bytes.
func (n *memNet) read(conn int, b []byte) {
	for len(b) > 0 {
		k := len(b)
		if n.chunk > 0 {
			k = min(k, n.chunk)
		}
		n.d.Read(conn, b[:k])
		b = b[k:]
	}
}

// scripted is a broker that answers as a conforming one does, without
// routing anything (brokertest.Replier). silent makes it answer nothing.
type scripted struct {
	silent bool
	reply  brokertest.Replier
	heard  []string // the labels of every packet it read
}

func (s *scripted) answer(t testing.TB, b []byte) []byte {
	t.Helper()
	var out []byte
	for _, sp := range codec.SplitStream(b) {
		p, err := codec.Decode(sp.Bytes)
		if err != nil {
			t.Fatalf("the client wrote % x: %v", sp.Bytes, err)
		}
		s.heard = append(s.heard, p.String())
		if s.silent {
			continue
		}
		if reply := s.reply.Reply(p); reply != nil {
			out, err = codec.Append(out, reply)
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

// session is a driver with its fakes, recording at the clients.
type session struct {
	t     testing.TB
	clock *fakeClock
	net   *memNet
	rec   *Recorder
	d     *Driver
}

func newSession(t testing.TB, clients ...*sim.Client) *session {
	s := &session{t: t, clock: &fakeClock{}, net: newMemNet(), rec: NewRecorder(Options{Source: trace.SourceLive})}
	s.d = NewDriver(s.clock, s.net, s.rec, "ws://127.0.0.1:8083/mqtt")
	s.net.d = s.d
	for _, c := range clients {
		if err := s.d.Add(c); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// do runs an action and pumps the network.
func (s *session) do(name string, act func(c *sim.Client, now int64) error) {
	s.t.Helper()
	if err := s.d.Do(name, act); err != nil {
		s.t.Fatalf("%s: %v", name, err)
	}
	s.net.pump(s.t)
}

// lines are the trace's steps from step `from` on, one line each: kind,
// connection, from > to, label, outcome when not delivered.
func (s *session) lines(from int) []string {
	var out []string
	for _, st := range s.rec.Trace().Steps[from:] {
		l := fmt.Sprintf("%s %d %s>%s", st.Kind, st.Conn, st.From, st.To)
		if st.Label.EN != "" {
			l += " " + st.Label.EN
		}
		if st.Outcome != "" && st.Outcome != trace.Delivered {
			l += " (" + string(st.Outcome) + ")"
		}
		out = append(out, l)
	}
	return out
}

// want compares the steps from `from` on with want.
func (s *session) want(from int, want ...string) {
	s.t.Helper()
	got := s.lines(from)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		s.t.Fatalf("steps from %d:\n%s\nwant:\n%s", from, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// step is the trace's step i.
func (s *session) step(i int) trace.Step { return s.rec.Trace().Steps[i] }

// hasRule reports whether a note of st names rule.
func hasRule(st trace.Step, rule string) bool {
	return slices.ContainsFunc(st.Notes, func(n trace.Note) bool { return n.Rule == rule })
}

var errBroken = errors.New("broken pipe")

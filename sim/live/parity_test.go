package live

import (
	"fmt"
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// TestDriverAsSimulated runs one exchange in the simulator, against its
// own broker, and live, against the scripted broker: the client writes
// the same packets and, on every packet it reads, writes the same notes.
// The live client is the simulated one.
func TestDriverAsSimulated(t *testing.T) {
	o := sim.ClientOptions{ClientID: "c1", CleanSession: true, KeepAlive: 30}
	w := sim.NewWorld(sim.Options{})
	if err := w.AddClient("c1", o); err != nil {
		t.Fatal(err)
	}
	s := newSession(t, sim.NewClient("c1", o))
	steps := []struct {
		sim  func() error
		live func(*sim.Client, int64) error
	}{
		{func() error { return w.Connect("c1") }, connect},
		{func() error { return w.Subscribe("c1", codec.Subscription{Filter: "x/#", QoS: 2}) }, subscribe("x/#", 2)},
		{func() error { return w.Publish("c1", "a/b", []byte("one"), 1, false) }, publish("a/b", "one", 1)},
		{func() error { return w.Publish("c1", "a/b", []byte("two"), 2, false) }, publish("a/b", "two", 2)},
		{func() error { return w.Disconnect("c1") }, disconnect},
	}
	for _, st := range steps {
		if err := st.sim(); err != nil {
			t.Fatal(err)
		}
		w.RunUntilQuiet(60000)
		s.do("c1", st.live)
	}
	simulated, live := clientView(w.Trace()), clientView(s.rec.Trace())
	if simulated != live {
		t.Fatalf("simulated:\n%s\nlive:\n%s", simulated, live)
	}
	if !strings.Contains(live, "PUBCOMP") {
		t.Fatalf("the exchange did not finish:\n%s", live)
	}
}

// clientView is what the client did in a trace: the packets it wrote, and
// the packets it read with its notes on them.
func clientView(tr *trace.Trace) string {
	var b strings.Builder
	for _, s := range tr.Steps {
		switch {
		case s.Kind == trace.KindPacket && s.From == "c1":
			fmt.Fprintf(&b, "wrote %s\n", s.Label.EN)
		case s.Kind == trace.KindPacket && s.To == "c1":
			fmt.Fprintf(&b, "read %s\n", s.Label.EN)
			for _, n := range s.Notes {
				fmt.Fprintf(&b, "  %s [%s]\n", n.Text.EN, n.Rule)
			}
		}
	}
	return b.String()
}

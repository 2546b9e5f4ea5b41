package sim

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"mqttviz/codec"
)

// propertySeeds is how many random worlds TestDeliveryGuarantees runs:
// fewer with -short and under WebAssembly, which is slower.
func propertySeeds() int {
	switch {
	case testing.Short():
		return 200
	case runtime.GOARCH == "wasm":
		return 500
	}
	return 5000
}

// sent is one application message a publisher published.
type sent struct {
	topic string
	qos   codec.QoS
}

// TestDeliveryGuarantees runs random worlds with persistent sessions,
// lossy and silent links, cuts, aborts, takeovers, withheld
// acknowledgements and reconnects, then heals every link,
// reconnects everyone and runs until quiet. Then, for every published
// message and every subscriber whose subscription matches it, delivered
// at QoS d = min(published, granted):
//   - a QoS 0 message arrives at most once,
//   - d = 1: at least once,
//   - d = 2: exactly once;
//
// (a QoS 1 or 2 message delivered at QoS 0 has no guarantee:
// MQTT-3.8.4-6 lets the broker send copies), and nothing is left in flight
// or queued on either side.
func TestDeliveryGuarantees(t *testing.T) {
	for seed := range propertySeeds() {
		if _, err := deliveryRun(int64(seed), false); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
	}
}

// randomRun is one random world of TestDeliveryGuarantees: what was
// published and what each subscriber was granted.
type randomRun struct {
	w       *World
	pubs    []string
	subs    []string
	msgs    []sent
	granted map[string]map[string]codec.QoS
}

// deliveryRun runs the random world of seed and checks it; snapshots
// records the State of every step.
func deliveryRun(seed int64, snapshots bool) (*World, error) {
	run := &randomRun{pubs: []string{"p1", "p2"}, subs: []string{"s1", "s2", "s3"}, granted: map[string]map[string]codec.QoS{}}
	if err := run.play(seed, snapshots); err != nil {
		return nil, err
	}
	return run.w, run.check()
}

// play builds the world, subscribes on healthy links, then publishes
// through random faults, and finally heals every link and reconnects
// everyone with their stored sessions.
func (run *randomRun) play(seed int64, snapshots bool) error {
	r := rand.New(rand.NewPCG(uint64(seed), 1))
	o := Options{Seed: seed, Snapshots: snapshots, Latency: 1 + r.Int64N(20)}
	o.Broker.ForwardOnPubrel = r.IntN(2) == 0
	o.Broker.QueueQoS0 = r.IntN(2) == 0
	if r.IntN(3) == 0 {
		o.Broker.RetryInterval = 50 + r.Int64N(500)
	}
	w := NewWorld(o)
	run.w = w
	all := append(slices.Clone(run.pubs), run.subs...)
	for _, n := range all {
		co := ClientOptions{ClientID: n, KeepAlive: uint16(r.IntN(3) * 5)}
		if r.IntN(3) == 0 {
			co.RetryInterval = 50 + r.Int64N(500)
		}
		if err := w.AddClient(n, co); err != nil {
			return err
		}
		if err := w.Connect(n); err != nil {
			return err
		}
	}
	w.RunUntilQuiet(10_000)
	filters := []string{"t/#", "t/+", "t/a", "+/b", "#"}
	for _, n := range run.subs {
		run.granted[n] = map[string]codec.QoS{}
		for range 1 + r.IntN(2) {
			f, q := filters[r.IntN(len(filters))], codec.QoS(r.IntN(3))
			run.granted[n][f] = q
			if err := w.Subscribe(n, codec.Subscription{Filter: f, QoS: q}); err != nil {
				return err
			}
		}
	}
	w.RunUntilQuiet(10_000)

	for _, n := range all {
		if r.IntN(2) == 0 {
			w.DropRate(n, r.Float64()*0.3)
		}
	}
	acks := []codec.PacketType{codec.PUBACK, codec.PUBREC, codec.PUBREL, codec.PUBCOMP}
	for range 10 + r.IntN(30) {
		switch k := r.IntN(13); {
		case k < 6:
			m := sent{topic: []string{"t/a", "t/b", "x/b"}[r.IntN(3)], qos: codec.QoS(r.IntN(3))}
			payload := strconv.Itoa(len(run.msgs))
			run.msgs = append(run.msgs, m)
			if err := w.Publish(run.pubs[r.IntN(len(run.pubs))], m.topic, []byte(payload), m.qos, false); err != nil {
				return err
			}
		case k == 6:
			w.Cut(all[r.IntN(len(all))])
		case k == 7:
			n := all[r.IntN(len(all))]
			if w.Abort(n) == nil && r.IntN(2) == 0 {
				w.Connect(n) // takeover while the broker still holds the old connection
			}
		case k == 8:
			for _, n := range all {
				if w.Client(n).Connected || r.IntN(2) == 0 {
					continue
				}
				w.Abort(n) // a connection stuck before CONNACK
				w.Connect(n)
			}
		case k == 9:
			w.Silence(all[r.IntN(len(all))]) // half-open until keepalive or healing
		case k == 10:
			w.Restore(all[r.IntN(len(all))])
		case k == 11:
			n := all[r.IntN(len(all))]
			if r.IntN(2) == 0 {
				w.Hold(n, acks[r.IntN(len(acks))])
			} else {
				w.SetAutoAck(n, true)
			}
		default:
			w.Advance(r.Int64N(100))
		}
	}

	for _, n := range all {
		w.Restore(n)
		w.SetAutoAck(n, true)
		w.Abort(n)
	}
	w.Advance(100)
	for _, n := range all {
		if err := w.Connect(n); err != nil {
			return err
		}
	}
	w.RunUntilQuiet(600_000)
	return nil
}

// check verifies the guarantees after play.
func (run *randomRun) check() error {
	w := run.w
	for _, s := range run.subs {
		count := map[string]int{}
		for _, d := range w.Received(s) {
			count[string(d.Payload)]++
		}
		for i, m := range run.msgs {
			best, match := codec.QoS(0), false
			for f, g := range run.granted[s] {
				if codec.Match(f, m.topic) {
					best, match = max(best, g), true
				}
			}
			if !match {
				continue
			}
			n, d := count[strconv.Itoa(i)], min(m.qos, best)
			switch {
			case m.qos == 0 && n > 1:
				return fmt.Errorf("%s got QoS 0 message %d (%s) %d times", s, i, m.topic, n)
			case d == 1 && n < 1:
				return fmt.Errorf("%s never got QoS 1 delivery of message %d (%s, published at QoS %d)", s, i, m.topic, m.qos)
			case d == 2 && n != 1:
				return fmt.Errorf("%s got QoS 2 message %d (%s) %d times", s, i, m.topic, n)
			}
		}
	}
	for _, n := range append(slices.Clone(run.pubs), run.subs...) {
		if c := w.Client(n); !c.Connected || len(c.Inflight) > 0 {
			return fmt.Errorf("after healing, client %s: connected %v, in flight %+v", n, c.Connected, c.Inflight)
		}
		if s := w.BrokerSession(n); s == nil || len(s.Inflight) > 0 || len(s.Queued) > 0 {
			return fmt.Errorf("after healing, broker session %s: %+v", n, s)
		}
	}
	return nil
}

package live

import (
	"encoding/json"
	"reflect"
	"strconv"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
)

// TestBrokerChangesAsSnapshots drives two broker drivers with the same
// devices: one with a watcher, which records the broker's whole state
// after every step, and one without, which records what each step
// changed (sim.Broker.Change, trace.Trace.RecordChange). Sessions come
// and go, stay across a reconnect with queued messages, hold QoS 1 and 2
// exchanges both ways and retained messages; the recording keeps few
// steps, so the oldest are dropped many times. Both traces hold the same
// state after every step, and the same changes.
func TestBrokerChangesAsSnapshots(t *testing.T) {
	o := sim.BrokerOptions{MaxInflight: 3}
	whole := newBrokerSession(t, o, BrokerLimits{}, Options{Keep: 50})
	whole.drv.Watch(1 << 16)
	changes := newBrokerSession(t, o, BrokerLimits{}, Options{Keep: 50})
	both := func(f func(s *brokerSession)) { f(whole); f(changes) }
	read := func(conn int, ps ...codec.Packet) {
		both(func(s *brokerSession) { s.drv.Read(conn, wireOf(t, ps...)) })
	}
	open := func(conn int) {
		both(func(s *brokerSession) { s.drv.Opened(conn, "127.0.0.1:"+strconv.Itoa(conn)) })
	}
	persistent := connectPacket("keep", 0)
	persistent.CleanSession = false
	open(1)
	read(1, persistent, &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "t/#", QoS: 2}}})
	open(2)
	read(2, connectPacket("sub1", 0), &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "t/+", QoS: 1}}})
	open(3)
	read(3, connectPacket("pub", 0))
	for i := range 40 {
		id := uint16(i + 1)
		qos := codec.QoS(i % 3)
		p := &codec.Publish{QoS: qos, Topic: "t/" + strconv.Itoa(i%4), Payload: []byte(strconv.Itoa(i)), Retain: i%9 == 0}
		if qos > 0 {
			p.PacketID = id
		}
		read(3, p)
		if qos == codec.ExactlyOnce {
			read(3, &codec.Pubrel{PacketID: id})
		}
		if i%5 == 4 {
			read(2, &codec.Puback{PacketID: uint16(i/5 + 1)})
		}
		if i == 20 {
			both(func(s *brokerSession) { s.drv.Closed(1) })
		}
		if i == 30 {
			open(4)
			read(4, persistent)
		}
	}
	read(2, &codec.Unsubscribe{PacketID: 9, Filters: []string{"t/+"}}, &codec.Disconnect{})
	both(func(s *brokerSession) { s.drv.Stop() })

	a, b := whole.rec.Trace(), changes.rec.Trace()
	if len(a.Steps) != len(b.Steps) || whole.rec.Recorded() < 150 {
		t.Fatalf("%d and %d steps kept of %d", len(a.Steps), len(b.Steps), whole.rec.Recorded())
	}
	for i := range a.Steps {
		if sa, sb := a.StateAt(i), b.StateAt(i); !reflect.DeepEqual(sa, sb) {
			t.Fatalf("step %d (%s): states differ\nwhole:   %s\nchanges: %s", i, a.Steps[i].Label.EN, js(t, sa), js(t, sb))
		}
		if ca, cb := js(t, a.Steps[i].Change), js(t, b.Steps[i].Change); ca != cb {
			t.Fatalf("step %d (%s): changes differ\nwhole:   %s\nchanges: %s", i, a.Steps[i].Label.EN, ca, cb)
		}
	}
}

// js is v as JSON.
func js(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

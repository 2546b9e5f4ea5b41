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
// exchanges both ways and retained messages, clean sessions come and go
// (taken over, replacing a stored one); the recording keeps few
// steps, so the oldest are dropped many times. Both traces hold the same
// state after every step, and the same changes; so does a third, whose
// watcher never reads.
func TestBrokerChangesAsSnapshots(t *testing.T) {
	o := sim.BrokerOptions{MaxInflight: 3}
	whole := newBrokerSession(t, o, BrokerLimits{}, Options{Keep: 50})
	whole.drv.Watch(1 << 16)
	changes := newBrokerSession(t, o, BrokerLimits{}, Options{Keep: 50})
	// A watcher that never reads misses every step after its first:
	// the broker records changes for it as if it had none.
	behind := newBrokerSession(t, o, BrokerLimits{}, Options{Keep: 50})
	stuck := behind.drv.Watch(1)
	checked := 0
	both := func(f func(s *brokerSession)) {
		f(whole)
		f(changes)
		f(behind)
		sameSteps(t, whole.rec, behind.rec, checked)
		checked = sameSteps(t, whole.rec, changes.rec, checked)
	}
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
		if i%6 == 1 {
			// A clean session comes and goes; every other time it is
			// taken over first.
			conn := 10 + i
			open(conn)
			read(conn, connectPacket("brief", 0), &codec.Subscribe{PacketID: 2, Subscriptions: []codec.Subscription{{Filter: "t/1", QoS: 1}}})
			if i%12 == 1 {
				open(conn + 100)
				read(conn+100, connectPacket("brief", 0))
				conn += 100
			}
			read(conn, &codec.Disconnect{})
		}
		if i == 17 {
			// Taken over, a session with nothing in it reads the same.
			open(8)
			read(8, connectPacket("bare", 0))
			open(9)
			read(9, connectPacket("bare", 0))
		}
		if i == 35 {
			// The stored session is replaced by a clean one.
			both(func(s *brokerSession) { s.drv.Closed(4) })
			open(5)
			read(5, connectPacket("keep", 0))
		}
	}
	read(2, &codec.Unsubscribe{PacketID: 9, Filters: []string{"t/+"}}, &codec.Disconnect{})
	both(func(s *brokerSession) { s.drv.Stop() })

	if n := whole.rec.Recorded(); n != changes.rec.Recorded() || n < 150 || checked != n {
		t.Fatalf("%d and %d steps recorded, %d checked", n, changes.rec.Recorded(), checked)
	}
	if a, b := whole.rec.Trace(), changes.rec.Trace(); len(a.Steps) != len(b.Steps) {
		t.Fatalf("%d and %d steps kept", len(a.Steps), len(b.Steps))
	}
	if got, want := stuck.Missed(), int64(checked-1); got != want {
		t.Fatalf("the watcher that never reads missed %d steps, want %d", got, want)
	}
}

// sameSteps compares the steps a and b recorded from sequence number
// from on: the same state after each and the same change, and returns
// the sequence number of the next step.
func sameSteps(t *testing.T, a, b *Recorder, from int) int {
	t.Helper()
	sa, missed := a.Since(from)
	sb, _ := b.Since(from)
	if missed > 0 || len(sa) != len(sb) {
		t.Fatalf("from step %d: %d and %d steps, %d missed", from, len(sa), len(sb), missed)
	}
	ta, tb := a.Trace(), b.Trace()
	for i := range sa {
		x, y := sa[i], sb[i]
		if stx, sty := ta.StateAt(x.Index), tb.StateAt(y.Index); !reflect.DeepEqual(stx, sty) {
			t.Fatalf("step %d (%s): states differ\nwhole:   %s\nchanges: %s", from+i, x.Label.EN, js(t, stx), js(t, sty))
		}
		if cx, cy := js(t, x.Change), js(t, y.Change); cx != cy {
			t.Fatalf("step %d (%s): changes differ\nwhole:   %s\nchanges: %s", from+i, x.Label.EN, cx, cy)
		}
	}
	return from + len(sa)
}

// js is v as JSON.
func js(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

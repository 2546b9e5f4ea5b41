package live

import (
	"fmt"
	"strconv"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim"
)

// BenchmarkBrokerDriverQoS1 is one QoS 1 message through the broker
// driver, recorded: a publisher's PUBLISH read, PUBACK and the PUBLISH
// to one subscriber written, its PUBACK read. The cost of the broker on
// real sockets without the sockets.
func BenchmarkBrokerDriverQoS1(b *testing.B) {
	s := newBrokerSession(b, sim.BrokerOptions{}, BrokerLimits{}, Options{})
	s.drv.Opened(1, "127.0.0.1:1")
	s.drv.Read(1, wireOf(b, connectPacket("sub", 0), &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "t", QoS: 1}}}))
	s.drv.Opened(2, "127.0.0.1:2")
	s.drv.Read(2, wireOf(b, connectPacket("pub", 0)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		id := uint16(i%65535 + 1)
		s.drv.Read(2, wireOf(b, &codec.Publish{QoS: 1, PacketID: id, Topic: "t", Payload: []byte("21.5")}))
		s.drv.Read(1, wireOf(b, &codec.Puback{PacketID: id}))
		clear(s.dev.wrote)
	}
}

// BenchmarkBrokerDriverFanout is one message of bench/brokerload's
// workloads through the broker driver, recorded (docs/performance.md,
// section Broker): 1×100 is one PUBLISH read and written to 100
// subscribers, 100×1 one PUBLISH from each of 100 publishers written to
// one subscriber, 64-byte payloads; at QoS 1 with every PUBACK both ways,
// each subscriber acknowledging a delivery once 100 newer ones came (the
// generator's window: 100 messages in flight). One op is one delivery;
// "watched" with a watcher taking every step, as a watch page does.
func BenchmarkBrokerDriverFanout(b *testing.B) {
	for _, w := range []struct{ pubs, subs int }{{1, 100}, {100, 1}} {
		for qos := codec.AtMostOnce; qos <= codec.AtLeastOnce; qos++ {
			b.Run(fmt.Sprintf("%dx%d/qos%d", w.pubs, w.subs, qos), func(b *testing.B) {
				fanout(b, w.pubs, w.subs, qos, false)
			})
			b.Run(fmt.Sprintf("%dx%d/qos%d/watched", w.pubs, w.subs, qos), func(b *testing.B) {
				fanout(b, w.pubs, w.subs, qos, true)
			})
		}
	}
	// Under mqttviz broker's default --max-inflight 100, the subscriber's
	// acknowledgements lagging 100 deliveries: every message after the
	// first 100 waits in the queue, as at 100×1 QoS 1 with the default.
	b.Run("100x1/qos1/queued", func(b *testing.B) {
		fanoutLimit(b, 100, 1, codec.AtLeastOnce, false, fanoutWindow, fanoutWindow-1)
	})
}

// fanoutWindow is how many deliveries a subscriber of
// BenchmarkBrokerDriverFanout leaves unacknowledged.
const fanoutWindow = 100

// fanout runs BenchmarkBrokerDriverFanout's workload of pubs publishers
// and subs subscribers at qos, watched or not.
func fanout(b *testing.B, pubs, subs int, qos codec.QoS, watched bool) {
	fanoutLimit(b, pubs, subs, qos, watched, 2*fanoutWindow, fanoutWindow)
}

// fanoutLimit is fanout with the broker's in-flight limit inflight and
// subscribers acknowledging a delivery once lag newer ones came.
func fanoutLimit(b *testing.B, pubs, subs int, qos codec.QoS, watched bool, inflight, lag int) {
	s := newBrokerSession(b, sim.BrokerOptions{MaxInflight: inflight}, BrokerLimits{}, Options{})
	conn := 0
	for i := range subs {
		conn++
		s.drv.Opened(conn, "127.0.0.1:"+strconv.Itoa(conn))
		s.drv.Read(conn, wireOf(b, connectPacket("s"+strconv.Itoa(i), 0), &codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: "load/+", QoS: qos}}}))
	}
	pub := make([][]byte, pubs)
	for i := range pubs {
		conn++
		s.drv.Opened(conn, "127.0.0.1:"+strconv.Itoa(conn))
		s.drv.Read(conn, wireOf(b, connectPacket("p"+strconv.Itoa(i), 0)))
		pub[i] = wireOf(b, &codec.Publish{QoS: qos, PacketID: 1, Topic: "load/" + strconv.Itoa(i), Payload: make([]byte, 64)})
	}
	var w *Watcher
	if watched {
		w = s.drv.Watch(4096)
	}
	clear(s.dev.wrote)
	acks := make([][]byte, 65536)
	pending := make([][]uint16, subs+1)
	b.ReportAllocs()
	n := 0
	for i := 0; b.Loop(); i++ {
		p := i % pubs
		s.drv.Read(subs+1+p, pub[p])
		if qos > 0 {
			// The acks go before this message's deliveries are seen, so
			// that a message the in-flight limit queued is sent (and
			// seen) once an ack frees a place.
			for c := 1; c <= subs; c++ {
				for len(pending[c]) > lag {
					id := pending[c][0]
					pending[c] = pending[c][1:]
					if acks[id] == nil {
						acks[id] = wireOf(b, &codec.Puback{PacketID: id})
					}
					s.drv.Read(c, acks[id])
				}
				for pk := range codec.StreamPackets(s.dev.wrote[c]) {
					if w := pk.Bytes; w[0]>>4 == 3 {
						pending[c] = append(pending[c], uint16(w[len(w)-66])<<8|uint16(w[len(w)-65]))
					}
				}
			}
		}
		clear(s.dev.wrote)
		for w != nil && len(w.C()) > 0 {
			<-w.C()
		}
		n += subs
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "deliveries/s")
}

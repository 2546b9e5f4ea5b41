package peers

import (
	"fmt"
	"io"
	"log/slog"
	"testing"

	mqtt "github.com/mochi-mqtt/server/v2"
	mochi "github.com/mochi-mqtt/server/v2/packets"

	"mqttviz/codec"
	"mqttviz/sim"
)

// The simulator workloads of sim/bench_test.go and sim/subindex_test.go,
// mirrored for mochi-mqtt/server. BenchmarkSubscriptionMatch10k's mqttviz
// row is sim's own benchmark (the index is internal to sim); run both
// packages in one command, as `make bench` and docs/performance.md do.

const (
	fanoutSubscribers = 100
	fanoutPublishes   = 100_000
	fanoutTopic       = "bench/topic"
)

var fanoutPayload = []byte("21.5")

// BenchmarkSimFanout publishes 100,000 QoS 0 messages to 100 subscribers
// of one topic per iteration and reports deliveries per second of real
// time. mqttviz: the simulator with every PUBLISH encoded, carried as bytes
// and decoded, as in sim's BenchmarkSimFanout. mochi: its in-process
// server, an inline client publishing to 100 inline subscriptions, which
// receive the packet struct itself: no encoding, no connection.
func BenchmarkSimFanout(b *testing.B) {
	b.Run("mqttviz", func(b *testing.B) {
		deliveries := 0
		for b.Loop() {
			b.StopTimer()
			w := fanoutWorld(b)
			b.StartTimer()
			for i := range fanoutPublishes {
				if err := w.Publish("pub", fanoutTopic, fanoutPayload, codec.AtMostOnce, false); err != nil {
					b.Fatal(err)
				}
				if i%100 == 99 {
					w.RunUntilQuiet(1000)
				}
			}
			w.RunUntilQuiet(1000)
			for i := range fanoutSubscribers {
				deliveries += w.DeliveryCount(fmt.Sprintf("sub%d", i))
			}
		}
		reportDeliveries(b, deliveries)
	})
	b.Run("mochi", func(b *testing.B) {
		deliveries := 0
		for b.Loop() {
			b.StopTimer()
			s := mochiFanoutServer(b, &deliveries)
			b.StartTimer()
			for range fanoutPublishes {
				if err := s.Publish(fanoutTopic, fanoutPayload, false, 0); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			s.Close()
			b.StartTimer()
		}
		reportDeliveries(b, deliveries)
	})
}

// reportDeliveries checks that every message reached every subscriber and
// reports the rate.
func reportDeliveries(b *testing.B, deliveries int) {
	if want := b.N * fanoutSubscribers * fanoutPublishes; deliveries != want {
		b.Fatalf("%d deliveries, want %d", deliveries, want)
	}
	b.ReportMetric(float64(deliveries)/b.Elapsed().Seconds(), "deliveries/s")
}

// fanoutWorld is sim's fanoutWorld: a publisher and 100 subscribers to
// fanoutTopic at QoS 0, connected, nothing recorded.
func fanoutWorld(tb testing.TB) *sim.World {
	w := sim.NewWorld(sim.Options{NoRecord: true})
	names := []string{"pub"}
	for i := range fanoutSubscribers {
		names = append(names, fmt.Sprintf("sub%d", i))
	}
	for _, n := range names {
		if err := w.AddClient(n, sim.ClientOptions{ClientID: n, CleanSession: true}); err != nil {
			tb.Fatal(err)
		}
		if err := w.Connect(n); err != nil {
			tb.Fatal(err)
		}
	}
	w.RunUntilQuiet(1000)
	for _, n := range names[1:] {
		if err := w.Subscribe(n, codec.Subscription{Filter: fanoutTopic}); err != nil {
			tb.Fatal(err)
		}
	}
	w.RunUntilQuiet(1000)
	return w
}

// mochiFanoutServer is a mochi server with its inline client enabled and
// 100 inline subscriptions to fanoutTopic, each counting into deliveries.
// It is not listening on any address.
func mochiFanoutServer(tb testing.TB, deliveries *int) *mqtt.Server {
	s := mqtt.New(&mqtt.Options{
		InlineClient: true,
		Logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	count := func(*mqtt.Client, mochi.Subscription, mochi.Packet) { *deliveries++ }
	for i := range fanoutSubscribers {
		if err := s.Subscribe(fanoutTopic, i+1, count); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// mochiSubscriptions10k is sim's subscriptions10k in mochi's TopicsIndex:
// client c<i>, i = 0..9999, subscribes to pattern i%4 with n = i/4.
func mochiSubscriptions10k() *mqtt.TopicsIndex {
	x := mqtt.NewTopicsIndex()
	patterns := []string{"sensors/%d/temperature", "sensors/%d/+", "sensors/+/%d", "sensors/%d/#"}
	for i := range 10_000 {
		x.Subscribe(fmt.Sprintf("c%d", i), mochi.Subscription{Filter: fmt.Sprintf(patterns[i%4], i/4), Qos: byte(i % 3)})
	}
	return x
}

// matchTopic10k matches three of the 10,000 subscriptions.
const matchTopic10k = "sensors/42/temperature"

func TestMochiSubscriptions10k(t *testing.T) {
	if got := len(mochiSubscriptions10k().Subscribers(matchTopic10k).Subscriptions); got != 3 {
		t.Fatalf("%d matches, want 3", got)
	}
}

// BenchmarkSubscriptionMatch10k matches one topic against 10,000
// subscriptions in mochi's TopicsIndex. The mqttviz row is sim's
// BenchmarkSubscriptionMatch10k, on the same subscriptions.
func BenchmarkSubscriptionMatch10k(b *testing.B) {
	b.Run("mochi", func(b *testing.B) {
		x := mochiSubscriptions10k()
		var n int
		b.ReportAllocs()
		for b.Loop() {
			n = len(x.Subscribers(matchTopic10k).Subscriptions)
		}
		if n != 3 {
			b.Fatalf("%d matches, want 3", n)
		}
	})
}

package sim

import (
	"fmt"
	"testing"

	"mqttviz/codec"
)

// fanoutWorld is the workload of BenchmarkSimFanout, which the peer
// benchmark mirrors for mochi: one publisher and 100 subscribers to
// "bench/topic" at QoS 0, all connected, no snapshots, nothing recorded.
func fanoutWorld(tb testing.TB, subscribers int) *World {
	w := NewWorld(Options{NoRecord: true})
	names := []string{"pub"}
	for i := range subscribers {
		names = append(names, fmt.Sprintf("sub%d", i))
	}
	for _, n := range names {
		if err := w.AddClient(n, ClientOptions{ClientID: n, CleanSession: true}); err != nil {
			tb.Fatal(err)
		}
		if err := w.Connect(n); err != nil {
			tb.Fatal(err)
		}
	}
	w.RunUntilQuiet(1000)
	for _, n := range names[1:] {
		if err := w.Subscribe(n, codec.Subscription{Filter: "bench/topic"}); err != nil {
			tb.Fatal(err)
		}
	}
	w.RunUntilQuiet(1000)
	return w
}

// BenchmarkSimFanout publishes 100,000 QoS 0 messages to 100 subscribers
// per iteration: 10,000,000 deliveries, each PUBLISH encoded by the broker,
// carried as bytes and split and decoded by the subscriber. It reports
// simulated deliveries per second of real time.
func BenchmarkSimFanout(b *testing.B) {
	const subscribers, publishes = 100, 100_000
	payload := []byte("21.5")
	deliveries := 0
	for b.Loop() {
		b.StopTimer()
		w := fanoutWorld(b, subscribers)
		b.StartTimer()
		for i := range publishes {
			if err := w.Publish("pub", "bench/topic", payload, codec.AtMostOnce, false); err != nil {
				b.Fatal(err)
			}
			if i%100 == 99 {
				w.RunUntilQuiet(1000)
			}
		}
		w.RunUntilQuiet(1000)
		for i := range subscribers {
			deliveries += w.DeliveryCount(fmt.Sprintf("sub%d", i))
		}
	}
	if deliveries != b.N*subscribers*publishes {
		b.Fatalf("%d deliveries, want %d", deliveries, b.N*subscribers*publishes)
	}
	b.ReportMetric(float64(deliveries)/b.Elapsed().Seconds(), "deliveries/s")
}

// BenchmarkSnapshots records a trace with a snapshot per step: 20 clients
// subscribed to one topic, 100 QoS 1 publishes, about 4,000 steps per
// iteration. It reports the cost per step; unchanged sessions and clients
// are shared between snapshots, so a step rebuilds only what it touched.
func BenchmarkSnapshots(b *testing.B) {
	steps := 0
	for b.Loop() {
		w := NewWorld(Options{Snapshots: true})
		names := []string{"pub"}
		for i := range 20 {
			names = append(names, fmt.Sprintf("sub%d", i))
		}
		for _, n := range names {
			w.AddClient(n, ClientOptions{ClientID: n})
			w.Connect(n)
		}
		w.RunUntilQuiet(1000)
		for _, n := range names[1:] {
			w.Subscribe(n, codec.Subscription{Filter: "t", QoS: 1})
		}
		w.RunUntilQuiet(1000)
		for range 100 {
			w.Publish("pub", "t", []byte("x"), codec.AtLeastOnce, false)
			w.RunUntilQuiet(1000)
		}
		steps += len(w.Trace().Steps)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(steps), "ns/step")
}

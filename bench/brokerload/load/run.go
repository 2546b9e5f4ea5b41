// Package load is the generator of bench/brokerload: MQTT publishers and
// subscribers on loopback that measure a broker's fan-out, messages per
// second and the latency from publish to delivery, each message carrying
// its publisher, its sequence number and the time it was written. Every
// delivery is checked against what was published: a run in which a
// message is lost, arrives twice or was never sent says so, and a run in
// which nothing arrives is an error, not a figure.
package load

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"mqttviz/codec"
)

// Config is one load run against one broker.
type Config struct {
	// Addr is the broker's MQTT over TCP address, host:port.
	Addr string
	// Publishers and Subscribers are the connections of each kind. Every
	// subscriber subscribes to every publisher's topic.
	Publishers, Subscribers int
	// QoS is the QoS of the PUBLISH packets and of the subscriptions.
	QoS codec.QoS
	// Duration is how long the publishers publish; Messages, when not 0,
	// is how many messages each publishes instead.
	Duration time.Duration
	Messages int
	// Rate is the messages per second all publishers publish together;
	// 0 publishes as fast as Window allows.
	Rate float64
	// Window is the most messages, over all publishers, published but not
	// yet delivered to every subscriber (or not yet acknowledged, QoS 1
	// and 2): a closed loop that finds the broker's pace without
	// overflowing its queues. 0 means 100.
	Window int
	// Size is the payload's size in bytes, at least 16; 0 means 64.
	Size int
	// Stall is how long a run waits without a delivery before it gives
	// up; 0 means 5 s.
	Stall time.Duration
}

// Result is what a run measured.
type Result struct {
	// Published is how many PUBLISH packets the publishers wrote;
	// Expected how many deliveries they should make (Published ×
	// Subscribers); Delivered how many distinct ones arrived;
	// Duplicates how many arrived again.
	Published, Expected, Delivered, Duplicates int
	// Elapsed is from the first publish to the last delivery.
	Elapsed time.Duration
	// P50, P99 and Max are latencies from publish to delivery.
	P50, P99, Max time.Duration
}

// Rate is the deliveries per second.
func (r Result) Rate() float64 { return float64(r.Delivered) / r.Elapsed.Seconds() }

// Lost is how many expected deliveries did not arrive.
func (r Result) Lost() int { return r.Expected - r.Delivered }

// payloadHeader is the part of a payload the generator reads back: the
// publisher (4 bytes), the sequence number (4) and the time of writing in
// nanoseconds since the run's base (8).
const payloadHeader = 16

// run is one run in progress.
type run struct {
	cfg   Config
	base  time.Time
	pubs  []*publisher
	subs  []*subscriber
	done  atomic.Bool // the run is ending: connection errors are expected
	total atomic.Int64
	// last is when the newest delivery arrived, in ns since base.
	last    atomic.Int64
	errOnce sync.Once
	err     error
	failed  chan struct{}
}

// fail records the run's first error and ends it.
func (r *run) fail(err error) {
	if r.done.Load() {
		return
	}
	r.errOnce.Do(func() { r.err = err; close(r.failed) })
}

// failing says the run failed.
func (r *run) failing() bool {
	select {
	case <-r.failed:
		return true
	default:
		return false
	}
}

// now is the time since the run's base in nanoseconds.
func (r *run) now() int64 { return int64(time.Since(r.base)) }

// Run runs cfg: it connects the subscribers (each waits for its SUBACK),
// then the publishers, publishes, waits for the deliveries, and
// disconnects everything.
func Run(ctx context.Context, cfg Config) (Result, error) {
	if cfg.Window <= 0 {
		cfg.Window = 100
	}
	if cfg.Size == 0 {
		cfg.Size = 64
	}
	if cfg.Stall <= 0 {
		cfg.Stall = 5 * time.Second
	}
	switch {
	case cfg.Publishers < 1 || cfg.Subscribers < 1:
		return Result{}, errors.New("a run needs at least one publisher and one subscriber")
	case cfg.Size < payloadHeader:
		return Result{}, fmt.Errorf("the payload must be at least %d bytes", payloadHeader)
	case cfg.QoS > codec.ExactlyOnce:
		return Result{}, fmt.Errorf("QoS %d is not 0, 1 or 2", cfg.QoS)
	case cfg.Duration <= 0 && cfg.Messages <= 0:
		return Result{}, errors.New("a run needs a duration or a number of messages")
	}
	r := &run{cfg: cfg, base: time.Now(), failed: make(chan struct{})}
	prefix := "brokerload/" + strconv.FormatUint(rand.Uint64(), 36)
	defer r.closeAll()
	for i := range cfg.Subscribers {
		s, err := r.connectSubscriber(prefix, i)
		if err != nil {
			return Result{}, err
		}
		r.subs = append(r.subs, s)
	}
	window := (cfg.Window + cfg.Publishers - 1) / cfg.Publishers
	for i := range cfg.Publishers {
		k, err := dial(cfg.Addr, prefix+"-p"+strconv.Itoa(i), 10*time.Second)
		if err != nil {
			return Result{}, fmt.Errorf("publisher %d: %w", i, err)
		}
		r.pubs = append(r.pubs, &publisher{r: r, k: k, index: i, topic: prefix + "/" + strconv.Itoa(i), window: window, wake: make(chan struct{}, 1)})
	}
	for _, s := range r.subs {
		go s.read()
	}
	start := r.now()
	var wg sync.WaitGroup
	for _, p := range r.pubs {
		if cfg.QoS > 0 {
			go p.readAcks()
		}
		wg.Add(1)
		go func() { defer wg.Done(); p.publish(ctx, start) }()
	}
	wg.Wait()
	if !r.failing() {
		r.drain(ctx)
	}
	r.done.Store(true)
	if r.failing() {
		return Result{}, r.err
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	return r.result(start)
}

// connectSubscriber connects subscriber i and subscribes it to every
// publisher's topic.
func (r *run) connectSubscriber(prefix string, i int) (*subscriber, error) {
	k, err := dial(r.cfg.Addr, prefix+"-s"+strconv.Itoa(i), 10*time.Second)
	if err != nil {
		return nil, fmt.Errorf("subscriber %d: %w", i, err)
	}
	if err := k.subscribe(prefix+"/+", r.cfg.QoS, 10*time.Second); err != nil {
		k.close(false)
		return nil, fmt.Errorf("subscriber %d: %w", i, err)
	}
	return &subscriber{r: r, k: k, seen: make([]bitset, r.cfg.Publishers)}, nil
}

// drain waits until every expected delivery arrived, or none came for
// Stall.
func (r *run) drain(ctx context.Context) {
	want := int64(0)
	for _, p := range r.pubs {
		want += p.published.Load() * int64(r.cfg.Subscribers)
	}
	seen, since := r.total.Load(), time.Now()
	for r.total.Load() < want && time.Since(since) < r.cfg.Stall && ctx.Err() == nil {
		select {
		case <-r.failed:
			return
		case <-time.After(5 * time.Millisecond):
		}
		if n := r.total.Load(); n != seen {
			seen, since = n, time.Now()
		}
	}
}

// result adds up what the subscribers counted.
func (r *run) result(start int64) (Result, error) {
	var res Result
	for _, p := range r.pubs {
		res.Published += int(p.published.Load())
	}
	res.Expected = res.Published * r.cfg.Subscribers
	var lat []int64
	for _, s := range r.subs {
		res.Delivered += s.delivered
		res.Duplicates += s.duplicates
		lat = append(lat, s.latencies...)
	}
	if res.Delivered == 0 {
		return res, fmt.Errorf("nothing arrived: %d messages published to %d subscribers, 0 delivered", res.Published, r.cfg.Subscribers)
	}
	res.Elapsed = time.Duration(r.last.Load() - start)
	slices.Sort(lat)
	res.P50 = time.Duration(lat[len(lat)*50/100])
	res.P99 = time.Duration(lat[len(lat)*99/100])
	res.Max = time.Duration(lat[len(lat)-1])
	return res, nil
}

// closeAll disconnects every client.
func (r *run) closeAll() {
	r.done.Store(true)
	for _, p := range r.pubs {
		p.k.close(true)
	}
	for _, s := range r.subs {
		s.k.close(true)
	}
}

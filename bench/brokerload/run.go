package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"mqttviz/bench/brokerload/load"
	"mqttviz/codec"
)

// loadFlags are the flags of one load shape, shared by run and compare.
type loadFlags struct {
	duration time.Duration
	messages int
	rate     float64
	window   int
	size     int
}

// add defines the flags on fs.
func (l *loadFlags) add(fs *flag.FlagSet) {
	fs.DurationVar(&l.duration, "duration", 3*time.Second, "how long the publishers publish")
	fs.IntVar(&l.messages, "messages", 0, "messages per publisher instead of -duration")
	fs.Float64Var(&l.rate, "rate", 0, "messages per second published over all publishers; 0: as fast as -window allows")
	fs.IntVar(&l.window, "window", 100, "most messages published and not yet delivered to every subscriber (or not acknowledged), over all publishers")
	fs.IntVar(&l.size, "size", 64, "payload bytes (at least 16)")
}

// config is the load of pubs publishers and subs subscribers at qos.
func (l *loadFlags) config(addr string, pubs, subs, qos int) load.Config {
	return load.Config{Addr: addr, Publishers: pubs, Subscribers: subs, QoS: codec.QoS(qos),
		Duration: l.duration, Messages: l.messages, Rate: l.rate, Window: l.window, Size: l.size}
}

// runOne is `brokerload run`: one load on one running broker.
func runOne(args []string) error {
	fs := flag.NewFlagSet("run", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:1883", "the broker's MQTT over TCP address")
	pubs := fs.Int("pubs", 1, "publishers")
	subs := fs.Int("subs", 100, "subscribers, each subscribed to every publisher's topic")
	qos := fs.Int("qos", 0, "QoS of the messages and subscriptions (0, 1 or 2)")
	watch := fs.String("watch", "", "also read mqttviz broker's watch stream at this --http address, as a watch page does")
	var l loadFlags
	l.add(fs)
	fs.Parse(args)
	ctx := context.Background()
	var w *watchProc
	if *watch != "" {
		var err error
		if w, err = startWatch(*watch); err != nil {
			return err
		}
	}
	res, err := load.Run(ctx, l.config(*addr, *pubs, *subs, *qos))
	if w != nil {
		ws := w.Stop()
		fmt.Printf("watch stream: %d messages, %d steps, %d steps missed (err %v)\n", ws.Messages, ws.Steps, ws.Missed, ws.Err)
	}
	if err != nil {
		return err
	}
	fmt.Printf("%d×%d q%d: published %d, delivered %d of %d (lost %d, duplicates %d) in %v: %.0f msg/s, latency p50 %v p99 %v max %v\n",
		*pubs, *subs, *qos, res.Published, res.Delivered, res.Expected, res.Lost(), res.Duplicates,
		res.Elapsed.Round(time.Millisecond), res.Rate(), res.P50, res.P99, res.Max)
	return nil
}

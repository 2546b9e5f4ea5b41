package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"mqttviz/bench/brokerload/load"
)

// idle is `brokerload idle`: each broker's memory with -conns idle
// connections, the brokers one after the other, -rounds times.
func idle(args []string) error {
	fs := flag.NewFlagSet("idle", flag.ExitOnError)
	mosq := fs.String("mosquitto", "/usr/sbin/mosquitto", "the mosquitto binary")
	mqv := fs.String("mqttviz", "../../bin/mqttviz", "the mqttviz binary (make build)")
	conns := fs.Int("conns", 10000, "idle connections")
	settle := fs.Duration("settle", 3*time.Second, "how long the connections stay idle before the broker's RSS is read")
	rounds := fs.Int("rounds", 2, "rounds")
	fs.Parse(args)
	printLoad("start")
	fmt.Println("| broker | open files (soft limit) | idle connections | RSS before | RSS with them | per connection |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	for r := range *rounds {
		for i := range 2 {
			var b *load.Broker
			var err error
			if (i+r)%2 == 0 {
				b, err = load.StartMosquitto(*mosq)
			} else {
				b, err = load.StartMqttviz(*mqv, false, "")
			}
			if err != nil {
				return err
			}
			if err := b.WaitIdle(); err != nil {
				b.Stop()
				return err
			}
			limit, _ := b.OpenFiles()
			res, err := load.Idle(b, *conns, *settle)
			b.Stop()
			if err != nil {
				return fmt.Errorf("%s: %w", b.Name, err)
			}
			fmt.Printf("| %s | %s | %d | %.1f MiB | %.1f MiB | %.1f KiB |\n", b.Name, limit, res.Conns,
				float64(res.Before)/(1<<20), float64(res.After)/(1<<20), res.PerConn()/1024)
		}
	}
	printLoad("end")
	fmt.Fprintln(os.Stderr)
	return nil
}

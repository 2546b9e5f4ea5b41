package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"mqttviz/bench/brokerload/load"
)

// variant is one broker set-up of a comparison: mosquitto, or an
// mqttviz binary with or without a watch stream reader.
type variant struct {
	name  string
	bin   string
	watch bool
}

// shape is one workload: publishers × subscribers at a QoS.
type shape struct{ pubs, subs, qos int }

func (s shape) String() string { return fmt.Sprintf("%d×%d QoS %d", s.pubs, s.subs, s.qos) }

// measured is one run of one variant on one shape.
type measured struct {
	res   load.Result
	watch load.WatchStats
	// cpu is the broker's CPU time during the run (the generator's
	// connections and subscriptions included).
	cpu load.CPUTime
	err error
}

// cpuPerDelivery is the broker's CPU time per delivery, in µs: what the
// broker costs the machine for each message, whatever else runs on it.
func (m measured) cpuPerDelivery() float64 { return m.perDelivery(m.cpu.Total()) }

// userPerDelivery is the part of cpuPerDelivery spent in the broker's
// own code (the rest is the kernel's: system calls, loopback TCP).
func (m measured) userPerDelivery() float64 { return m.perDelivery(m.cpu.User) }

// perDelivery is d per delivery, in µs.
func (m measured) perDelivery(d time.Duration) float64 {
	if m.res.Delivered == 0 {
		return 0
	}
	return float64(d.Microseconds()) / float64(m.res.Delivered)
}

// compare is `brokerload compare`: every shape on mosquitto, on mqttviz
// broker and on mqttviz broker with a watch stream reader, each run on a
// broker started for it, the variants' order turned round by round.
func compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	mosq := fs.String("mosquitto", "/usr/sbin/mosquitto", "the mosquitto binary")
	mqv := fs.String("mqttviz", "../../bin/mqttviz", "the mqttviz binary (make build)")
	rounds := fs.Int("rounds", 5, "rounds; each runs every shape on every variant once")
	shapes := fs.String("shapes", "1x100,100x1", "PUBSxSUBS workloads, comma-separated")
	qosList := fs.String("qos", "0,1", "QoS levels, comma-separated")
	watch := fs.Bool("watch", true, "also run mqttviz broker with a reader of its watch stream")
	before := fs.String("mqttviz-before", "", "another mqttviz binary (an earlier commit) to run beside -mqttviz, as 'mqttviz before'")
	deliveries := fs.Float64("deliveries", 0, "deliveries per second to offer (the publish rate is this ÷ subscribers); 0: as fast as -window allows")
	var l loadFlags
	l.add(fs)
	fs.Parse(args)
	work, err := parseShapes(*shapes, *qosList)
	if err != nil {
		return err
	}
	variants := []variant{{name: "mosquitto", bin: *mosq}}
	if *before != "" {
		variants = append(variants, variant{name: "mqttviz before", bin: *before})
		if *watch {
			variants = append(variants, variant{name: "mqttviz before + watch", bin: *before, watch: true})
		}
	}
	variants = append(variants, variant{name: "mqttviz", bin: *mqv})
	if *watch {
		variants = append(variants, variant{name: "mqttviz + watch", bin: *mqv, watch: true})
	}
	web, err := stubWeb()
	if err != nil {
		return err
	}
	defer os.RemoveAll(web)
	results := map[string]map[shape][]measured{}
	for _, v := range variants {
		results[v.name] = map[shape][]measured{}
	}
	printLoad("start")
	for r := range *rounds {
		for _, s := range work {
			for i := range variants {
				v := variants[(i+r)%len(variants)]
				lf := l
				if *deliveries > 0 {
					lf.rate = *deliveries / float64(s.subs)
				}
				m := runVariant(v, s, lf, web)
				results[v.name][s] = append(results[v.name][s], m)
				fmt.Fprintf(os.Stderr, "round %d %-22s %-14v %s\n", r+1, v.name, s, describe(m))
			}
		}
	}
	printLoad("end")
	printTable(os.Stdout, work, variants, results)
	return nil
}

// runVariant starts v's broker, runs s on it and stops it.
func runVariant(v variant, s shape, l loadFlags, web string) measured {
	var b *load.Broker
	var err error
	if v.name == "mosquitto" {
		b, err = load.StartMosquitto(v.bin)
	} else {
		b, err = load.StartMqttviz(v.bin, v.watch, web)
	}
	if err != nil {
		return measured{err: err}
	}
	defer b.Stop()
	if err := b.WaitIdle(); err != nil {
		return measured{err: err}
	}
	ctx := context.Background()
	var w *watchProc
	if v.watch {
		if w, err = startWatch(b.HTTP); err != nil {
			return measured{err: err}
		}
	}
	var m measured
	cpu, cerr := b.CPU()
	m.res, m.err = load.Run(ctx, l.config(b.Addr, s.pubs, s.subs, s.qos))
	if after, err := b.CPU(); err == nil && cerr == nil {
		m.cpu = after.Sub(cpu)
	}
	if w != nil {
		m.watch = w.Stop()
		if m.err == nil && m.watch.Steps == 0 {
			m.err = errors.New("the watch stream carried no step")
		}
	}
	if m.err == nil && m.res.Lost() > 0 {
		m.err = fmt.Errorf("%d of %d deliveries lost", m.res.Lost(), m.res.Expected)
	}
	return m
}

// describe is one run on one line.
func describe(m measured) string {
	if m.err != nil {
		return "failed: " + m.err.Error()
	}
	s := fmt.Sprintf("%8.0f msg/s  p50 %-8v p99 %-8v cpu %5.2f µs/msg, user %5.2f (%d delivered)", m.res.Rate(), ms(m.res.P50), ms(m.res.P99), m.cpuPerDelivery(), m.userPerDelivery(), m.res.Delivered)
	if m.watch.Steps > 0 {
		s += fmt.Sprintf("  watch: %d steps, %d missed", m.watch.Steps, m.watch.Missed)
	}
	return s
}

// parseShapes reads -shapes and -qos.
func parseShapes(shapes, qos string) ([]shape, error) {
	var out []shape
	for _, q := range strings.Split(qos, ",") {
		qn, err := strconv.Atoi(q)
		if err != nil || qn < 0 || qn > 2 {
			return nil, fmt.Errorf("-qos: %q is not 0, 1 or 2", q)
		}
		for _, sh := range strings.Split(shapes, ",") {
			p, s, ok := strings.Cut(sh, "x")
			pn, err1 := strconv.Atoi(p)
			sn, err2 := strconv.Atoi(s)
			if !ok || err1 != nil || err2 != nil || pn < 1 || sn < 1 {
				return nil, fmt.Errorf("-shapes: %q is not PUBSxSUBS", sh)
			}
			out = append(out, shape{pn, sn, qn})
		}
	}
	return out, nil
}

// stubWeb is a web/ directory for `mqttviz broker --http` whose app.wasm
// is a few bytes: the watch stream reader does not load the app, and the
// real one's compression at start-up (seconds of CPU) would fall into the
// measurement.
func stubWeb() (string, error) {
	dir, err := os.MkdirTemp("", "brokerload-web-")
	if err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, "app.wasm"), []byte("\x00asm\x01\x00\x00\x00"), 0o644)
}

// printLoad prints the load average to standard error.
func printLoad(when string) {
	b, err := os.ReadFile("/proc/loadavg")
	if err == nil {
		fmt.Fprintf(os.Stderr, "%s %s: load average %s\n", when, time.Now().UTC().Format("15:04:05 UTC"), strings.Join(strings.Fields(string(b))[:3], " "))
	}
}

// ms is d in milliseconds, rounded to what a table shows.
func ms(d time.Duration) string {
	v := float64(d) / 1e6
	switch {
	case v < 10:
		return strconv.FormatFloat(v, 'f', 2, 64) + " ms"
	case v < 100:
		return strconv.FormatFloat(v, 'f', 1, 64) + " ms"
	}
	return strconv.FormatFloat(v, 'f', 0, 64) + " ms"
}

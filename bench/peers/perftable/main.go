// Command perftable reads the output of the benchmark run documented in
// docs/performance.md and prints its two Markdown tables, codec and
// simulator, with the best round of each benchmark (the lowest ns/op: the
// one least disturbed by other work on the machine).
//
//	cd bench/peers && go test -p 1 -run='^$' \
//	  -bench='Decode|Encode|SimFanout|SubscriptionMatch10k' -benchmem -count=8 \
//	  . mqttviz/sim | tee bench.txt
//	go run ./perftable < bench.txt
package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// result is one round of one benchmark.
type result struct {
	ns, bytes, allocs, deliveries float64
}

// key names a benchmark: the package's last element and the benchmark
// name without "Benchmark" and the GOMAXPROCS suffix, e.g. "peers",
// "DecodePublish64/mochi".
type key struct{ pkg, name string }

func main() {
	best, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "perftable:", err)
		os.Exit(1)
	}
	codecTable(os.Stdout, best)
	fmt.Println()
	simTable(os.Stdout, best)
}

// parse reads `go test -bench` output and keeps each benchmark's best
// round.
func parse(r io.Reader) (map[key]result, error) {
	best := map[key]result{}
	pkg := ""
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = p[strings.LastIndex(p, "/")+1:]
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndex(name, "-"); i > 0 {
			name = name[:i]
		}
		var res result
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%q: %v", line, err)
			}
			switch f[i+1] {
			case "ns/op":
				res.ns = v
			case "B/op":
				res.bytes = v
			case "allocs/op":
				res.allocs = v
			case "deliveries/s":
				res.deliveries = v
			}
		}
		k := key{pkg, name}
		if old, ok := best[k]; !ok || res.ns < old.ns {
			best[k] = res
		}
	}
	return best, sc.Err()
}

// codecTable prints the codec rows: mqttviz, mochi and paho side by side.
func codecTable(w io.Writer, best map[key]result) {
	fmt.Fprintln(w, "| workload | mqttviz ns/op | mochi ns/op | paho ns/op | mqttviz B/op, allocs/op | mochi B/op, allocs/op | paho B/op, allocs/op | mqttviz ÷ mochi | mqttviz ÷ paho |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, op := range []string{"Decode", "Encode"} {
		for _, wl := range []string{"Publish64", "Publish64K", "ConnectWill", "Subscribe4"} {
			row := op + wl
			m, mo, pa := best[key{"peers", row + "/mqttviz"}], best[key{"peers", row + "/mochi"}], best[key{"peers", row + "/paho"}]
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", row,
				num(m.ns), num(mo.ns), num(pa.ns), mem(m), mem(mo), mem(pa),
				ratio(m.ns, mo.ns), ratio(m.ns, pa.ns))
		}
	}
}

// simTable prints the simulator rows beside mochi's server and index.
func simTable(w io.Writer, best map[key]result) {
	fmt.Fprintln(w, "| workload | library | ns/op | deliveries/s | B/op | allocs/op | mqttviz ÷ mochi (time) |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|")
	rows := []struct {
		workload, library string
		k                 key
	}{
		{"SimFanout", "mqttviz", key{"peers", "SimFanout/mqttviz"}},
		{"SimFanout", "mochi", key{"peers", "SimFanout/mochi"}},
		{"SimFanout", "mqttviz (sim package)", key{"sim", "SimFanout"}},
		{"SubscriptionMatch10k", "mqttviz", key{"sim", "SubscriptionMatch10k"}},
		{"SubscriptionMatch10k", "mochi", key{"peers", "SubscriptionMatch10k/mochi"}},
	}
	for _, r := range rows {
		res := best[r.k]
		d, rt := "—", ""
		if res.deliveries > 0 {
			d = commas(res.deliveries)
		}
		if r.library != "mochi" {
			rt = ratio(res.ns, best[key{"peers", r.workload + "/mochi"}].ns)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", r.workload, r.library,
			num(res.ns), d, commas(res.bytes), commas(res.allocs), rt)
	}
}

// num shows a time: one decimal below 100, whole numbers with thousands
// separators above.
func num(v float64) string {
	if v == 0 {
		return "—"
	}
	if v < 100 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return commas(v)
}

// commas is v rounded, with thousands separators.
func commas(v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// mem is "342 B, 10".
func mem(r result) string {
	return commas(r.bytes) + " B, " + commas(r.allocs)
}

// ratio is mqttviz's time over a peer's, marked ✗ when mqttviz is slower.
func ratio(m, peer float64) string {
	if m == 0 || peer == 0 {
		return "—"
	}
	q := m / peer
	s := strconv.FormatFloat(q, 'f', 2, 64)
	if q < 0.005 {
		s = "<0.01"
	}
	if q > 1 {
		s += " ✗"
	}
	return s
}

package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// printTable prints the comparison as a markdown table: per shape and
// variant the median and best messages per second over the rounds, the
// median p50 and p99, the median of the broker's CPU time per delivery
// (with the part in its own code, user time, beside it), and against
// mosquitto the median of the rounds' own ratios (runs of one round are
// seconds apart).
func printTable(w io.Writer, work []shape, variants []variant, results map[string]map[shape][]measured) {
	fmt.Fprintln(w, "| workload | broker | msg/s median (best) | p50 | p99 | CPU µs/msg (user) | ÷ mosquitto msg/s | ÷ mosquitto p99 | rounds |")
	fmt.Fprintln(w, "|---|---|---:|---:|---:|---:|---:|---:|---:|")
	for _, s := range work {
		base := results["mosquitto"][s]
		for _, v := range variants {
			runs := results[v.name][s]
			var rates, p50, p99, cpu, user, rr, pr []float64
			failed := 0
			for i, m := range runs {
				if m.err != nil {
					failed++
					continue
				}
				rates = append(rates, m.res.Rate())
				p50 = append(p50, float64(m.res.P50))
				p99 = append(p99, float64(m.res.P99))
				cpu = append(cpu, m.cpuPerDelivery())
				user = append(user, m.userPerDelivery())
				if i < len(base) && base[i].err == nil && v.name != "mosquitto" {
					rr = append(rr, m.res.Rate()/base[i].res.Rate())
					pr = append(pr, float64(m.res.P99)/float64(base[i].res.P99))
				}
			}
			rounds := strconv.Itoa(len(rates))
			if failed > 0 {
				rounds += fmt.Sprintf(" (%d failed)", failed)
			}
			if len(rates) == 0 {
				fmt.Fprintf(w, "| %v | %s | — | — | — | — | — | — | %s |\n", s, v.name, rounds)
				continue
			}
			fmt.Fprintf(w, "| %v | %s | %s (%s) | %s | %s | %s | %s | %s | %s |\n", s, v.name,
				thousands(median(rates)), thousands(slices.Max(rates)),
				ms(time.Duration(median(p50))), ms(time.Duration(median(p99))),
				strconv.FormatFloat(median(cpu), 'f', 2, 64)+" ("+strconv.FormatFloat(median(user), 'f', 2, 64)+")", ratio(rr), ratio(pr), rounds)
		}
	}
}

// median is the median of v (the mean of the two middle values when
// there are an even number).
func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// ratio is the median of v, or a dash.
func ratio(v []float64) string {
	if len(v) == 0 {
		return "—"
	}
	return strconv.FormatFloat(median(v), 'f', 2, 64)
}

// thousands is v rounded, with thousands separators.
func thousands(v float64) string {
	s := strconv.FormatInt(int64(v+0.5), 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

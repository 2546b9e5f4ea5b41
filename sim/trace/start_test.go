package trace_test

import (
	"testing"
	"time"

	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/trace"
)

// TestStartMillis reads the wall-clock starts the live sources write, and
// refuses other forms; package time (allowed in tests) is the reference.
func TestStartMillis(t *testing.T) {
	for _, s := range []string{
		"1970-01-01T00:00:00Z", "2026-12-01T10:53:13.123Z", "2024-02-29T23:59:59.9Z",
		"2000-03-01T00:00:00.000Z", "2100-12-31T12:00:00.123456Z", "2026-06-15T08:30:00.05Z",
	} {
		want, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := (&trace.Trace{Start: s}).StartMillis()
		if !ok || got != want.UnixMilli() {
			t.Errorf("%s: %d %v, want %d", s, got, ok, want.UnixMilli())
		}
	}
	for _, s := range []string{
		"", "2026-12-01", "2026-12-01T10:53:13", "2026-12-01T10:53:13+08:00", "2026-02-29T00:00:00Z",
		"2026-13-01T00:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T10:53:13.Z", "2026-12-01T10:53:13.1a3Z",
		"1969-12-31T23:59:59Z", "2026-12-01 10:53:13Z", "+026-12-01T10:53:13Z",
	} {
		if ms, ok := (&trace.Trace{Start: s}).StartMillis(); ok {
			t.Errorf("%q read as %d", s, ms)
		}
	}
}

// TestPcapngStart: a live trace's capture is stamped with the wall clock,
// its Start plus each step's time; a simulated one from the epoch.
func TestPcapngStart(t *testing.T) {
	steps := []trace.Step{
		{Time: 0, Kind: trace.KindConnect, From: "a", To: trace.BrokerName, Conn: 1},
		{Time: 250, Kind: trace.KindPacket, From: "a", To: trace.BrokerName, Conn: 1, Bytes: []byte{0xc0, 0}, Outcome: trace.Delivered},
	}
	for _, c := range []struct {
		start string
		first uint64
	}{{"", 0}, {"2026-12-01T10:53:13.123Z", 1796122393123000}} {
		tr := &trace.Trace{Version: trace.Version, Start: c.start, Nodes: []string{trace.BrokerName, "a"}, Steps: steps}
		_, recs := simtest.PcapngOf(t, tr)
		if len(recs) != 5 || recs[0].TS != c.first || recs[3].TS != c.first+250_000 {
			t.Errorf("start %q: %d records, stamped %d and %d, want %d and %d", c.start, len(recs), recs[0].TS, recs[3].TS, c.first, c.first+250_000)
		}
	}
}

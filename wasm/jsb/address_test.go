package jsb

import (
	"testing"
	"time"
)

func TestAddressDue(t *testing.T) {
	t0 := time.Unix(1000, 0)
	ms := time.Millisecond
	for _, c := range []struct {
		name             string
		first, last, now time.Duration
		want             time.Duration
	}{
		{"one call, just made", 0, 0, 0, AddressDelay},
		{"one call, half the pause gone", 0, 0, 50 * ms, 50 * ms},
		{"one call, the pause over", 0, 0, 100 * ms, 0},
		{"a later call starts the pause again", 0, 80 * ms, 100 * ms, 80 * ms},
		{"long past due", 0, 0, 5 * time.Second, 0},
		{"a run without a pause, near its bound", 0, 950 * ms, 960 * ms, 40 * ms},
		{"a run without a pause, at its bound", 0, 990 * ms, time.Second, 0},
	} {
		got := addressDue(t0.Add(c.first), t0.Add(c.last), t0.Add(c.now))
		if got != c.want {
			t.Errorf("%s: due in %v, want %v", c.name, got, c.want)
		}
	}
}

package ui

import "testing"

// TestWatchPageProbed: what the page says once the probe answered a
// stream that broke off, and when the broker said it stops.
func TestWatchPageProbed(t *testing.T) {
	page := func() *watchPage {
		p := newWatchPage()
		p.status = watchOpen
		p.receive(watchMessage(t, note(1)))
		p.status = watchChecking
		return p
	}
	for _, c := range []struct {
		name   string
		opened bool
		start  string
		want   watchStatus
	}{
		{"refused: the broker is gone", false, "", watchClosed},
		{"the same start: the broker gave the page up", true, "2026-12-01T10:00:00.000Z", watchDropped},
		{"opened, closed before a message", true, "", watchDropped},
		{"another start: restarted", true, "2026-12-01T11:00:00.000Z", watchRestarted},
	} {
		p := page()
		p.probed(c.opened, c.start)
		if p.status != c.want {
			t.Errorf("%s: status %v, want %v", c.name, p.status, c.want)
		}
	}
	p := newWatchPage()
	p.status = watchOpen
	p.ended(nil, closeGoingAway)
	if p.status != watchClosed {
		t.Errorf("close 1001 (the broker stops): status %v, want watchClosed", p.status)
	}
	if got := startOf(watchMessage(t, note(1))); got != "2026-12-01T10:00:00.000Z" {
		t.Errorf("startOf: %q", got)
	}
}

package main

import (
	"testing"
	"time"
)

// TestMQTTBrokerTimersNotEarly: a timer for Now()+d, set later than Now()
// was read, fires no sooner than d after the real moment Now() stood
// for, although Now() drops the fraction of a millisecond: a keepalive of 1 s must not expire before
// 1.5 s of silence (MQTT-3.1.2-24), not even by a fraction of a
// millisecond (paho's keepalive test saw 1.49996 s).
func TestMQTTBrokerTimersNotEarly(t *testing.T) {
	tb := startTestBroker(t)
	s := tb.srv
	const d = 2 // ms
	for range 30 {
		fired := make(chan time.Duration, 1)
		var from time.Duration
		s.onLoop(func() {
			// A read at from (its Now n), the timer set a moment later, in
			// the next millisecond, as the broker sets a keepalive timer
			// from the time of the last packet.
			n := s.Now()
			from = time.Since(s.start)
			for s.Now() == n {
			}
			s.After(n+d, func() { fired <- time.Since(s.start) })
		})
		if got := <-fired; got < from+d*time.Millisecond {
			t.Fatalf("a timer for Now()+%d ms, Now() read at %v, fired at %v: %v early", d, from, got, from+d*time.Millisecond-got)
		}
	}
}

package ui

import "time"

// playStatus is where the player stands.
type playStatus int

// The player statuses.
const (
	// paused: the cursor moves only when asked.
	paused playStatus = iota
	// playing: the cursor advances one step per tick.
	playing
)

// speeds are the playback speeds the speed control offers.
var speeds = []float64{0.5, 1, 2, 4}

// baseTick is the time between two steps at speed 1.
const baseTick = 1200 * time.Millisecond

// tickFor returns the time between two steps at speed s.
func tickFor(s float64) time.Duration {
	if s <= 0 {
		s = 1
	}
	return time.Duration(float64(baseTick) / s)
}

// clampStep keeps a cursor inside a trace of n steps.
func clampStep(i, n int) int {
	if i >= n {
		i = n - 1
	}
	if i < 0 {
		i = 0
	}
	return i
}

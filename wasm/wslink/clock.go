package wslink

import "time"

// Clock is a live driver's clock on the page's: milliseconds since it
// was made, and timers that post their function to the driver's loop.
type Clock struct {
	start time.Time
	post  Post
}

// NewClock returns a clock that starts now and runs timers through post.
func NewClock(post Post) *Clock { return &Clock{start: time.Now(), post: post} }

// Start is the wall-clock time of Now's 0, for the trace's start.
func (c *Clock) Start() time.Time { return c.start }

// Now is the time in milliseconds since the clock started.
func (c *Clock) Now() int64 { return time.Since(c.start).Milliseconds() }

// At posts f when Now reaches at, at once when it has.
func (c *Clock) At(at int64, f func()) {
	d := time.Duration(at-c.Now()) * time.Millisecond
	time.AfterFunc(max(d, 0), func() { c.post(f) })
}

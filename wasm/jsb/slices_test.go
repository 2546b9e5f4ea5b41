package jsb

import (
	"testing"
	"time"
)

// fakeSlices gives the start-up's slices a clock the test moves and
// counts the turns given to the browser.
func fakeSlices(t *testing.T) (advance func(time.Duration), turns *int) {
	at := time.Unix(1000, 0)
	n := 0
	old := startup.now
	oldYield := startup.yield
	startup.now = func() time.Time { return at }
	startup.yield = func() { n++ }
	t.Cleanup(func() {
		startup.now, startup.yield = old, oldYield
		endSlices()
	})
	return func(d time.Duration) { at = at.Add(d) }, &n
}

func TestYieldIfLong(t *testing.T) {
	advance, turns := fakeSlices(t)
	YieldIfLong()
	if *turns != 0 {
		t.Fatalf("before the start-up: %d turns, want 0", *turns)
	}
	StartSlices()
	if *turns != 1 {
		t.Fatalf("StartSlices: %d turns, want 1 (it ends the task the program started in)", *turns)
	}
	advance(sliceBudget - time.Millisecond)
	YieldIfLong()
	if *turns != 1 {
		t.Fatalf("within a slice: %d turns, want 1", *turns)
	}
	advance(time.Millisecond)
	YieldIfLong()
	if *turns != 2 {
		t.Fatalf("a slice's time after the last turn: %d turns, want 2", *turns)
	}
	YieldIfLong()
	if *turns != 2 {
		t.Fatalf("right after a turn: %d turns, want 2", *turns)
	}
	MarkInteractive()
	advance(time.Second)
	YieldIfLong()
	if *turns != 2 {
		t.Fatalf("once interactive: %d turns, want 2", *turns)
	}
}

func TestYieldIfLongStopsAfterAWhile(t *testing.T) {
	advance, turns := fakeSlices(t)
	StartSlices()
	advance(slicesAtMost + time.Millisecond)
	YieldIfLong()
	if *turns != 1 {
		t.Fatalf("%v after the start: %d turns, want 1 (a page that never got interactive renders whole)", slicesAtMost, *turns)
	}
}

package jsb

import (
	"sync"
	"time"
)

// sliceBudget is how long the start-up runs before it lets the browser
// in: a task longer than 50 ms is a long task (Lighthouse counts what is
// beyond that as blocking, and a phone runs the same code several times
// slower), so the start-up is cut well below it.
const sliceBudget = 12 * time.Millisecond

// slicesAtMost is how long after StartSlices the start-up still yields:
// a page that never becomes interactive (a bug) renders whole again, as
// go-app expects, after it.
const slicesAtMost = 10 * time.Second

// startup is the start-up's state: on from StartSlices to MarkInteractive.
// now and yield are the clock and the browser's turn (a fake in tests).
var startup = struct {
	sync.Mutex
	on            bool
	began, sliced time.Time
	now           func() time.Time
	yield         func()
}{now: time.Now, yield: yieldTask}

// StartSlices begins the app's start-up in slices: it ends the task the
// Go program started in (the module's instantiation, the runtime's and
// the packages' initialisation), and from then on, until the page is
// interactive (MarkInteractive), YieldIfLong gives the browser a turn
// whenever the start-up has run sliceBudget since the last one.
func StartSlices() {
	startup.yield()
	startup.Lock()
	defer startup.Unlock()
	startup.on = true
	startup.began = startup.now()
	startup.sliced = startup.began
}

// endSlices ends the start-up's slices: the page's later renders run
// whole.
func endSlices() {
	startup.Lock()
	defer startup.Unlock()
	startup.on = false
}

// YieldIfLong lets the browser run its own tasks (input, a frame, the
// next part of the download) when the start-up has run a slice's time
// since it last did, and returns when the browser gives the turn back.
// Outside the start-up it returns at once. Only the goroutine that
// mounts the page calls it, from a component's OnInit or Render: go-app
// builds the page detached and puts it in the document whole, so the
// page shown (the pre-rendered one) stays as it is in between.
func YieldIfLong() {
	startup.Lock()
	now := startup.now()
	if startup.on && now.Sub(startup.began) > slicesAtMost {
		startup.on = false
	}
	due := startup.on && now.Sub(startup.sliced) >= sliceBudget
	startup.Unlock()
	if !due {
		return
	}
	startup.yield()
	startup.Lock()
	startup.sliced = startup.now()
	startup.Unlock()
}

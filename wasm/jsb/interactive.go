package jsb

import "sync"

// InteractiveMark is the performance mark a page sets once it is drawn
// with its handlers attached: the browser tests time the start-up to it.
const InteractiveMark = "mqttviz-interactive"

var (
	interactiveMu   sync.Mutex
	interactiveDone bool
	interactiveNext []func()
)

// MarkInteractive sets InteractiveMark and then runs, once, what waits
// for the page to be interactive (AfterInteractive).
func MarkInteractive() {
	PerfMark(InteractiveMark)
	interactiveMu.Lock()
	next := interactiveNext
	interactiveNext, interactiveDone = nil, true
	interactiveMu.Unlock()
	for _, fn := range next {
		fn()
	}
}

// AfterInteractive runs fn once the page is interactive: at once if it
// is already, else on MarkInteractive. Work that is not the page's own
// start-up (filling the offline cache) waits for it.
func AfterInteractive(fn func()) {
	interactiveMu.Lock()
	if !interactiveDone {
		interactiveNext = append(interactiveNext, fn)
		interactiveMu.Unlock()
		return
	}
	interactiveMu.Unlock()
	fn()
}

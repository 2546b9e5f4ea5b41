//go:build js && wasm

package jsb

import (
	"sync"
	"time"

	"github.com/hack-pad/safejs"
)

// soon is the address ReplaceAddressSoon holds back: how to build it
// (nil for none), when the run of calls began and last went on, and
// whether a timer is set to look at it.
var soon struct {
	mu          sync.Mutex
	build       func() string
	first, last time.Time
	timer       bool
	// leave is set once the page's pagehide listener is added.
	leave bool
}

// ReplaceAddressSoon is ReplaceAddress of the address build makes, made
// once a run of calls pauses for AddressDelay (AddressMaxDelay after its
// first call at the latest) with the build of the last one, or at once
// when the page is left (pagehide) before; none when build gives "" (the
// app has opened another page since). A key held down steps many times
// a second; history.replaceState takes a few milliseconds of the main
// thread, which a step pressed during it waits for, and browsers ignore
// it called hundreds of times in a few seconds.
func ReplaceAddressSoon(build func() string) {
	now := time.Now()
	soon.mu.Lock()
	if soon.build == nil {
		soon.first = now
	}
	soon.build, soon.last = build, now
	timer, leave := soon.timer, soon.leave
	soon.timer, soon.leave = true, true
	soon.mu.Unlock()
	if !leave {
		if fn, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
			flushAddress()
			return nil
		}); err == nil {
			_, _ = safejs.Global().Call("addEventListener", "pagehide", fn.Value())
		}
	}
	if !timer {
		armAddress(AddressDelay)
	}
}

// armAddress calls addressTimer after wait, or writes the address at
// once if no timer can be set.
func armAddress(wait time.Duration) {
	cb, err := onceCallback(addressTimer)
	if err == nil {
		if _, err = safejs.Global().Call("setTimeout", cb.Value(), max(1, wait.Milliseconds())); err != nil {
			cb.Release()
		}
	}
	if err != nil {
		soon.mu.Lock()
		soon.timer = false
		soon.mu.Unlock()
		flushAddress()
	}
}

// addressTimer writes the held-back address if it is due, or waits
// again for the rest of the pause the run's last call began.
func addressTimer() {
	soon.mu.Lock()
	wait := addressDue(soon.first, soon.last, time.Now())
	held := soon.build != nil
	soon.timer = held && wait > 0
	soon.mu.Unlock()
	switch {
	case !held:
	case wait > 0:
		armAddress(wait)
	default:
		flushAddress()
	}
}

// flushAddress writes the address ReplaceAddressSoon holds back, if any.
func flushAddress() {
	soon.mu.Lock()
	build := soon.build
	soon.build = nil
	soon.mu.Unlock()
	if build == nil {
		return
	}
	if addr := build(); addr != "" {
		ReplaceAddress(addr)
	}
}

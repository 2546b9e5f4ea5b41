//go:build js && wasm

package jsb

import (
	"sync"

	"github.com/hack-pad/safejs"
)

// soon is the address ReplaceAddressSoon holds back: how to build it,
// and whether a timer will write it.
var soon struct {
	mu    sync.Mutex
	build func() string
	armed bool
	// leave is set once the page's pagehide listener is added.
	leave bool
}

// ReplaceAddressSoon is ReplaceAddress of the address build makes, made
// AddressDelay after the first call of a run of calls with the build of
// the last one, or at once when the page is left (pagehide) before; none
// when build gives "" (the app has opened another page since). A key
// held down steps many times a second; writing the address on each step
// cost a few milliseconds of every step, and browsers ignore
// history.replaceState called hundreds of times in a few seconds.
func ReplaceAddressSoon(build func() string) {
	soon.mu.Lock()
	soon.build = build
	armed, leave := soon.armed, soon.leave
	soon.armed, soon.leave = true, true
	soon.mu.Unlock()
	if !leave {
		if fn, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
			flushAddress()
			return nil
		}); err == nil {
			_, _ = safejs.Global().Call("addEventListener", "pagehide", fn.Value())
		}
	}
	if armed {
		return
	}
	cb, err := onceCallback(flushAddress)
	if err != nil {
		flushAddress()
		return
	}
	if _, err := safejs.Global().Call("setTimeout", cb.Value(), AddressDelay.Milliseconds()); err != nil {
		cb.Release()
		flushAddress()
	}
}

// flushAddress writes the address ReplaceAddressSoon holds back, if any.
func flushAddress() {
	soon.mu.Lock()
	build := soon.build
	soon.build, soon.armed = nil, false
	soon.mu.Unlock()
	if build == nil {
		return
	}
	if addr := build(); addr != "" {
		ReplaceAddress(addr)
	}
}

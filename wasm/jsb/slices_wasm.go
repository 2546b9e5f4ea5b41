//go:build js && wasm

package jsb

import (
	"sync"

	"github.com/hack-pad/safejs"
)

// taskPort is a MessageChannel whose messages are new tasks for the
// browser: unlike setTimeout's, they are not held back 4 ms once nested.
var taskPort struct {
	once sync.Once
	send safejs.Value
	next chan struct{}
	ok   bool
}

// yieldTask ends the current task and returns in a new one, after the
// browser has run what was waiting (input, a frame). When the channel
// cannot be made it returns at once.
func yieldTask() {
	p := &taskPort
	p.once.Do(func() {
		p.next = make(chan struct{}, 1)
		ctor, err := safejs.Global().Get("MessageChannel")
		if err != nil {
			return
		}
		ch, err := ctor.New()
		if err != nil {
			return
		}
		recv, err1 := ch.Get("port1")
		send, err2 := ch.Get("port2")
		if err1 != nil || err2 != nil {
			return
		}
		fn, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
			select {
			case p.next <- struct{}{}:
			default:
			}
			return nil
		})
		if err != nil {
			return
		}
		// The function lives as long as the page.
		if recv.Set("onmessage", fn.Value()) != nil {
			fn.Release()
			return
		}
		p.send, p.ok = send, true
	})
	if !p.ok {
		return
	}
	if _, err := p.send.Call("postMessage", 0); err != nil {
		return
	}
	<-p.next
}

//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// ListenBox hears the scroll box with the given id: onScroll after each
// scroll of it, onKey for each keydown in it (nil for none), both on the
// JavaScript event goroutine. A key onKey reports as its own goes no
// further: its default is prevented and no other listener hears it (the
// player's on the window). The listeners are the box's own, not
// go-app's: go-app renders a component and every parent of it after each
// event it handles, the whole page for a scroll, and its PreventUpdate,
// which avoids that, marks the component so that later events of it
// render nothing (go-app v9.8.0 clears the mark only when the component
// is updated). It returns the function that removes them and releases
// the Go functions.
func ListenBox(id string, onScroll func(), onKey func(KeyPress) bool) (release func()) {
	box, ok := element(id)
	if !ok {
		return func() {}
	}
	var fns []safejs.Func
	var events []string
	release = func() {
		for i, fn := range fns {
			_, _ = box.Call("removeEventListener", events[i], fn.Value())
			fn.Release()
		}
		fns, events = nil, nil
	}
	listen := func(event string, fn func(safejs.Value)) bool {
		f, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			if len(args) > 0 {
				fn(args[0])
			}
			return nil
		})
		if err != nil {
			return false
		}
		if _, err := box.Call("addEventListener", event, f.Value()); err != nil {
			f.Release()
			return false
		}
		fns, events = append(fns, f), append(events, event)
		return true
	}
	ok = listen("scroll", func(safejs.Value) { onScroll() })
	if ok && onKey != nil {
		ok = listen("keydown", func(ev safejs.Value) {
			if onKey(keyPress(ev)) {
				_, _ = ev.Call("preventDefault")
				_, _ = ev.Call("stopImmediatePropagation")
			}
		})
	}
	if !ok {
		release()
		return func() {}
	}
	return release
}

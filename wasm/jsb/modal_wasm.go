//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// focusable selects the elements the Tab key stops at.
const focusable = `a[href], button, textarea, input, select, [tabindex]:not([tabindex="-1"])`

// OpenModal shows the <dialog> with the given id as a modal dialog: the
// rest of the page is inert, Tab and Shift+Tab go round its controls and
// never leave it, and Escape calls onClose (on the JavaScript event
// goroutine) instead of closing it, so that the page closes it. Every key
// pressed inside is the dialog's: none reaches the page's shortcuts. It
// returns the function that closes the dialog, removes the listeners and
// moves the focus to the element with the id returnTo (the browser would
// give it back to whatever had it before, the page itself when a key
// opened the dialog).
func OpenModal(id, returnTo string, onClose func()) (release func()) {
	el, ok := element(id)
	if !ok {
		return func() {}
	}
	keys, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		_, _ = ev.Call("stopPropagation")
		switch stringProp(ev, "key") {
		case "Escape":
			_, _ = ev.Call("preventDefault")
			onClose()
		case "Tab":
			if wrapFocus(el, boolProp(ev, "shiftKey")) {
				_, _ = ev.Call("preventDefault")
			}
		}
		return nil
	})
	if err != nil {
		return func() {}
	}
	cancel, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) > 0 {
			_, _ = args[0].Call("preventDefault")
		}
		onClose()
		return nil
	})
	if err != nil {
		keys.Release()
		return func() {}
	}
	_, _ = el.Call("addEventListener", "keydown", keys.Value())
	_, _ = el.Call("addEventListener", "cancel", cancel.Value())
	if _, err := el.Call("showModal"); err != nil {
		_, _ = el.Call("setAttribute", "open", "")
	}
	return func() {
		_, _ = el.Call("removeEventListener", "keydown", keys.Value())
		_, _ = el.Call("removeEventListener", "cancel", cancel.Value())
		keys.Release()
		cancel.Release()
		_, _ = el.Call("close")
		Focus(returnTo)
	}
}

// wrapFocus moves the focus from the last control of el to its first
// (back: from the first to the last) and reports whether it did; inside
// the list the browser's own Tab moves it.
func wrapFocus(el safejs.Value, back bool) bool {
	list, err := el.Call("querySelectorAll", focusable)
	if err != nil {
		return false
	}
	n, err := intProp(list, "length")
	if err != nil || n == 0 {
		return false
	}
	var shown []safejs.Value
	for i := range n {
		c, err := list.Call("item", i)
		if err != nil || boolProp(c, "disabled") {
			continue
		}
		if rects, err := c.Call("getClientRects"); err == nil {
			if k, err := intProp(rects, "length"); err == nil && k > 0 {
				shown = append(shown, c)
			}
		}
	}
	if len(shown) == 0 {
		return false
	}
	first, last := shown[0], shown[len(shown)-1]
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return false
	}
	active, err := doc.Get("activeElement")
	if err != nil {
		return false
	}
	inside := false
	if has, err := el.Call("contains", active); err == nil {
		inside, _ = has.Bool()
	}
	from, to := last, first
	if back {
		from, to = first, last
	}
	if inside && !active.Equal(from) {
		return false
	}
	_, _ = to.Call("focus")
	return true
}

//go:build js && wasm

package jsb

// Focus moves the keyboard focus to the element with the given
// id, making it focusable by script (tabindex -1) if it is not, and
// brings it into view. A missing element leaves the focus where it is.
func Focus(id string) {
	el, ok := element(id)
	if !ok {
		return
	}
	if has, err := el.Call("hasAttribute", "tabindex"); err == nil {
		if b, err := has.Bool(); err == nil && !b {
			_, _ = el.Call("setAttribute", "tabindex", "-1")
		}
	}
	_, _ = el.Call("focus")
	_, _ = el.Call("scrollIntoView")
}

//go:build js && wasm

package ui

import "github.com/hack-pad/safejs"

// The scenario page's JavaScript calls, through safejs (see
// jsbridge_wasm.go); scenariojs_other.go is the native sibling.

// yieldThen gives control back to the browser and calls fn from a
// setTimeout(0) task: the browser paints, reads input and runs its
// animation frames in between. Neither a goroutine nor go-app's Async
// does that in Go's single-threaded WebAssembly. When the timer cannot be
// set, fn runs at once.
func yieldThen(fn func()) {
	var cb safejs.Func
	cb, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		cb.Release()
		fn()
		return nil
	})
	if err != nil {
		fn()
		return
	}
	if _, err := safejs.Global().Call("setTimeout", cb.Value(), 0); err != nil {
		cb.Release()
		fn()
	}
}

// selectInEditor focuses the textarea with the given id, selects the
// UTF-16 range [from, to) in it (what JavaScript's selection counts) and
// scrolls the box with the given id so that line (1-based) is in its
// middle, then brings that box into the window's view.
func selectInEditor(textareaID, boxID string, from, to, line int) {
	ta, ok := element(textareaID)
	if !ok {
		return
	}
	opts, err := safejs.Global().Get("Object")
	if err == nil {
		if o, err := opts.New(); err == nil {
			_ = o.Set("preventScroll", true)
			_, _ = ta.Call("focus", o)
		}
	}
	_, _ = ta.Call("setSelectionRange", from, to)
	box, ok := element(boxID)
	if !ok {
		return
	}
	if h, err := intProp(box, "clientHeight"); err == nil {
		_ = box.Set("scrollTop", max(0, (line-1)*editorLineHeight-h/2))
	}
	if o, err := opts.New(); err == nil {
		_ = o.Set("block", "nearest")
		_, _ = box.Call("scrollIntoView", o)
	}
}

// setValue sets the value of the text field with the given id. go-app
// would trim a value it sets (leading spaces shift line 1's columns, a
// final newline goes), and a textarea's markup holds no value anyway.
func setValue(id, v string) {
	if el, ok := element(id); ok {
		_ = el.Set("value", v)
	}
}

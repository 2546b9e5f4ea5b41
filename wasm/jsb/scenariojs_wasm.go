//go:build js && wasm

package jsb

import (
	"net/url"

	"github.com/hack-pad/safejs"
)

// The scenario page's JavaScript calls, through safejs (see
// jsbridge_wasm.go); scenariojs_other.go is the native sibling.

// YieldThen gives control back to the browser and calls fn from a
// setTimeout(0) task: the browser paints, reads input and runs its
// animation frames in between. Neither a goroutine nor go-app's Async
// does that in Go's single-threaded WebAssembly. When the timer cannot be
// set, fn runs at once.
func YieldThen(fn func()) {
	cb, err := onceCallback(fn)
	if err != nil {
		fn()
		return
	}
	if _, err := safejs.Global().Call("setTimeout", cb.Value(), 0); err != nil {
		cb.Release()
		fn()
	}
}

// SelectInEditor focuses the textarea with the given id, selects the
// UTF-16 range [from, to) in it (what JavaScript's selection counts) and
// scrolls the box with the given id so that line (1-based) is in its
// middle (lines lineHeight pixels tall), then brings that box into the
// window's view.
func SelectInEditor(textareaID, boxID string, from, to, line, lineHeight int) {
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
		_ = box.Set("scrollTop", max(0, (line-1)*lineHeight-h/2))
	}
	if o, err := opts.New(); err == nil {
		_ = o.Set("block", "nearest")
		_, _ = box.Call("scrollIntoView", o)
	}
}

// SetValue sets the value of the text field with the given id. go-app
// would trim a value it sets (leading spaces shift line 1's columns, a
// final newline goes), and a textarea's markup holds no value anyway.
func SetValue(id, v string) {
	if el, ok := element(id); ok {
		_ = el.Set("value", v)
	}
}

// ListenEditor hears the editor's box with the given id: onInput gets the
// text after each edit, onRun is called on Ctrl+Enter or Cmd+Enter (whose
// default, a new line, is prevented). Both are called on the JavaScript
// event goroutine. The listeners are the box's own, not go-app's: go-app
// renders a component and every parent of it after each event it handles,
// the whole page for a key press. It returns the function that removes
// them and releases the Go functions.
func ListenEditor(id string, onInput func(text string), onRun func()) (release func()) {
	box, ok := element(id)
	if !ok {
		return func() {}
	}
	input, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) > 0 {
			if target, err := args[0].Get("target"); err == nil && !target.IsNull() && !target.IsUndefined() {
				onInput(stringProp(target, "value"))
			}
		}
		return nil
	})
	if err != nil {
		return func() {}
	}
	key, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		if stringProp(ev, "key") == "Enter" && (boolProp(ev, "ctrlKey") || boolProp(ev, "metaKey")) {
			_, _ = ev.Call("preventDefault")
			onRun()
		}
		return nil
	})
	if err != nil {
		input.Release()
		return func() {}
	}
	_, err1 := box.Call("addEventListener", "input", input.Value())
	_, err2 := box.Call("addEventListener", "keydown", key.Value())
	release = func() {
		_, _ = box.Call("removeEventListener", "input", input.Value())
		_, _ = box.Call("removeEventListener", "keydown", key.Value())
		input.Release()
		key.Release()
	}
	if err1 != nil || err2 != nil {
		release()
		return func() {}
	}
	return release
}

// RepairAddresses keeps the page's address one that Go's url.Parse reads,
// now and after every move through the history (a link edited in the
// address bar): go-app parses it at start and on each navigation and
// stops the whole app on one it cannot read, such as a share link cut
// inside an escape. It must run before go-app starts, so that its
// listener comes before go-app's. fix rewrites an address url.Parse
// refuses into one it reads.
func RepairAddresses(fix func(string) string) {
	repairAddress(fix)
	fn, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		repairAddress(fix)
		return nil
	})
	if err != nil {
		return
	}
	// Never released: it lives as long as the app.
	_, _ = safejs.Global().Call("addEventListener", "popstate", fn.Value())
}

// repairAddress rewrites the address with fix, in place, when url.Parse
// refuses it and reads the result.
func repairAddress(fix func(string) string) {
	loc, err := safejs.Global().Get("location")
	if err != nil {
		return
	}
	href := stringProp(loc, "href")
	if _, err := url.Parse(href); err == nil || href == "" {
		return
	}
	fixed := fix(href)
	if _, err := url.Parse(fixed); err != nil {
		return
	}
	if history, err := safejs.Global().Get("history"); err == nil {
		_, _ = history.Call("replaceState", nil, "", fixed)
	}
}

// onceCallback is fn as a JavaScript function for one call: it releases
// itself when called.
func onceCallback(fn func()) (safejs.Func, error) {
	var cb safejs.Func
	cb, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		cb.Release()
		fn()
		return nil
	})
	return cb, err
}

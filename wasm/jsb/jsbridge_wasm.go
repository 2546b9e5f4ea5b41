//go:build js && wasm

package jsb

import (
	"mqttviz/wasm/i18n"
	"strconv"

	"github.com/hack-pad/safejs"
)

// The browser side of the few JavaScript calls the app makes beyond
// go-app's own. Every call goes through safejs, so a JavaScript exception
// is an error here, never a panic; errors are dropped because each call is
// a nicety (a performance mark, a scroll position) the page works without.

// PerfMark records a performance mark: the browser tests read them to time
// the first interactive render and each step.
func PerfMark(name string) {
	perf, err := safejs.Global().Get("performance")
	if err != nil || perf.IsUndefined() {
		return
	}
	_, _ = perf.Call("mark", name)
}

// PerfMeasure records the time from the mark start to now under name.
func PerfMeasure(name, start string) {
	perf, err := safejs.Global().Get("performance")
	if err != nil || perf.IsUndefined() {
		return
	}
	_, _ = perf.Call("measure", name, start)
}

// SetDocumentLang sets <html lang> so that screen readers and fonts follow
// the language switch.
func SetDocumentLang(lang string) {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return
	}
	root, err := doc.Get("documentElement")
	if err != nil || root.IsNull() {
		return
	}
	_ = root.Set("lang", i18n.Tag(lang))
}

// element returns the element with the given id, or false.
func element(id string) (safejs.Value, bool) {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return safejs.Undefined(), false
	}
	el, err := doc.Call("getElementById", id)
	if err != nil || el.IsNull() || el.IsUndefined() {
		return safejs.Undefined(), false
	}
	return el, true
}

// ScrollBox returns the scroll position and the visible height and width
// of the element with the given id.
func ScrollBox(id string) (top, height, width int, ok bool) {
	el, ok := element(id)
	if !ok {
		return 0, 0, 0, false
	}
	top, err1 := intProp(el, "scrollTop")
	height, err2 := intProp(el, "clientHeight")
	width, err3 := intProp(el, "clientWidth")
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, 0, 0, false
	}
	return top, height, width, true
}

// ScrollArea is ScrollBox with the sideways scroll position too.
func ScrollArea(id string) (top, left, height, width int, ok bool) {
	el, ok := element(id)
	if !ok {
		return 0, 0, 0, 0, false
	}
	var errs [4]error
	top, errs[0] = intProp(el, "scrollTop")
	left, errs[1] = intProp(el, "scrollLeft")
	height, errs[2] = intProp(el, "clientHeight")
	width, errs[3] = intProp(el, "clientWidth")
	for _, err := range errs {
		if err != nil {
			return 0, 0, 0, 0, false
		}
	}
	return top, left, height, width, true
}

// SetScroll scrolls the element with the given id to top and left.
func SetScroll(id string, top, left int) {
	if el, ok := element(id); ok {
		_ = el.Set("scrollTop", top)
		_ = el.Set("scrollLeft", left)
	}
}

func intProp(v safejs.Value, name string) (int, error) {
	p, err := v.Get(name)
	if err != nil {
		return 0, err
	}
	f, err := p.Float()
	return int(f), err
}

// SetScrollTop scrolls the element with the given id to top.
func SetScrollTop(id string, top int) {
	if el, ok := element(id); ok {
		_ = el.Set("scrollTop", top)
	}
}

// SetScrollTopOver sets the scroll position of the element with the
// given id after giving its first child (the pad that holds a long
// list's whole height) height CSS pixels: a list whose longer rows are
// not in the page yet would hold the scroll within its old height.
func SetScrollTopOver(id string, top, height int) {
	el, ok := element(id)
	if !ok {
		return
	}
	if pad, err := el.Get("firstElementChild"); err == nil && !pad.IsNull() && !pad.IsUndefined() {
		if style, err := pad.Get("style"); err == nil {
			_ = style.Set("height", strconv.Itoa(height)+"px")
		}
	}
	_ = el.Set("scrollTop", top)
}

// KeyPress is what the page needs from a keydown event.
type KeyPress struct {
	Key string
	// Tag is the tag name of the element the key went to.
	Tag string
	// Editable is set when that element is content editable.
	Editable bool
	// Modified is set when Ctrl, Alt or Meta is held.
	Modified bool
	// OwnKeys is set when that element is inside one marked with
	// OwnKeysAttr, whose controls keep their keys (Space presses a
	// button there).
	OwnKeys bool
}

// ListenKeys calls onKey for every keydown on the window, on the
// JavaScript event goroutine, and prevents the browser's default (page
// scroll) for the keys the player uses. It returns the function that
// removes the listener and releases the Go function.
func ListenKeys(onKey func(KeyPress) bool) (release func()) {
	win := safejs.Global()
	fn, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		kp := keyPress(ev)
		if onKey(kp) {
			_, _ = ev.Call("preventDefault")
		}
		return nil
	})
	if err != nil {
		return func() {}
	}
	if _, err := win.Call("addEventListener", "keydown", fn.Value()); err != nil {
		fn.Release()
		return func() {}
	}
	return func() {
		_, _ = win.Call("removeEventListener", "keydown", fn.Value())
		fn.Release()
	}
}

func stringProp(v safejs.Value, name string) string {
	p, err := v.Get(name)
	if err != nil || p.Type() != safejs.TypeString {
		return ""
	}
	s, _ := p.String()
	return s
}

func boolProp(v safejs.Value, name string) bool {
	p, err := v.Get(name)
	if err != nil || p.Type() != safejs.TypeBoolean {
		return false
	}
	b, _ := p.Bool()
	return b
}

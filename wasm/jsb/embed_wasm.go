//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// The embed's side of the messages between an embed and the page that
// embeds it (docs/embed.md). The frame posts to its parent only, and
// reads only messages whose source is its parent window.

// parentWindow returns the window that embeds this page, and false when
// the page is no frame (its parent is itself).
func parentWindow() (safejs.Value, bool) {
	win := safejs.Global()
	parent, err := win.Get("parent")
	if err != nil || parent.IsNull() || parent.IsUndefined() || parent.Equal(win) {
		return safejs.Undefined(), false
	}
	return parent, true
}

// InFrame reports whether the page is embedded in another window.
func InFrame() bool {
	_, ok := parentWindow()
	return ok
}

// PostToParent posts msg (strings, numbers and booleans) to the window
// that embeds this page, whatever its origin: what an embed posts is
// public (a height, a step, a language). A page in no frame posts
// nothing.
func PostToParent(msg map[string]any) {
	parent, ok := parentWindow()
	if !ok {
		return
	}
	v, err := safejs.ValueOf(msg)
	if err != nil {
		return
	}
	_, _ = parent.Call("postMessage", v, "*")
}

// ListenParent calls on with every message the parent window posts to
// this page, read as a ParentMessage; a message from any other window (a
// sibling frame, a window this page opened, the page itself) or one
// whose data is no plain object is dropped here. release removes the
// listener.
func ListenParent(on func(ParentMessage)) (release func()) {
	parent, ok := parentWindow()
	if !ok {
		return func() {}
	}
	win := safejs.Global()
	fn, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		src, err := ev.Get("source")
		if err != nil || !src.Equal(parent) {
			return nil
		}
		data, err := ev.Get("data")
		if err != nil || data.Type() != safejs.TypeObject || data.IsNull() || isArray(data) {
			return nil
		}
		on(parentMessage(data))
		return nil
	})
	if err != nil {
		return func() {}
	}
	if _, err := win.Call("addEventListener", "message", fn.Value()); err != nil {
		fn.Release()
		return func() {}
	}
	return func() {
		_, _ = win.Call("removeEventListener", "message", fn.Value())
		fn.Release()
	}
}

// isArray reports whether v is a JavaScript array.
func isArray(v safejs.Value) bool {
	array, err := safejs.Global().Get("Array")
	if err != nil {
		return true
	}
	is, err := array.Call("isArray", v)
	if err != nil {
		return true
	}
	b, err := is.Bool()
	return err != nil || b
}

// parentMessage reads the fields an embed knows, each only with its type.
func parentMessage(data safejs.Value) ParentMessage {
	m := ParentMessage{Type: stringProp(data, "type"), Lang: stringProp(data, "lang")}
	m.V, m.HasV = numberProp(data, "v")
	m.Step, m.HasStep = numberProp(data, "step")
	return m
}

// numberProp returns v[name] and true when it is a number.
func numberProp(v safejs.Value, name string) (float64, bool) {
	p, err := v.Get(name)
	if err != nil || p.Type() != safejs.TypeNumber {
		return 0, false
	}
	f, err := p.Float()
	return f, err == nil
}

// WatchHeight calls on with the height of the page's content (its body,
// in CSS pixels, rounded up) now and whenever it changes. release stops
// watching.
func WatchHeight(on func(height int)) (release func()) {
	win := safejs.Global()
	doc, err := win.Get("document")
	if err != nil {
		return func() {}
	}
	body, err := doc.Get("body")
	if err != nil || body.IsNull() {
		return func() {}
	}
	last := -1
	fn, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		box, err := body.Call("getBoundingClientRect")
		if err != nil {
			return nil
		}
		h, ok := numberProp(box, "height")
		if !ok {
			return nil
		}
		n := int(h)
		if float64(n) < h {
			n++
		}
		if n != last {
			last = n
			on(n)
		}
		return nil
	})
	if err != nil {
		return func() {}
	}
	ctor, err := win.Get("ResizeObserver")
	if err != nil || ctor.IsUndefined() {
		fn.Release()
		return func() {}
	}
	obs, err := ctor.New(fn.Value())
	if err != nil {
		fn.Release()
		return func() {}
	}
	if _, err := obs.Call("observe", body); err != nil {
		fn.Release()
		return func() {}
	}
	// The height now too: a browser may not observe a frame out of sight.
	_, _ = fn.Value().Invoke()
	return func() {
		_, _ = obs.Call("disconnect")
		fn.Release()
	}
}

//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// typedField is what a visitor put in one form field of the page the
// server pre-rendered, before the app took the page over: the field's
// id, its text (a text box or a list's choice) or whether it is ticked.
type typedField struct {
	id      string
	value   string
	checked bool
	box     bool // a tick box or radio button: checked, not value, counts
}

// typedFocus is the field that had the keyboard focus, with its caret.
type typedFocus struct {
	id         string
	start, end int
	caret      bool
}

var (
	typed      []typedField
	typedFocal typedFocus
)

// KeepTyped notes what the visitor typed, ticked or chose in the page the
// server pre-rendered, in every field with an id whose value is no longer
// the one the page came with, and which field had the focus: go-app
// replaces that page with its own, and on a slow connection a visitor
// may well have started typing in it. Call it just before go-app starts;
// RestoreTyped puts it all back.
func KeepTyped() {
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return
	}
	list, err := doc.Call("querySelectorAll", "input[id], textarea[id], select[id]")
	if err != nil {
		return
	}
	n, err := intProp(list, "length")
	if err != nil {
		return
	}
	for i := 0; i < n; i++ {
		el, err := list.Index(i)
		if err != nil {
			continue
		}
		if f, ok := changedField(el); ok {
			typed = append(typed, f)
		}
	}
	if active, err := doc.Get("activeElement"); err == nil && !active.IsNull() && !active.IsUndefined() {
		typedFocal.id = stringProp(active, "id")
		if start, err := intProp(active, "selectionStart"); err == nil {
			end, _ := intProp(active, "selectionEnd")
			typedFocal.start, typedFocal.end, typedFocal.caret = start, end, true
		}
	}
}

// changedField reports what el holds if the visitor changed it.
func changedField(el safejs.Value) (typedField, bool) {
	f := typedField{id: stringProp(el, "id")}
	switch stringProp(el, "type") {
	case "checkbox", "radio":
		f.box, f.checked = true, boolProp(el, "checked")
		return f, f.checked != boolProp(el, "defaultChecked")
	case "file", "button", "submit", "reset", "hidden", "image":
		return f, false
	}
	f.value = stringProp(el, "value")
	if stringProp(el, "tagName") == "SELECT" {
		return f, changedChoice(el)
	}
	return f, f.value != stringProp(el, "defaultValue")
}

// changedChoice reports whether a list's choice is not the one the page
// came with.
func changedChoice(el safejs.Value) bool {
	options, err := el.Get("options")
	if err != nil {
		return false
	}
	n, err := intProp(options, "length")
	if err != nil {
		return false
	}
	for i := 0; i < n; i++ {
		o, err := options.Index(i)
		if err == nil && boolProp(o, "selected") != boolProp(o, "defaultSelected") {
			return true
		}
	}
	return false
}

// RestoreTyped puts what KeepTyped noted in the app's fields of the same
// ids, telling the app of each as the browser tells it of typing (an
// input and a change event), and gives the focus back, caret included.
// A field the app does not have is left.
func RestoreTyped() {
	for _, f := range typed {
		el, ok := element(f.id)
		if !ok {
			continue
		}
		if f.box {
			_ = el.Set("checked", f.checked)
		} else {
			_ = el.Set("value", f.value)
		}
		for _, name := range []string{"input", "change"} {
			dispatch(el, name)
		}
	}
	typed = nil
	if el, ok := element(typedFocal.id); ok {
		_, _ = el.Call("focus")
		if typedFocal.caret {
			_, _ = el.Call("setSelectionRange", typedFocal.start, typedFocal.end)
		}
	}
	typedFocal = typedFocus{}
}

// dispatch sends el an event of the given name that bubbles, as the
// browser's own.
func dispatch(el safejs.Value, name string) {
	ctor, err := safejs.Global().Get("Event")
	if err != nil {
		return
	}
	opts, err := safejs.ValueOf(map[string]any{"bubbles": true})
	if err != nil {
		return
	}
	ev, err := ctor.New(name, opts)
	if err != nil {
		return
	}
	_, _ = el.Call("dispatchEvent", ev)
}

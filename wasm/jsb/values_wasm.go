//go:build js && wasm

package jsb

import (
	"github.com/hack-pad/safejs"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// StringProp is v's property name as a string ("" when it is not one):
// an input's value, a key event's key.
func StringProp(v app.Value, name string) string {
	return stringProp(safejs.Safe(app.JSValue(v)), name)
}

// IntProp is v's property name as an int (0 when it is not a number): a
// text area's textLength.
func IntProp(v app.Value, name string) int {
	n, _ := intProp(safejs.Safe(app.JSValue(v)), name)
	return n
}

// FieldValue is the value of the form field with the given id, and
// whether the page has that field.
func FieldValue(id string) (string, bool) {
	el, ok := element(id)
	if !ok {
		return "", false
	}
	return stringProp(el, "value"), true
}

// BoolProp is v's property name as a bool (false when it is not one): a
// check box's checked.
func BoolProp(v app.Value, name string) bool {
	return boolProp(safejs.Safe(app.JSValue(v)), name)
}

// Key is what a handler needs from a keydown event e.
func Key(e app.Value) KeyPress {
	return keyPress(safejs.Safe(app.JSValue(e)))
}

// keyPress reads a keydown event.
func keyPress(ev safejs.Value) KeyPress {
	kp := KeyPress{Key: stringProp(ev, "key")}
	kp.Modified = boolProp(ev, "ctrlKey") || boolProp(ev, "altKey") || boolProp(ev, "metaKey")
	if target, err := ev.Get("target"); err == nil && !target.IsNull() && !target.IsUndefined() {
		kp.Tag = stringProp(target, "tagName")
		kp.Editable = boolProp(target, "isContentEditable")
		if own, err := target.Call("closest", "["+OwnKeysAttr+"]"); err == nil && !own.IsNull() && !own.IsUndefined() {
			kp.OwnKeys = true
		}
	}
	return kp
}

// ScrollIntoView scrolls the element with the given id into the window's
// view.
func ScrollIntoView(id string) {
	if el, ok := element(id); ok {
		_, _ = el.Call("scrollIntoView")
	}
}

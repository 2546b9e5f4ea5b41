//go:build js && wasm

package jsb

import (
	"strconv"

	"github.com/hack-pad/safejs"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// DataIndex is the number in attribute data-<attr> of the element of
// event ev's end (EventTarget: where the pointer or focus is now;
// EventRelated: where it came from or goes to) or of its nearest
// ancestor with the attribute, provided that element is inside box: the
// item of a list one listener on box serves (event delegation), instead
// of a listener on every item. ok is false when the end is in no item
// of box.
func DataIndex(ev, box app.Value, end EventEnd, attr string) (i int, ok bool) {
	e := safejs.Safe(app.JSValue(ev))
	el, err := e.Get(string(end))
	if err != nil || el.IsNull() || el.IsUndefined() {
		return 0, false
	}
	// Pointer and focus events end at elements; anything else has no
	// closest, and the call fails.
	item, ok := callElem(el, "closest", "[data-"+attr+"]")
	if !ok {
		return 0, false
	}
	in, err := safejs.Safe(app.JSValue(box)).Call("contains", item)
	if err != nil {
		return 0, false
	}
	if inside, err := in.Bool(); err != nil || !inside {
		return 0, false
	}
	v, err := item.Call("getAttribute", "data-"+attr)
	if err != nil || v.Type() != safejs.TypeString {
		return 0, false
	}
	text, _ := v.String()
	n, err := strconv.Atoi(text)
	return n, err == nil
}

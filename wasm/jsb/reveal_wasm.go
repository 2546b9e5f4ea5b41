//go:build js && wasm

package jsb

import (
	"strconv"

	"github.com/hack-pad/safejs"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// RevealField scrolls field i of the inspector that holds from (an
// element of it, such as a hovered byte) into view inside the nearest box
// that scrolls it, and the part of that box the window shows; it moves
// nothing else: not the page, not an outer box. A field already in view,
// or one no box scrolls, stays put.
func RevealField(from app.Value, i int) {
	src := safejs.Safe(app.JSValue(from))
	insp, ok := callElem(src, "closest", ".inspector")
	if !ok {
		return
	}
	el, ok := callElem(insp, "querySelector", `[data-field="`+strconv.Itoa(i)+`"]`)
	if !ok {
		return
	}
	box, ok := scrollingAncestor(el)
	if !ok {
		return
	}
	er, ok1 := callElem(el, "getBoundingClientRect")
	br, ok2 := callElem(box, "getBoundingClientRect")
	if !ok1 || !ok2 {
		return
	}
	top, err1 := intProp(er, "top")
	bottom, err2 := intProp(er, "bottom")
	boxTop, err3 := intProp(br, "top")
	boxBottom, err4 := intProp(br, "bottom")
	scroll, err5 := intProp(box, "scrollTop")
	winH, err6 := intProp(safejs.Global(), "innerHeight")
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || err5 != nil || err6 != nil {
		return
	}
	// What of the box the window shows: a box taller than the window
	// reveals into the part in sight.
	boxTop, boxBottom = max(boxTop, 0), min(boxBottom, winH)
	if d, move := revealDelta(top-boxTop, bottom-boxTop, boxBottom-boxTop); move {
		_ = box.Set("scrollTop", scroll+d)
	}
}

// scrollingAncestor is the nearest ancestor of el below <body> whose
// content scrolls up and down.
func scrollingAncestor(el safejs.Value) (safejs.Value, bool) {
	win := safejs.Global()
	for {
		p, err := el.Get("parentElement")
		if err != nil || p.IsNull() || p.IsUndefined() || stringProp(p, "tagName") == "BODY" {
			return safejs.Undefined(), false
		}
		el = p
		style, err := win.Call("getComputedStyle", el)
		if err != nil {
			continue
		}
		if o := stringProp(style, "overflowY"); o != "auto" && o != "scroll" {
			continue
		}
		sh, err1 := intProp(el, "scrollHeight")
		ch, err2 := intProp(el, "clientHeight")
		if err1 == nil && err2 == nil && sh > ch {
			return el, true
		}
	}
}

// callElem calls method on v and returns the element or object it gives.
func callElem(v safejs.Value, method string, args ...any) (safejs.Value, bool) {
	r, err := v.Call(method, args...)
	if err != nil || r.IsNull() || r.IsUndefined() {
		return safejs.Undefined(), false
	}
	return r, true
}

//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// pressesName is the object app.js keeps the reader's presses in while
// the page is the one the server pre-rendered (cmd/mqttviz/loader.js).
const pressesName = "mqttvizPresses"

// KeepPresses stops noting the reader's clicks and keys in the
// pre-rendered page and keeps those noted for ReplayPresses. Call it
// just before go-app replaces the page.
func KeepPresses() { callPresses("stop") }

// ReplayPresses presses again, in the app's page, what the reader
// pressed in the pre-rendered one: the same buttons and options by id,
// the same keys, in order, a frame apart. Call it once the page is
// interactive, after RestoreTyped has given the focus back.
func ReplayPresses() { callPresses("replay") }

// callPresses calls method of the presses' object, if app.js made one.
func callPresses(method string) {
	p, err := safejs.Global().Get(pressesName)
	if err != nil || p.Type() != safejs.TypeObject {
		return
	}
	_, _ = p.Call(method)
}

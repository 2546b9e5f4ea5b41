//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// ReplaceAddress puts addr (a path with its query and fragment) in the
// address bar in place of the current address, with
// history.replaceState: no history entry is added, so Back still leaves
// the page, and nothing is loaded or navigated.
func ReplaceAddress(addr string) {
	history, err := safejs.Global().Get("history")
	if err != nil || history.IsUndefined() {
		return
	}
	_, _ = history.Call("replaceState", nil, "", addr)
}

// AddressPath is the path of the page's address as the browser has it
// (location.pathname, percent-encoded), "" if it cannot be read.
func AddressPath() string {
	loc, err := safejs.Global().Get("location")
	if err != nil {
		return ""
	}
	return stringProp(loc, "pathname")
}

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

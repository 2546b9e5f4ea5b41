//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// StoredItem returns the value localStorage keeps under key, as go-app's
// ctx.LocalStorage() wrote it (JSON), and whether there is one: for a
// component that reads it before it has a context (OnInit).
func StoredItem(key string) (string, bool) {
	storage, err := safejs.Global().Get("localStorage")
	if err != nil || storage.IsUndefined() || storage.IsNull() {
		return "", false
	}
	item, err := storage.Call("getItem", key)
	if err != nil || item.Type() != safejs.TypeString {
		return "", false
	}
	s, err := item.String()
	return s, err == nil
}

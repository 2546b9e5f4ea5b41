//go:build !(js && wasm)

package jsb

// StoredItem finds nothing outside the browser.
func StoredItem(string) (string, bool) { return "", false }

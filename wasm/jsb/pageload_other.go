//go:build !(js && wasm)

package jsb

// ReloadIfOpenedInPlace does nothing outside a browser: there is no page
// to load.
func ReloadIfOpenedInPlace() bool { return false }

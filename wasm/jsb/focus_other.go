//go:build !(js && wasm)

package jsb

// Focus has no focus to move outside a browser (focus_wasm.go).
func Focus(string) {}

//go:build !(js && wasm)

package jsb

// KeepTyped has no page to read outside a browser (typed_wasm.go).
func KeepTyped() {}

// RestoreTyped has no page to write outside a browser (typed_wasm.go).
func RestoreTyped() {}

//go:build !(js && wasm)

package jsb

// KeepPresses has no page to read outside a browser (presses_wasm.go).
func KeepPresses() {}

// ReplayPresses has no page to press outside a browser (presses_wasm.go).
func ReplayPresses() {}

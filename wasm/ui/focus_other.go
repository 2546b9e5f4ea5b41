//go:build !(js && wasm)

package ui

// focusElement has no focus to move outside a browser (focus_wasm.go).
func focusElement(string) {}

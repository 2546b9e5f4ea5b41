//go:build !(js && wasm)

package ui

// AwaitPaint has no page to wait for outside the browser.
func AwaitPaint() {}

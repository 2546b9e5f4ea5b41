//go:build !(js && wasm)

package jsb

// AwaitPaint has no page to wait for outside the browser.
func AwaitPaint() {}

//go:build !(js && wasm)

package jsb

// yieldTask has no browser to yield to outside it.
func yieldTask() {}

//go:build !(js && wasm)

package jsb

// ListenBox has no box to hear outside the browser.
func ListenBox(string, func(), func(KeyPress) bool) (release func()) { return func() {} }

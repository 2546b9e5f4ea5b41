//go:build !(js && wasm)

package jsb

// OpenModal has no dialog to show outside a browser (modal_wasm.go).
func OpenModal(string, string, func()) (release func()) { return func() {} }

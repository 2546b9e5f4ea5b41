//go:build !(js && wasm)

package jsb

// CopyText has no clipboard outside a browser (clipboard_wasm.go): done
// gets ErrNoClipboard.
func CopyText(_ string, done func(error)) { done(ErrNoClipboard) }

// SelectText has no text to select outside a browser.
func SelectText(string) {}

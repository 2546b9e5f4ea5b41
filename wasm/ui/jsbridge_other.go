//go:build !(js && wasm)

package ui

// Native siblings of jsbridge_wasm.go: the server pre-renders pages and
// the component tests run without a browser, where these calls have
// nothing to act on.

func perfMark(string)                        {}
func perfMeasure(string, string)             {}
func setDocumentLang(string)                 {}
func setScrollTop(string, int)               {}
func scrollBox(string) (int, int, int, bool) { return 0, 0, 0, false }
func setScroll(string, int, int)             {}

func scrollArea(string) (int, int, int, int, bool) { return 0, 0, 0, 0, false }

// keyPress is what the page needs from a keydown event.
type keyPress struct {
	Key      string
	Tag      string
	Editable bool
	Modified bool
}

func listenKeys(func(keyPress) bool) (release func()) { return func() {} }

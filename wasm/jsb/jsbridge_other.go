//go:build !(js && wasm)

package jsb

// Native siblings of jsbridge_wasm.go: the server pre-renders pages and
// the component tests run without a browser, where these calls have
// nothing to act on.

func PerfMark(string)                        {}
func PerfMeasure(string, string)             {}
func SetDocumentLang(string)                 {}
func SetScrollTop(string, int)               {}
func SetScrollTopOver(string, int, int)      {}
func ScrollBox(string) (int, int, int, bool) { return 0, 0, 0, false }
func SetScroll(string, int, int)             {}

func ScrollArea(string) (int, int, int, int, bool) { return 0, 0, 0, 0, false }

// KeyPress is what the page needs from a keydown event.
type KeyPress struct {
	Key      string
	Tag      string
	Editable bool
	Modified bool
	OwnKeys  bool
}

func ListenKeys(func(KeyPress) bool) (release func()) { return func() {} }

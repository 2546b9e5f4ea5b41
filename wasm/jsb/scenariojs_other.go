//go:build !(js && wasm)

package jsb

// Native siblings of scenariojs_wasm.go: the server pre-renders the page
// and the component tests run it without a browser.

// YieldThen calls fn at once: there is no event loop to give control to.
func YieldThen(fn func()) { fn() }

func SelectInEditor(string, string, int, int, int, int) {}

func SetValue(string, string) {}

func ListenEditor(string, func(string), func()) (release func()) { return func() {} }

func RepairAddresses(func(string) string) {}

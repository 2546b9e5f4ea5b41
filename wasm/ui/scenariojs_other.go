//go:build !(js && wasm)

package ui

// Native siblings of scenariojs_wasm.go: the server pre-renders the page
// and the component tests run it without a browser.

// yieldThen calls fn at once: there is no event loop to give control to.
func yieldThen(fn func()) { fn() }

func selectInEditor(string, string, int, int, int) {}

func setValue(string, string) {}

func listenEditor(string, func(string), func()) (release func()) { return func() {} }

func repairAddresses() {}

//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// ReloadIfOpenedInPlace loads the current address from the server when
// the app opened it in place (go-app's navigation, history.pushState)
// and not the browser: a page of the site that is not the app's, the
// documentation under /docs/, then shows as the server wrote it. On the
// address the document itself was loaded from it does nothing, since the
// server answered that with the app and a reload would loop. It reports
// whether it reloads.
func ReloadIfOpenedInPlace() bool {
	loc, err := safejs.Global().Get("location")
	if err != nil {
		return false
	}
	if here := stringProp(loc, "pathname"); here == "" || here == loadedPath() {
		return false
	}
	_, err = loc.Call("reload")
	return err == nil
}

// loadedPath is the path of the address the document was loaded from
// (the navigation's performance entry), or "" if the browser does not
// say.
func loadedPath() string {
	perf, err := safejs.Global().Get("performance")
	if err != nil || perf.IsUndefined() {
		return ""
	}
	entries, err := perf.Call("getEntriesByType", "navigation")
	if err != nil {
		return ""
	}
	first, err := entries.Index(0)
	if err != nil || first.IsUndefined() {
		return ""
	}
	name := stringProp(first, "name")
	if name == "" {
		return ""
	}
	url, err := safejs.Global().Get("URL")
	if err != nil {
		return ""
	}
	u, err := url.New(name)
	if err != nil {
		return ""
	}
	return stringProp(u, "pathname")
}

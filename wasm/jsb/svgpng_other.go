//go:build !(js && wasm)

package jsb

// Native sibling of svgpng_wasm.go: there is no canvas to draw on.

// DownloadSVGAsPNG has no browser to draw in: it calls done with nil.
func DownloadSVGAsPNG(name, svg string, scale int, done func(error)) { done(nil) }

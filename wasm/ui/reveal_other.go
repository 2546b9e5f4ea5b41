//go:build !(js && wasm)

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// revealField has no page to scroll outside a browser (reveal_wasm.go).
func revealField(app.Value, int) {}

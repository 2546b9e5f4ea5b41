//go:build !(js && wasm)

package jsb

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// RevealField has no page to scroll outside a browser (reveal_wasm.go).
func RevealField(app.Value, int) {}

//go:build !(js && wasm)

package jsb

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// DataIndex finds no item outside a browser (delegate_wasm.go).
func DataIndex(ev, box app.Value, end EventEnd, attr string) (int, bool) { return 0, false }

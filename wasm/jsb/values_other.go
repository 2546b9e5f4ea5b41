//go:build !(js && wasm)

package jsb

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Native siblings of values_wasm.go: no JavaScript value to read.

func StringProp(app.Value, string) string { return "" }
func IntProp(app.Value, string) int       { return 0 }
func BoolProp(app.Value, string) bool     { return false }
func FieldValue(string) (string, bool)    { return "", false }
func Key(app.Value) KeyPress              { return KeyPress{} }
func ScrollIntoView(string)               {}

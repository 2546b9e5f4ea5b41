//go:build !(js && wasm)

package jsb

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// Native siblings of files_wasm.go: no file to read, nothing to save.

func ReadChosenFile(app.Value, int64, func(OpenedFile)) bool  { return false }
func ReadDroppedFile(app.Value, int64, func(OpenedFile)) bool { return false }
func TextOf(string) string                                    { return "" }
func Download(string, string, []byte) error                   { return nil }

// Command wasm is the mqttviz browser app's entry point, built with
// GOOS=js GOARCH=wasm into web/app.wasm. The pages live in package ui.
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/wasm/jsb"
	"mqttviz/wasm/ui"
)

func main() {
	// The browser tests time the app's start-up from this mark.
	jsb.PerfMark("mqttviz-start")
	ui.Register()
	// Let the pre-rendered page paint before go-app builds its own.
	jsb.AwaitPaint()
	// What the visitor typed and pressed in that page meanwhile goes
	// into the app's.
	jsb.KeepTyped()
	jsb.KeepPresses()
	jsb.AfterInteractive(func() {
		jsb.RestoreTyped()
		jsb.ReplayPresses()
	})
	app.RunWhenOnBrowser()
}

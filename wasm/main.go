// Command wasm is the mqttviz browser app's entry point, built with
// GOOS=js GOARCH=wasm into web/app.wasm. The pages live in package ui.
package main

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/wasm/jsb"
	"mqttviz/wasm/ui"
)

func main() {
	ui.Register()
	// Let the pre-rendered page paint before go-app builds its own. The
	// start-up runs in a few tasks, the browser's own in between: the
	// Go program's start, the lesson's run, go-app's mount of the page
	// (and the page's first update: lessonPage.OnMount).
	jsb.AwaitPaint()
	jsb.Yield()
	ui.Prepare()
	jsb.Yield()
	app.RunWhenOnBrowser()
}

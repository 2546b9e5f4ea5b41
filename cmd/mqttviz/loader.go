package main

import (
	"bytes"
	_ "embed"
	"fmt"
)

// goappStart is the line of go-app's app.js that starts fetching,
// compiling and running app.wasm as soon as the script runs.
const goappStart = "\ngoappInitWebAssembly();\n"

// loaderJS is mqttviz's part of app.js: mqttvizAfterFirstPaint and
// mqttvizKeepPresses.
//
//go:embed loader.js
var loaderJS string

// loaderStart is what runs of loaderJS when app.js does: the reader's
// presses are kept from then on (window.mqttvizPresses, which the app
// stops and replays: wasm/jsb/presses_wasm.go), and go-app's loader
// starts once the pre-rendered page has painted.
const loaderStart = `
window.mqttvizPresses = mqttvizKeepPresses();
mqttvizAfterFirstPaint(goappInitWebAssembly);
`

// fixLoader makes go-app's app.js start the app after the first paint
// and keep the reader's presses until then (loaderJS). The line must be
// found exactly once: a go-app that starts otherwise fails here, not
// silently.
func fixLoader(appJS []byte) ([]byte, error) {
	if n := bytes.Count(appJS, []byte(goappStart)); n != 1 {
		return nil, fmt.Errorf("go-app's loader start found %d times in app.js, want once", n)
	}
	return bytes.Replace(appJS, []byte(goappStart), []byte(loaderStart+"\n"+loaderJS), 1), nil
}

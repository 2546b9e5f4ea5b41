package main

import (
	"bytes"
	"fmt"
)

// goappStart is the line of go-app's app.js that starts fetching,
// compiling and running app.wasm as soon as the script runs.
const goappStart = "\ngoappInitWebAssembly();\n"

// afterFirstPaint starts go-app's loader once the pre-rendered page has
// painted: the 2.6 MB module's download, decompression and compile then
// never compete with the first paint, on a phone's two cores or a slow
// network. A hidden page never paints, and a browser that cannot say
// when it painted does not wait; neither does any page for more than 2 s.
const afterFirstPaint = `
mqttvizAfterFirstPaint(goappInitWebAssembly);

// mqttviz: app.wasm is fetched once the page has painted (cmd/mqttviz/loader.go).
function mqttvizAfterFirstPaint(start) {
  let started = false;
  const go = () => {
    if (!started) {
      started = true;
      start();
    }
  };
  const painted = () => performance.getEntriesByName("first-contentful-paint").length > 0;
  const canTell = typeof PerformanceObserver !== "undefined" &&
    (PerformanceObserver.supportedEntryTypes || []).includes("paint");
  if (document.visibilityState === "hidden" || !canTell || painted()) {
    go();
    return;
  }
  const observer = new PerformanceObserver(() => {
    if (painted()) {
      observer.disconnect();
      go();
    }
  });
  observer.observe({ type: "paint", buffered: true });
  setTimeout(go, 2000);
}
`

// fixLoader makes go-app's app.js start the app after the first paint
// (afterFirstPaint). The line must be found exactly once: a go-app that
// starts otherwise fails here, not silently.
func fixLoader(appJS []byte) ([]byte, error) {
	if n := bytes.Count(appJS, []byte(goappStart)); n != 1 {
		return nil, fmt.Errorf("go-app's loader start found %d times in app.js, want once", n)
	}
	return bytes.Replace(appJS, []byte(goappStart), []byte(afterFirstPaint), 1), nil
}

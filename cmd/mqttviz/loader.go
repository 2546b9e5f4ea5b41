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

// goappEnqueue is the line of go-app's app.js that hands a piece of
// app.wasm, as the network delivered it, to the compiler.
const goappEnqueue = "controller.enqueue(value);"

// enqueueInSlices hands the module to the compiler in slices of
// mqttvizSlice bytes, each in a task of its own: the browser decodes
// what it is handed at once, on the page's thread, and the network's
// pieces of a megabyte, several in one task, held it for tens of
// milliseconds each.
const enqueueInSlices = "await mqttvizEnqueue(controller, value);"

const enqueueFunc = `
// mqttviz: app.wasm goes to the compiler a slice at a time, each in a task
// of its own (cmd/mqttviz/loader.go). A posted message starts the next
// task: timers nested this deep wait 4 ms each.
const mqttvizSlice = 128 * 1024;
const mqttvizNextTask = () => new Promise((next) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => next();
  channel.port2.postMessage(null);
});
let mqttvizSliced = false;
async function mqttvizEnqueue(controller, value) {
  for (let at = 0; at < value.byteLength; at += mqttvizSlice) {
    if (mqttvizSliced) {
      await mqttvizNextTask();
    }
    mqttvizSliced = true;
    controller.enqueue(value.subarray(at, at + mqttvizSlice));
  }
}
`

// fixLoader makes go-app's app.js start the app after the first paint
// (afterFirstPaint) and hand the module over in slices (enqueueInSlices).
// Each line must be found exactly once: a go-app that loads otherwise
// fails here, not silently.
func fixLoader(appJS []byte) ([]byte, error) {
	for _, line := range []string{goappStart, goappEnqueue} {
		if n := bytes.Count(appJS, []byte(line)); n != 1 {
			return nil, fmt.Errorf("go-app's loader line %q found %d times in app.js, want once", line, n)
		}
	}
	appJS = bytes.Replace(appJS, []byte(goappEnqueue), []byte(enqueueInSlices), 1)
	return bytes.Replace(appJS, []byte(goappStart), []byte(afterFirstPaint+enqueueFunc), 1), nil
}

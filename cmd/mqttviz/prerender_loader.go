package main

import (
	"bytes"
	"fmt"
	"regexp"
)

// goappInstantiate is where go-app v9.8.0's loader (app.js) fetches,
// compiles and instantiates app.wasm on the page's main thread; its
// group 1 is the module's address.
var goappInstantiate = regexp.MustCompile(`await instantiateStreaming\(\s*fetchWithProgress\(("[^"]*"), showProgress\),\s*go\.importObject\s*\)`)

// workerInstantiate instantiates the module web/wasm-boot.js had a worker
// compile since the page's head was read (window.mqttvizWasm). Where
// there is none (an embed's poster loads app.js itself) or the worker
// failed, it does what go-app does: fetch and compile on the page.
const workerInstantiate = `
// mqttviz: app.wasm is compiled in a worker, off the page's main thread
// (web/wasm-boot.js); the page only instantiates the module.
async function mqttvizInstantiate(url, importObject, showProgress) {
  const boot = document.querySelector("script[data-wasm]");
  if (boot && !window.mqttvizWasm) {
    await new Promise((done) => {
      boot.addEventListener("load", done, { once: true });
      boot.addEventListener("error", done, { once: true });
    });
  }
  const started = window.mqttvizWasm;
  if (started && started.url === new URL(url, location.href).href) {
    started.onProgress(showProgress);
    try {
      const module = await started.module;
      performance.mark("mqttviz-wasm-from-worker");
      return { module, instance: await WebAssembly.instantiate(module, importObject) };
    } catch (err) {
      console.warn("compiling app.wasm in a worker failed, compiling it here:", err);
    }
  }
  const response = fetchWithProgress(url, showProgress);
  if (WebAssembly.instantiateStreaming) {
    return WebAssembly.instantiateStreaming(response, importObject);
  }
  return WebAssembly.instantiate(await (await response).arrayBuffer(), importObject);
}
`

// fixLoader makes go-app's loader take the module compiled in a worker
// (workerInstantiate). It must find go-app's call exactly once: a go-app
// that loads otherwise fails here, not silently.
func fixLoader(js []byte) ([]byte, error) {
	if n := len(goappInstantiate.FindAllIndex(js, -1)); n != 1 {
		return nil, fmt.Errorf("go-app's loader instantiates app.wasm %d times, want once", n)
	}
	js = goappInstantiate.ReplaceAll(js, []byte(`await mqttvizInstantiate($1, go.importObject, showProgress)`))
	return append(bytes.TrimRight(js, "\n"), []byte("\n"+workerInstantiate)...), nil
}

package main

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
)

// bootScript is the app's boot of app.wasm (ui's wasmBoot) as the page
// has it, and goappScripts where go-app's scripts begin.
var (
	bootScript   = regexp.MustCompile(`<script data-wasm="[^"]*" defer src="[^"]*/wasm-boot\.js"></script>\n`)
	goappScripts = regexp.MustCompile(`<script defer src="[^"]*/wasm_exec\.js"></script>\n`)
)

// bootFirst moves the boot script before go-app's scripts: deferred
// scripts run in the page's order, and the loader in app.js takes the
// boot's module only if the boot ran first. Each must be found once.
func bootFirst(page []byte) ([]byte, error) {
	boot := bootScript.FindAllIndex(page, -1)
	if len(boot) != 1 {
		return nil, fmt.Errorf("the boot of app.wasm found %d times, want once", len(boot))
	}
	tag := slices.Clone(page[boot[0][0]:boot[0][1]])
	page = slices.Delete(page, boot[0][0], boot[0][1])
	at := goappScripts.FindAllIndex(page, -1)
	if len(at) != 1 {
		return nil, fmt.Errorf("go-app's wasm_exec.js found %d times, want once", len(at))
	}
	return slices.Insert(page, at[0][0], tag...), nil
}

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
  // The boot runs before this script (bootFirst); where it did not (it
  // failed to load, or the page has none) it stays out, and the page's
  // own fetch takes the preload's download.
  const started = window.mqttvizWasm;
  if (!started) {
    window.mqttvizWasm = { taken: true };
  }
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

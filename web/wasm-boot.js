// mqttviz: hands app.wasm, as it arrives, to a worker that compiles it
// (wasm-compile.js), off the page's main thread; the loader in app.js
// (cmd/mqttviz/prerender_loader.go) takes the compiled module from
// window.mqttvizWasm. The page's head preloads app.wasm, and the fetch
// here takes that download. Compiling on the page's thread blocked it in
// slices of 15–70 ms while the module arrived, each a moment a reader's
// scroll or click waited.
"use strict";

(() => {
  if (window.mqttvizWasm) {
    // The loader ran first and fetches app.wasm itself.
    return;
  }
  const me = document.currentScript;
  const url = new URL(me.dataset.wasm, location.href).href;
  let listener = null;
  let last = 0;
  const module = (async () => {
    const response = await fetch(url);
    if (!response.ok) {
      throw new Error(`${url}: ${response.status} ${response.statusText}`);
    }
    const worker = new Worker(new URL("wasm-compile.js", me.src));
    return new Promise((resolve, reject) => {
      worker.onmessage = (e) => {
        if (e.data.progress !== undefined) {
          last = e.data.progress;
          if (listener) {
            listener(last);
          }
          return;
        }
        worker.terminate();
        if (e.data.module instanceof WebAssembly.Module) {
          resolve(e.data.module);
        } else {
          reject(new Error(e.data.error || "the worker sent no module"));
        }
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message || "the compiling worker failed"));
      };
      const total = parseInt(response.headers.get("Content-Length"), 10);
      worker.postMessage({ body: response.body, total }, [response.body]);
    });
  })();
  // Unhandled until the loader asks; a failure then falls back to it.
  module.catch(() => {});
  window.mqttvizWasm = {
    url,
    module,
    // onProgress gives fn the download's percentage now and as it grows.
    onProgress(fn) {
      listener = fn;
      fn(last);
    },
  };
})();

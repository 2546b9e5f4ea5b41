// mqttviz: the worker wasm-boot.js starts. It compiles app.wasm as its
// bytes arrive (the page's download, {body, total}) and posts the page
// the compiled module, and the download's percentage on the way
// ({progress}); {error} if it cannot.
"use strict";

self.onmessage = async (e) => {
  const { body, total } = e.data;
  try {
    let loaded = 0;
    let shown = -1;
    const counted = body.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          loaded += chunk.byteLength;
          const progress = total > 0 ? Math.min(100, Math.round((loaded * 100) / total)) : 0;
          if (progress !== shown) {
            shown = progress;
            self.postMessage({ progress });
          }
          controller.enqueue(chunk);
        },
      })
    );
    const module = await WebAssembly.compileStreaming(
      new Response(counted, { headers: { "Content-Type": "application/wasm" } })
    );
    self.postMessage({ module });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};

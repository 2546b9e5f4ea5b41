// Loaded with node --require before Go's wasm_exec runs a js/wasm test
// binary: node has no WebSocket of a browser's behaviour (node 20's
// experimental one reports no close event when a connection fails), so
// the tests get the pinned ws package's, which follows the WHATWG API the
// browser's transport uses: subprotocols, binaryType "arraybuffer",
// onopen/onmessage/onerror/onclose, an error then close 1006 on failure.
globalThis.WebSocket = require("ws");

// Package jsb is the browser app's one bridge to JavaScript beyond
// go-app's own API: reading and setting scroll positions, focusing,
// keyboard and editor listeners, performance marks, the document's
// language, waiting for a paint, a WebSocket to a live broker (Socket).
// Every call goes through safejs, so a JavaScript exception becomes an
// error rather than a panic, and only files built for js && wasm reach
// JavaScript: each has a native sibling (*_other.go) that does nothing,
// so that the server can pre-render pages and the component tests run
// without a browser.
package jsb

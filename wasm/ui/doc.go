// Package ui is the mqttviz browser app: go-app components that render a
// trace.Trace and a cursor into a sequence diagram, a player, a byte
// inspector, the broker and client state, an event list, a lesson picker
// and a hex decoder.
//
// Components hold no protocol logic: the simulator makes the trace, the
// codec annotates the bytes, and the components only draw them. The page
// owns the trace and the cursor; its children post actions (see
// actions.go) and the page handles them. Every string a user reads comes
// from the catalogue in i18n.go, in English and Simplified Chinese.
//
// Untrusted text (topics, client ids, payloads) is only ever put in text
// nodes, never in app.Raw and never in an attribute. JavaScript is reached
// through go-app's own APIs and, in jsbridge_wasm.go, through safejs.
//
// The package compiles natively too: the server pre-renders pages with it
// and the component tests run with go-app's testers.
package ui

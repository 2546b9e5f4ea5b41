// Package views draws a trace: the sequence diagram, the byte inspector,
// the state panel and the event list, as go-app components given a
// *trace.Trace, a cursor and a language. It imports the trace and the
// codec, never the simulator: whatever made the trace (a scenario, an
// instructor, a live connection) it is drawn the same way.
//
// The views hold no protocol logic: the codec annotates the bytes, the
// trace carries the notes; the views only draw them. They post actions
// (ActGoto, ...) that the page owning the cursor handles. Every string
// they draw comes from their catalogue (strings_views.go) in English and
// Simplified Chinese.
//
// Untrusted text (topics, client ids, payloads) only ever goes in text
// nodes and attributes set through the DOM, never in app.Raw. JavaScript
// is reached only through wasm/jsb.
package views

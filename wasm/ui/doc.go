// Package ui is the mqttviz browser app's pages: the lesson picker, the
// lesson and scenario players, the scenario editor, the hex decoder, the
// header and the routes. A page owns a trace and a cursor, runs what
// makes the trace (a lesson or a scenario, through sim/lessons and
// sim/script), and composes the views of wasm/views with the player's
// controls; the views post actions (see views.ActGoto) and the page
// handles them. Every string a user reads comes from the catalogue in
// i18n.go, in English and Simplified Chinese.
//
// Untrusted text (topics, client ids, payloads, share links) is only ever
// put in text nodes, never in app.Raw and never in an attribute of
// server-rendered HTML. JavaScript is reached only through wasm/jsb.
//
// The package compiles natively too: the server pre-renders pages with it
// and the component tests run with go-app's testers.
package ui

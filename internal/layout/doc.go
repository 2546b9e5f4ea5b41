// Package layout has no code: its test keeps the module's package layout
// as docs/architecture.md draws it. It lists what each package may
// import, checks it for native and js/wasm builds, and fails when a
// package reaches beyond its place: the simulator touching the network
// or the clock, the views reaching the simulator, JavaScript outside the
// bridge, markup built from strings.
package layout

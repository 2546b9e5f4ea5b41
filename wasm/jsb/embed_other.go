//go:build !(js && wasm)

package jsb

// Native stand-ins for embed_wasm.go: a page pre-rendered on the server
// is in no frame.

func InFrame() bool                                     { return false }
func PostToParent(map[string]any)                       {}
func ListenParent(func(ParentMessage)) (release func()) { return func() {} }
func WatchHeight(func(height int)) (release func())     { return func() {} }

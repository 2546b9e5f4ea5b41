//go:build !(js && wasm)

package jsb

// Native siblings of offline_wasm.go: there is no service worker to talk to.

func KeepForOffline()        {}
func OnUpdateWaiting(func()) {}
func ActivateUpdate()        {}
func TellWorkerLang(string)  {}

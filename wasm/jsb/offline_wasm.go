//go:build js && wasm

package jsb

import (
	"sync"

	"github.com/hack-pad/safejs"
)

// The page's side of the app's service worker (cmd/mqttviz/offline_worker.js):
// three messages, namespaced and versioned as the worker expects them.
const (
	msgFill     = "mqttviz/offline/v1/fill"
	msgActivate = "mqttviz/offline/v1/activate"
	msgLang     = "mqttviz/offline/v1/lang"
)

var keepOnce sync.Once

// KeepForOffline asks the service worker, once the page is interactive
// and the browser idle, to keep every file of the app for offline use:
// app.wasm from the browser's HTTP cache, which the page's own download
// has just filled, so that it is downloaded once. (The worker fetched
// them all while the page started, and a first visit's lesson became
// interactive a second later.) Once per program; nothing happens where
// there is no service worker.
func KeepForOffline() {
	keepOnce.Do(func() {
		AfterInteractive(func() { whenIdle(askFill) })
	})
}

// askFill posts msgFill to the active service worker once there is one.
func askFill() {
	whenActive(func(active safejs.Value) { postType(active, msgFill) })
}

// TellWorkerLang tells the service worker the language the reader
// chose, once there is a worker: it opens every page after this one in
// that language, pre-rendered, instead of the English page the app then
// re-draws. Nothing happens where there is no service worker.
func TellWorkerLang(lang string) {
	whenActive(func(active safejs.Value) { post(active, map[string]any{"type": msgLang, "lang": lang}) })
}

// whenActive calls fn with the active service worker once the page has
// one; never where there is no service worker.
func whenActive(fn func(active safejs.Value)) {
	sw, ok := serviceWorkers()
	if !ok {
		return
	}
	ready, err := sw.Get("ready")
	if err != nil {
		return
	}
	then(ready, func(reg safejs.Value) {
		if active, ok := prop(reg, "active"); ok {
			fn(active)
		}
	})
}

// fillDelay is how long KeepForOffline waits at most for the browser to
// be idle.
const fillDelay = 3000

// whenIdle calls fn once the browser has nothing else to do, or after
// fillDelay milliseconds, whichever comes first; at once where the
// browser has no requestIdleCallback.
func whenIdle(fn func()) {
	win := safejs.Global()
	cb, err := onceCallback(fn)
	if err != nil {
		fn()
		return
	}
	opts, err := safejs.ValueOf(map[string]any{"timeout": fillDelay})
	if err == nil {
		_, err = win.Call("requestIdleCallback", cb.Value(), opts)
	}
	if err != nil {
		cb.Release()
		fn()
	}
}

// OnUpdateWaiting calls found if a new version of the app is installed
// and waits for this page to let it take over: go-app says so only when
// it sees the installation happen, not when a page opens after it.
func OnUpdateWaiting(found func()) {
	sw, ok := serviceWorkers()
	if !ok {
		return
	}
	if _, ok := prop(sw, "controller"); !ok {
		return
	}
	reg, err := sw.Call("getRegistration")
	if err != nil {
		return
	}
	then(reg, func(reg safejs.Value) {
		if _, ok := prop(reg, "waiting"); ok {
			found()
		}
	})
}

// ActivateUpdate lets the waiting new version take over and reloads the
// page once it has: every file then comes from the new version's cache.
// With no version waiting it reloads at once.
func ActivateUpdate() {
	sw, ok := serviceWorkers()
	if !ok {
		reload()
		return
	}
	reg, err := sw.Call("getRegistration")
	if err != nil {
		reload()
		return
	}
	then(reg, func(reg safejs.Value) {
		waiting, ok := prop(reg, "waiting")
		if !ok {
			reload()
			return
		}
		onChange, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
			reload()
			return nil
		})
		if err != nil {
			reload()
			return
		}
		if _, err := sw.Call("addEventListener", "controllerchange", onChange.Value()); err != nil {
			onChange.Release()
			reload()
			return
		}
		postType(waiting, msgActivate)
	})
}

// serviceWorkers is navigator.serviceWorker, absent outside a secure
// context.
func serviceWorkers() (safejs.Value, bool) {
	nav, err := safejs.Global().Get("navigator")
	if err != nil {
		return safejs.Undefined(), false
	}
	return prop(nav, "serviceWorker")
}

// prop is v[name] when v is an object and v[name] neither null nor
// undefined.
func prop(v safejs.Value, name string) (safejs.Value, bool) {
	if v.IsUndefined() || v.IsNull() {
		return v, false
	}
	p, err := v.Get(name)
	if err != nil || p.IsUndefined() || p.IsNull() {
		return p, false
	}
	return p, true
}

// postType posts {type: t} to a service worker.
func postType(worker safejs.Value, t string) {
	post(worker, map[string]any{"type": t})
}

// post posts message m to worker.
func post(worker safejs.Value, m map[string]any) {
	msg, err := safejs.ValueOf(m)
	if err != nil {
		return
	}
	_, _ = worker.Call("postMessage", msg)
}

// then calls fn with what promise resolves to; a rejection drops it.
func then(promise safejs.Value, fn func(safejs.Value)) {
	var done, failed safejs.Func
	release := func() { done.Release(); failed.Release() }
	done, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		release()
		v := safejs.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		fn(v)
		return nil
	})
	if err != nil {
		return
	}
	failed, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		release()
		return nil
	})
	if err != nil {
		done.Release()
		return
	}
	if _, err := promise.Call("then", done.Value(), failed.Value()); err != nil {
		release()
	}
}

// reload loads the page again.
func reload() {
	loc, err := safejs.Global().Get("location")
	if err != nil {
		return
	}
	_, _ = loc.Call("reload")
}

//go:build js && wasm

package jsb

import "github.com/hack-pad/safejs"

// AwaitPaint returns once the browser has painted the page as it stands:
// the page the server pre-rendered, before go-app builds its own. The
// Go program's start-up is then two tasks, not one long one, and the
// page is on the screen even when app.wasm arrives with the style sheet.
// A hidden tab paints nothing: after 100 ms it returns anyway.
func AwaitPaint() {
	win := safejs.Global()
	done := make(chan struct{}, 1)
	var timer safejs.Value
	finish, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		select {
		case done <- struct{}{}:
		default:
		}
		return nil
	})
	if err != nil {
		return
	}
	// The task after the next frame's paint, marked for the browser
	// tests.
	painted, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		PerfMark("mqttviz-painted")
		timer, _ = win.Call("setTimeout", finish.Value(), 0)
		return nil
	})
	if err != nil {
		finish.Release()
		return
	}
	frame, errFrame := win.Call("requestAnimationFrame", painted.Value())
	fallback, errTimer := win.Call("setTimeout", finish.Value(), 100)
	if errFrame == nil || errTimer == nil {
		<-done
	}
	// Nothing may call the functions once released.
	_, _ = win.Call("cancelAnimationFrame", frame)
	_, _ = win.Call("clearTimeout", fallback)
	if !timer.IsUndefined() {
		_, _ = win.Call("clearTimeout", timer)
	}
	painted.Release()
	finish.Release()
}

//go:build js && wasm

package jsb

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// CopyText writes text to the clipboard and calls done, on the
// JavaScript event goroutine, with nil once it is there or with why not:
// ErrNoClipboard where the page has no clipboard API (a page not served
// from https:// or localhost), else the browser's refusal.
func CopyText(text string, done func(error)) {
	nav, err := safejs.Global().Get("navigator")
	if err != nil {
		done(ErrNoClipboard)
		return
	}
	clip, ok := prop(nav, "clipboard")
	if !ok {
		done(ErrNoClipboard)
		return
	}
	promise, err := clip.Call("writeText", text)
	if err != nil {
		done(err)
		return
	}
	settle(promise, done)
}

// settle calls done with nil when promise resolves, or with an error
// when it rejects.
func settle(promise safejs.Value, done func(error)) {
	var ok, failed safejs.Func
	release := func() { ok.Release(); failed.Release() }
	ok, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		release()
		done(nil)
		return nil
	})
	if err != nil {
		done(err)
		return
	}
	failed, err = safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		release()
		why := "the browser refused"
		if len(args) > 0 {
			if msg := stringProp(args[0], "message"); msg != "" {
				why = msg
			}
		}
		done(errors.New(why))
		return nil
	})
	if err != nil {
		ok.Release()
		done(err)
		return
	}
	if _, err := promise.Call("then", ok.Value(), failed.Value()); err != nil {
		release()
		done(err)
	}
}

// SelectText selects the whole text of the text field with the given
// id and moves the focus there, so that the reader's own Ctrl+C copies it.
func SelectText(id string) {
	if el, ok := element(id); ok {
		_, _ = el.Call("focus")
		_, _ = el.Call("select")
	}
}

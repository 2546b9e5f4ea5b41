//go:build js && wasm

package jsb

import (
	"errors"

	"github.com/hack-pad/safejs"
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Opening and saving files, through safejs (see jsbridge_wasm.go);
// files_other.go is the native sibling.

// ReadChosenFile reads the first file chosen in the <input type=file>
// input (a change event's source) and calls done with it, on the
// JavaScript event goroutine; a file larger than limit bytes is not read.
// The input is emptied, so that choosing the same file again is a
// change too. It reports whether a file was chosen.
func ReadChosenFile(input app.Value, limit int64, done func(OpenedFile)) bool {
	in := safejs.Safe(app.JSValue(input))
	files, err := in.Get("files")
	if err != nil {
		return false
	}
	ok := readFirst(files, limit, done)
	_ = in.Set("value", "")
	return ok
}

// ReadDroppedFile is ReadChosenFile for the first file of the drop event
// ev.
func ReadDroppedFile(ev app.Value, limit int64, done func(OpenedFile)) bool {
	dt, err := safejs.Safe(app.JSValue(ev)).Get("dataTransfer")
	if err != nil || dt.IsNull() || dt.IsUndefined() {
		return false
	}
	files, err := dt.Get("files")
	if err != nil {
		return false
	}
	return readFirst(files, limit, done)
}

// readFirst reads the first File of the FileList files.
func readFirst(files safejs.Value, limit int64, done func(OpenedFile)) bool {
	if files.IsNull() || files.IsUndefined() {
		return false
	}
	if n, err := files.Length(); err != nil || n == 0 {
		return false
	}
	file, err := files.Index(0)
	if err != nil {
		return false
	}
	f := OpenedFile{Name: stringProp(file, "name")}
	if size, err := intProp(file, "size"); err == nil {
		f.Size = int64(size)
	}
	if f.Size > limit {
		f.TooLarge = true
		done(f)
		return true
	}
	promise, err := file.Call("arrayBuffer")
	if err != nil {
		f.Err = err
		done(f)
		return true
	}
	var onOK, onErr safejs.Func
	release := func() { onOK.Release(); onErr.Release() }
	onOK, err = safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		defer release()
		f.Data, f.Err = bytesOf(args)
		if int64(len(f.Data)) > limit {
			f.Data, f.TooLarge, f.Size = nil, true, int64(len(f.Data))
		}
		done(f)
		return nil
	})
	if err != nil {
		f.Err = err
		done(f)
		return true
	}
	onErr, err = safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		defer release()
		f.Err = errors.New("jsb: the browser could not read the file")
		if len(args) > 0 {
			if msg := stringProp(args[0], "message"); msg != "" {
				f.Err = errors.New("jsb: " + msg)
			}
		}
		done(f)
		return nil
	})
	if err != nil {
		onOK.Release()
		f.Err = err
		done(f)
		return true
	}
	if _, err := promise.Call("then", onOK.Value(), onErr.Value()); err != nil {
		release()
		f.Err = err
		done(f)
	}
	return true
}

// bytesOf copies the ArrayBuffer args[0] into Go.
func bytesOf(args []safejs.Value) ([]byte, error) {
	if len(args) == 0 {
		return nil, errors.New("jsb: no file contents")
	}
	u8, err := safejs.Global().Get("Uint8Array")
	if err != nil {
		return nil, err
	}
	view, err := u8.New(args[0])
	if err != nil {
		return nil, err
	}
	n, err := view.Length()
	if err != nil {
		return nil, err
	}
	b := make([]byte, n)
	if _, err := safejs.CopyBytesToGo(b, view); err != nil {
		return nil, err
	}
	return b, nil
}

// TextOf is the value of the text field with the given id ("" when
// there is none).
func TextOf(id string) string {
	el, ok := element(id)
	if !ok {
		return ""
	}
	return stringProp(el, "value")
}

// Download saves data as a file called name, of the media type mime: a
// Blob saved by saveBlob.
func Download(name, mime string, data []byte) error {
	blob, err := newBlob(mime, data)
	if err != nil {
		return err
	}
	return saveBlob(name, blob)
}

// newBlob is a Blob of the media type mime holding a copy of data.
func newBlob(mime string, data []byte) (safejs.Value, error) {
	g := safejs.Global()
	u8, err := g.Get("Uint8Array")
	if err != nil {
		return safejs.Value{}, err
	}
	arr, err := u8.New(len(data))
	if err != nil {
		return safejs.Value{}, err
	}
	if _, err := safejs.CopyBytesToJS(arr, data); err != nil {
		return safejs.Value{}, err
	}
	parts, err := safejs.ValueOf([]any{safejs.Unsafe(arr)})
	if err != nil {
		return safejs.Value{}, err
	}
	opts, err := safejs.ValueOf(map[string]any{"type": mime})
	if err != nil {
		return safejs.Value{}, err
	}
	blobType, err := g.Get("Blob")
	if err != nil {
		return safejs.Value{}, err
	}
	return blobType.New(parts, opts)
}

// saveBlob saves blob as a file called name: its object URL on an <a
// download> that is clicked and removed, the URL revoked a minute later,
// when the browser has long taken it (revoked at once, a slow download
// may find it gone).
func saveBlob(name string, blob safejs.Value) error {
	g := safejs.Global()
	urlType, err := g.Get("URL")
	if err != nil {
		return err
	}
	href, err := urlType.Call("createObjectURL", blob)
	if err != nil {
		return err
	}
	defer revokeLater(urlType, href)
	doc, err := g.Get("document")
	if err != nil {
		return err
	}
	a, err := doc.Call("createElement", "a")
	if err != nil {
		return err
	}
	_ = a.Set("href", href)
	_ = a.Set("download", name)
	body, err := doc.Get("body")
	if err != nil {
		return err
	}
	if _, err := body.Call("appendChild", a); err != nil {
		return err
	}
	_, err = a.Call("click")
	_, _ = a.Call("remove")
	return err
}

// revokeLater revokes the object URL href after a minute.
func revokeLater(urlType, href safejs.Value) {
	var fn safejs.Func
	fn, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		fn.Release()
		_, _ = urlType.Call("revokeObjectURL", href)
		return nil
	})
	if err != nil {
		return
	}
	if _, err := safejs.Global().Call("setTimeout", fn.Value(), 60_000); err != nil {
		fn.Release()
		_, _ = urlType.Call("revokeObjectURL", href)
	}
}

//go:build js && wasm

package jsb

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// Drawing an SVG file as a PNG, through safejs (see jsbridge_wasm.go);
// svgpng_other.go is the native sibling.

// DownloadSVGAsPNG draws the SVG file svg as an image at scale times its
// size on a canvas and saves the canvas as the PNG file name, then calls
// done with nil or why it failed, on the JavaScript event goroutine. The
// browser draws the text with the fonts of the system, Chinese ones
// included: an SVG drawn as an image loads nothing from outside.
func DownloadSVGAsPNG(name, svg string, scale int, done func(error)) {
	blob, err := newBlob("image/svg+xml", []byte(svg))
	if err != nil {
		done(err)
		return
	}
	g := safejs.Global()
	urlType, err := g.Get("URL")
	if err != nil {
		done(err)
		return
	}
	href, err := urlType.Call("createObjectURL", blob)
	if err != nil {
		done(err)
		return
	}
	imageType, err := g.Get("Image")
	if err != nil {
		done(err)
		return
	}
	img, err := imageType.New()
	if err != nil {
		done(err)
		return
	}
	var onLoad, onError safejs.Func
	finish := func(err error) {
		onLoad.Release()
		onError.Release()
		_, _ = urlType.Call("revokeObjectURL", href)
		done(err)
	}
	onLoad, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		canvas, err := drawScaled(img, scale)
		if err != nil {
			finish(err)
			return nil
		}
		savePNG(name, canvas, finish)
		return nil
	})
	if err != nil {
		done(err)
		return
	}
	onError, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		finish(errors.New("jsb: the browser could not draw the SVG file"))
		return nil
	})
	if err != nil {
		onLoad.Release()
		done(err)
		return
	}
	_ = img.Set("onload", onLoad.Value())
	_ = img.Set("onerror", onError.Value())
	if err := img.Set("src", href); err != nil {
		finish(err)
	}
}

// drawScaled draws the loaded image img on a new canvas scale times its
// natural size.
func drawScaled(img safejs.Value, scale int) (safejs.Value, error) {
	w, err := intProp(img, "naturalWidth")
	if err != nil {
		return safejs.Value{}, err
	}
	h, err := intProp(img, "naturalHeight")
	if err != nil {
		return safejs.Value{}, err
	}
	if w == 0 || h == 0 {
		return safejs.Value{}, errors.New("jsb: the SVG file has no size")
	}
	doc, err := safejs.Global().Get("document")
	if err != nil {
		return safejs.Value{}, err
	}
	canvas, err := doc.Call("createElement", "canvas")
	if err != nil {
		return safejs.Value{}, err
	}
	_ = canvas.Set("width", w*scale)
	_ = canvas.Set("height", h*scale)
	ctx, err := canvas.Call("getContext", "2d")
	if err != nil {
		return safejs.Value{}, err
	}
	if ctx.IsNull() {
		return safejs.Value{}, errors.New("jsb: the browser gave no 2D canvas")
	}
	if _, err := ctx.Call("drawImage", img, 0, 0, w*scale, h*scale); err != nil {
		return safejs.Value{}, err
	}
	return canvas, nil
}

// savePNG saves canvas as the PNG file name and calls finish.
func savePNG(name string, canvas safejs.Value, finish func(error)) {
	var onBlob safejs.Func
	onBlob, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		onBlob.Release()
		if len(args) == 0 || args[0].IsNull() {
			finish(errors.New("jsb: the browser could not encode the PNG"))
			return nil
		}
		finish(saveBlob(name, args[0]))
		return nil
	})
	if err != nil {
		finish(err)
		return
	}
	if _, err := canvas.Call("toBlob", onBlob.Value(), "image/png"); err != nil {
		onBlob.Release()
		finish(err)
	}
}

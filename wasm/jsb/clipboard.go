package jsb

import "errors"

// ErrNoClipboard is the error of CopyText where the browser offers no
// clipboard to write (outside a secure context, or outside a browser).
var ErrNoClipboard = errors.New("no clipboard to write to")

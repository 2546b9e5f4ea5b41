package main

import "sync"

// packKey names one compressed form of one app.wasm: its SHA-256, the
// encoding (gzip, else brotli) and brotli's quality.
type packKey struct {
	sum     [32]byte
	gzip    bool
	quality int
}

// packing is one compressed form, made once.
type packing struct {
	once sync.Once
	b    []byte
	err  error
}

// packs are the compressed forms of app.wasm made in this process.
var packs sync.Map // packKey → *packing

// packWasm is wasm, whose SHA-256 is sum, compressed with gzip or with
// brotli at quality, made once a process: the same bytes compress the
// same whichever site asks, and a process that loads a site more than
// once (the tests load one for every server they start, about 4 s of
// CPU each) compresses app.wasm once. The slice is shared: do not
// modify it.
func packWasm(sum [32]byte, wasm []byte, gzip bool, quality int) ([]byte, error) {
	v, _ := packs.LoadOrStore(packKey{sum: sum, gzip: gzip, quality: quality}, new(packing))
	p := v.(*packing)
	p.once.Do(func() {
		if gzip {
			p.b, p.err = compressGzip(wasm)
		} else {
			p.b, p.err = compressBrotli(wasm, quality)
		}
	})
	return p.b, p.err
}

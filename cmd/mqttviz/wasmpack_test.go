package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestPackWasmOnce: each encoding and quality of one app.wasm is made
// once and decodes to the bytes; another app.wasm gets its own.
func TestPackWasmOnce(t *testing.T) {
	wasm := bytes.Repeat([]byte("\x00asm mqttviz "), 1000)
	sum := sha256.Sum256(wasm)
	br, err := packWasm(sum, wasm, false, 5)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br))); err != nil || !bytes.Equal(got, wasm) {
		t.Fatalf("brotli form decodes to %d bytes (%v), want the %d of app.wasm", len(got), err, len(wasm))
	}
	again, _ := packWasm(sum, wasm, false, 5)
	if &again[0] != &br[0] {
		t.Error("the same form was compressed twice")
	}
	gz, err := packWasm(sum, wasm, true, 0)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, wasm) {
		t.Fatalf("gzip form decodes to %d bytes (%v), want the %d of app.wasm", len(got), err, len(wasm))
	}
	if q1, _ := packWasm(sum, wasm, false, 1); &q1[0] == &br[0] {
		t.Error("quality 1 got quality 5's bytes")
	}
	other := append(bytes.Clone(wasm), '!')
	ob, _ := packWasm(sha256.Sum256(other), other, false, 5)
	if got, _ := io.ReadAll(brotli.NewReader(bytes.NewReader(ob))); !bytes.Equal(got, other) {
		t.Error("another app.wasm got the first one's bytes")
	}
}

package codec

import (
	"encoding/binary"
	"unsafe"
)

// The decoder's fast scans read strings eight bytes at a time: the common
// string is plain ASCII and a byte-by-byte loop would dominate decoding.

const (
	lows  = 0x0101010101010101
	highs = 0x8080808080808080
)

// hasZero reports whether any byte of v is 0.
func hasZero(v uint64) bool { return (v-lows)&^v&highs != 0 }

// plainPrefix returns the length of s's longest prefix, in whole groups of
// eight bytes, without U+0000, non-ASCII bytes, or (with wild) the
// wildcards '+' and '#'.
func plainPrefix(s string, wild bool) int {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	i := 0
	for ; i+8 <= len(b); i += 8 {
		v := binary.LittleEndian.Uint64(b[i:])
		if v&highs != 0 || hasZero(v) {
			break
		}
		if wild && (hasZero(v^('+'*lows)) || hasZero(v^('#'*lows))) {
			break
		}
	}
	return i
}

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

// plainPrefix returns the length of a prefix of s without U+0000,
// non-ASCII bytes or (with wild) the wildcards '+' and '#': all of s when
// s is that plain, otherwise a whole number of groups of eight bytes
// that stops at or before the first such byte. Its last load overlaps the
// one before, so no byte is looked at alone unless s is shorter than
// four.
func plainPrefix(s string, wild bool) int {
	b := unsafe.Slice(unsafe.StringData(s), len(s))
	switch {
	case len(b) >= 8:
		i := 0
		for ; i+8 < len(b); i += 8 {
			if !plainWord(binary.LittleEndian.Uint64(b[i:]), wild) {
				return i
			}
		}
		if plainWord(binary.LittleEndian.Uint64(b[len(b)-8:]), wild) {
			return len(b)
		}
		return i
	case len(b) >= 4:
		lo := uint64(binary.LittleEndian.Uint32(b))
		hi := uint64(binary.LittleEndian.Uint32(b[len(b)-4:]))
		if plainWord(lo|hi<<32, wild) {
			return len(b)
		}
		return 0
	}
	for _, c := range b {
		if c == 0 || c >= 0x80 || wild && (c == '+' || c == '#') {
			return 0
		}
	}
	return len(b)
}

// plainWord reports whether the eight bytes of v hold no U+0000, no
// non-ASCII byte and (with wild) no '+' or '#'.
func plainWord(v uint64, wild bool) bool {
	if v&highs != 0 || hasZero(v) {
		return false
	}
	return !wild || !hasZero(v^('+'*lows)) && !hasZero(v^('#'*lows))
}

// plain reports whether all of s is free of U+0000, non-ASCII bytes and
// (with wild) the wildcards '+' and '#'.
func plain(s string, wild bool) bool { return plainPrefix(s, wild) == len(s) }

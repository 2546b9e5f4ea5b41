package codec

import "strings"

// The dumps ParseHex reads: a line starts with the offset of its first
// byte, and may end with the characters of its bytes.

// offset reports whether the line src[start:end] begins with a dump's
// offset, and where the bytes after it start. An offset is four or more
// hex digits, then a colon ("0000:", xxd), or two spaces, or at least six
// digits and one space (od); without a colon its value must be the
// number of bytes read so far, so that "300b0004  31" stays four bytes.
// A "*" line before it is expanded here.
func (r *hexReader) offset(start, end int) (int, bool) {
	i := start
	var v uint64
	for i < end && i-start < 16 {
		d, ok := hexValue(r.src[i])
		if !ok {
			break
		}
		v = v<<4 | uint64(d)
		i++
	}
	digits := i - start
	if digits < 4 || i < end && !isSpace(r.src[i]) && r.src[i] != ':' {
		return 0, false
	}
	colon := i < end && r.src[i] == ':'
	if colon {
		i++
		if i < end && !isSpace(r.src[i]) {
			return 0, false // "0000:0b" is colon-separated bytes
		}
	}
	gap := 0
	for i+gap < end && isSpace(r.src[i+gap]) {
		gap++
	}
	running := uint64(len(r.out))
	switch {
	case i+gap == end && !r.dump:
		return 0, false // "0000" alone is two bytes; a dump ends with its length
	case colon:
	case gap < 2 && digits < 6 && i+gap < end:
		return 0, false
	case v == running:
	case r.repeat && v > running && v-running <= maxRepeat:
	default:
		return 0, false
	}
	if r.repeat {
		r.repeat = false
		if n := r.prevEnd - r.prevStart; n > 0 {
			for uint64(len(r.out))+uint64(n) <= v {
				r.out = append(r.out, r.out[r.prevStart:r.prevEnd]...)
			}
		}
	}
	return i + gap, true
}

// maxRepeat is the most bytes a "*" line stands for: a paste of a
// packet capture repeats a few lines, never a megabyte.
const maxRepeat = 1 << 20

// dumpBytes reads the bytes of a dump line after its offset, up to a
// gap of two or more spaces after which the line shows exactly the
// characters of the bytes before it: the character column of xxd,
// Wireshark, and hexdump -C (between bars).
func (r *hexReader) dumpBytes(start, end int) *HexError {
	for i := start; i < end; i++ {
		if !isSpace(r.src[i]) || i+1 >= end || !isSpace(r.src[i+1]) {
			continue
		}
		gapEnd := i
		for gapEnd < end && isSpace(r.src[gapEnd]) {
			gapEnd++
		}
		col := r.src[gapEnd:end]
		barred := len(col) >= 2 && col[0] == '|' && col[len(col)-1] == '|'
		mark := len(r.out)
		if r.groups(start, i) == nil && (isCharColumn(r.out[mark:], col) ||
			barred && isCharColumn(r.out[mark:], col[1:len(col)-1])) {
			return nil
		}
		r.out = r.out[:mark]
		i = gapEnd
	}
	return r.groups(start, end)
}

// isCharColumn reports whether col is a dump's character column for b:
// each printable ASCII byte as itself, any other as ".". Spaces at
// either end may have been lost to trimming.
func isCharColumn(b []byte, col string) bool {
	if len(b) == 0 || col == "" || len(col) > len(b) {
		return false
	}
	want := make([]byte, len(b))
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		want[i] = c
	}
	return string(want) == col || strings.Trim(string(want), " ") == col
}

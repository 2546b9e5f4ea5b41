package ui

import (
	"fmt"
	"strings"
)

// parseHex reads bytes written in hex the way tutorials print them: pairs
// of digits separated by spaces, commas, new lines or nothing, each pair
// optionally prefixed with 0x. It reports the first thing that is not.
func parseHex(s string) ([]byte, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '\n' || r == '\r' || r == '\t' || r == ';'
	})
	var out []byte
	for _, f := range fields {
		f = strings.TrimPrefix(strings.TrimPrefix(f, "0x"), "0X")
		if len(f)%2 != 0 {
			return nil, fmt.Errorf("%q has an odd number of digits", f)
		}
		for i := 0; i < len(f); i += 2 {
			hi, ok1 := hexDigit(f[i])
			lo, ok2 := hexDigit(f[i+1])
			if !ok1 || !ok2 {
				return nil, fmt.Errorf("%q is not a hex byte", f[i:i+2])
			}
			out = append(out, hi<<4|lo)
		}
	}
	return out, nil
}

func hexDigit(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// hexByte is one byte as two lowercase hex digits.
func hexByte(b byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}

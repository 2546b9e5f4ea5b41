package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"mqttviz/codec"
)

// hexError says what in a hex text is not a byte, in both languages.
type hexError struct {
	Text codec.Text
}

func (e *hexError) Error() string { return e.Text.EN }

// parseHex reads bytes written in hex the way tutorials print them: pairs
// of digits separated by spaces, commas, new lines or nothing, each pair
// optionally prefixed with 0x. It reports the first thing that is not as
// a *hexError.
func parseHex(s string) ([]byte, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '\n' || r == '\r' || r == '\t' || r == ';'
	})
	var out []byte
	for _, f := range fields {
		f = strings.TrimPrefix(strings.TrimPrefix(f, "0x"), "0X")
		// A stray character first: "30-0b" is wrong for its "-", not for
		// its length.
		if i := strings.IndexFunc(f, func(r rune) bool { _, ok := hexDigit(byte(r)); return r >= 0x80 || !ok }); i >= 0 {
			r, _ := utf8.DecodeRuneInString(f[i:])
			q := strconv.QuoteRune(r)
			return nil, &hexError{codec.Text{
				EN: q + " is not a hex digit: use 0-9 and a-f, bytes apart with spaces or commas",
				ZH: q + " 不是十六进制数字：只能使用 0-9 和 a-f，字节之间用空格或逗号隔开",
			}}
		}
		if len(f)%2 != 0 {
			q := strconv.Quote(clip(f))
			return nil, &hexError{codec.Text{
				EN: q + " has an odd number of digits: each byte is two hex digits",
				ZH: q + " 的位数是奇数：每个字节要写成两位十六进制数",
			}}
		}
		for i := 0; i < len(f); i += 2 {
			hi, _ := hexDigit(f[i])
			lo, _ := hexDigit(f[i+1])
			out = append(out, hi<<4|lo)
		}
	}
	return out, nil
}

// clip shortens a long piece of pasted text for an error message.
func clip(s string) string {
	const most = 16
	if len(s) <= most {
		return s
	}
	return s[:most] + "…"
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

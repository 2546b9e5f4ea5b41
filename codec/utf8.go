package codec

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// checkUTF8 checks a UTF-8 encoded string of the packet that starts at
// offset off: well-formed, no encoded surrogate, no U+0000.
// [MQTT-1.5.3-1, MQTT-1.5.3-2]
func checkUTF8(s string, off int, what *Text) *Error {
	if plain(s, false) || utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return nil
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0 {
			return newError(ErrNullCharacter, off+i, "MQTT-1.5.3-2", Text{
				EN: "The " + what.EN + " contains the null character U+0000, which no MQTT string may contain.",
				ZH: what.ZH + "包含空字符 U+0000，MQTT 字符串中不允许出现。",
			})
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return utf8Error(s, i, off, what)
		}
		i += size
	}
	return nil
}

// utf8Error describes the ill-formed sequence at s[i].
func utf8Error(s string, i, off int, what *Text) *Error {
	if s[i] == 0xED && i+1 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF {
		return newError(ErrInvalidUTF8, off+i, "MQTT-1.5.3-1", Text{
			EN: "The " + what.EN + " encodes a surrogate code point (U+D800 to U+DFFF), which UTF-8 strings must not contain.",
			ZH: what.ZH + "包含代理码位（U+D800 至 U+DFFF）的编码，UTF-8 字符串中不允许出现。",
		})
	}
	h := "0x" + strconv.FormatUint(uint64(s[i]), 16)
	return newError(ErrInvalidUTF8, off+i, "MQTT-1.5.3-1", Text{
		EN: "The " + what.EN + " is not well-formed UTF-8: byte " + h + " does not start a valid character here.",
		ZH: what.ZH + "不是合法的 UTF-8 编码：字节 " + h + " 在这里不能构成合法字符。",
	})
}

// maxValueLen is how many bytes of a string or payload a field's Value
// shows before it is cut with an ellipsis.
const maxValueLen = 64

// quote shows a string as a quoted Go literal, cut after maxValueLen bytes
// with its full length said in English and Chinese.
func quote(s string) Text {
	if len(s) <= maxValueLen {
		return same(strconv.Quote(s))
	}
	cut := maxValueLen
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	q, n := strconv.Quote(s[:cut]), strconv.Itoa(len(s))
	return Text{EN: q + "… (" + n + " bytes)", ZH: q + "…（共 " + n + " 个字节）"}
}

// showBytes shows binary data: quoted when it is printable UTF-8 text,
// hex otherwise, cut after maxValueLen bytes.
func showBytes(b []byte) Text {
	if len(b) == 0 {
		return Text{EN: "(empty)", ZH: "（空）"}
	}
	if utf8.Valid(b) && printable(b) {
		return quote(string(b))
	}
	n := min(len(b), maxValueLen)
	s := hexSpaced(b[:n])
	if n == len(b) {
		return same(s)
	}
	l := strconv.Itoa(len(b))
	return Text{EN: s + " … (" + l + " bytes)", ZH: s + " …（共 " + l + " 个字节）"}
}

// printable reports whether text has no control characters but tab and
// newlines.
func printable(b []byte) bool {
	for _, r := range string(b) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return false
		}
	}
	return true
}

// hexSpaced is b as lower-case hex pairs separated by spaces.
func hexSpaced(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, len(b)*3)
	for i, c := range b {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, digits[c>>4], digits[c&15])
	}
	return string(out)
}

// hex2 is one byte as "0x3a".
func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{'0', 'x', digits[c>>4], digits[c&15]})
}

// bits8 is one byte in binary, "0011 0010".
func bits8(c byte) string {
	out := make([]byte, 0, 9)
	for i := 7; i >= 0; i-- {
		out = append(out, '0'+(c>>uint(i))&1)
		if i == 4 {
			out = append(out, ' ')
		}
	}
	return string(out)
}

// bitRange is bits hi down to lo of c in binary, "000000" for bits 7-2.
func bitRange(c byte, hi, lo int) string {
	out := make([]byte, 0, hi-lo+1)
	for i := hi; i >= lo; i-- {
		out = append(out, '0'+(c>>uint(i))&1)
	}
	return string(out)
}

package codec

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// HexProblem is what is wrong in a text that ParseHex cannot read as
// bytes.
type HexProblem int

// The problems ParseHex reports.
const (
	// HexNotDigit: a character that is neither a hex digit nor a
	// separator ("30 zz", "30-0b").
	HexNotDigit HexProblem = iota + 1
	// HexOddDigits: a group with an odd number of digits ("30 0b0"); a
	// byte is two.
	HexOddDigits
	// HexNoDigits: 0x or \x with no digit after it.
	HexNoDigits
	// HexNotNumber: an item of an array that is not a number ({0x30, c0}).
	HexNotNumber
	// HexNotByte: an item of an array outside a byte's range ({0x300b},
	// [256]).
	HexNotByte
	// HexUnclosed: a string literal without its closing quote, a /*
	// comment without its */.
	HexUnclosed
)

// HexError says where and why a text is not bytes, in English and
// Chinese.
type HexError struct {
	// Problem is the kind of mistake.
	Problem HexProblem
	// Offset is the byte offset of the mistake in the text; Line and
	// Column (in characters) count from 1.
	Offset, Line, Column int
	// Found is the character or the group at fault, shortened when long.
	Found string
	// Message says in one sentence what is wrong and how to write it.
	Message Text
}

// Error returns "line L, column C: message" in English.
func (e *HexError) Error() string { return e.Where().EN + ": " + e.Message.EN }

// Where is "line 2, column 5" in English and Chinese.
func (e *HexError) Where() Text {
	l, c := strconv.Itoa(e.Line), strconv.Itoa(e.Column)
	return Text{EN: "line " + l + ", column " + c, ZH: "第 " + l + " 行第 " + c + " 列"}
}

// newHexError is an error of kind p at byte offset at of src.
func newHexError(src string, p HexProblem, at int, found string) *HexError {
	lineStart := strings.LastIndexByte(src[:at], '\n') + 1
	e := &HexError{
		Problem: p,
		Offset:  at,
		Line:    strings.Count(src[:at], "\n") + 1,
		Column:  utf8.RuneCountInString(src[lineStart:at]) + 1,
		Found:   clipText(found),
	}
	e.Message = hexMessage(p, strconv.Quote(e.Found))
	return e
}

// hexMessage is the sentence for problem p about q, the quoted text at
// fault.
func hexMessage(p HexProblem, q string) Text {
	switch p {
	case HexNotDigit:
		return Text{
			EN: q + " is not a hex digit: write each byte as two digits 0-9 or a-f, bytes apart with spaces or commas.",
			ZH: q + " 不是十六进制数字：每个字节写成两位 0-9 或 a-f，字节之间用空格或逗号隔开。",
		}
	case HexOddDigits:
		return Text{
			EN: q + " has an odd number of hex digits: each byte takes two (write 0a, not a).",
			ZH: q + " 的十六进制位数是奇数：每个字节要写成两位（写 0a，不要写 a）。",
		}
	case HexNoDigits:
		return Text{
			EN: q + " is not followed by hex digits: write 0x0b or \\x0b.",
			ZH: q + " 后面缺少十六进制数字：应写成 0x0b 或 \\x0b。",
		}
	case HexNotNumber:
		return Text{
			EN: q + " is not a number: in an array write a byte as 0x0b, or in decimal as 11.",
			ZH: q + " 不是数字：数组里的字节要写成 0x0b，或者十进制的 11。",
		}
	case HexNotByte:
		return Text{
			EN: q + " is not one byte: an array item goes from 0 to 255 (0x00 to 0xff), or -128 to -1 as Java prints bytes.",
			ZH: q + " 超出了一个字节的范围：数组里的每一项要在 0 到 255（0x00 到 0xff）之间，或者像 Java 那样写成 -128 到 -1。",
		}
	case HexUnclosed:
		return Text{
			EN: q + " is not closed: a string needs its closing quote, a comment its */.",
			ZH: q + " 没有结束：字符串缺少结尾的引号，或注释缺少 */。",
		}
	}
	return Text{EN: q + " cannot be read as bytes.", ZH: q + " 无法读成字节。"}
}

// clipText shortens a long piece of pasted text for a message.
func clipText(s string) string {
	const most = 16
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	n := 0
	for i := range s {
		if n == most {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

package codec

import (
	"strings"
	"unicode/utf8"
)

// ParseHex reads bytes from text written the way tutorials and tools
// print them, so that a student can paste what they have:
//
//   - hex digits, two per byte, apart or together, in upper or lower
//     case: "30 0b", "300B", "30:0b", "30,0b;", each byte or group with
//     an optional 0x or \x before it ("0x30 0X0B", "\x30\x0b");
//   - dumps with offsets at the start of each line: xxd, hexdump -C,
//     od -Ax -tx1, Wireshark's "Copy as Hex Dump", "0000: 30 0b". The
//     offsets and the dump's character column are not bytes; a "*" line
//     repeats the line above it up to the next offset, as hexdump prints
//     repeated lines;
//   - code: C, Go, Java and JavaScript arrays ({0x30, 0x0b}, [48, 11],
//     where a number without 0x is decimal, as in those languages),
//     Node's <Buffer 30 0b>, and string literals ("\x30\x0b", b'0\x0b').
//
// Spaces, tabs, new lines (\n or \r\n), commas, semicolons and colons
// separate bytes, full-width ones included. A text of separators only
// gives no bytes and no error. Any other error is a *HexError.
func ParseHex(s string) ([]byte, error) {
	r := hexReader{src: s, out: make([]byte, 0, len(s)/3+1)}
	var err *HexError
	body := strings.TrimSpace(s)
	switch {
	case body == "":
		return nil, nil
	case strings.HasPrefix(body, "<Buffer"):
		// Node prints a Buffer as <Buffer 30 0b>.
		start := strings.Index(s, "<Buffer") + len("<Buffer")
		end := strings.LastIndexByte(s, '>')
		if end < start {
			end = len(s)
		}
		err = r.lines(start, end)
	case isQuote(body[0]) || len(body) > 1 && (body[0] == 'b' || body[0] == 'B') && isQuote(body[1]):
		err = r.literals(len(s) - len(strings.TrimLeft(s, " \t\r\n")))
	default:
		err = r.lines(0, len(s))
		if err != nil && strings.ContainsAny(s, "{[") {
			// Not lines of hex: an array in code. (A dump's character
			// column may show a bracket, so lines are tried first.)
			r = hexReader{src: s, out: r.out[:0]}
			err = r.array()
		}
	}
	if err != nil {
		return nil, err
	}
	if len(r.out) == 0 {
		return nil, nil
	}
	return r.out, nil
}

// hexReader is the state of one ParseHex call: the text, the bytes read,
// and what the last line of a dump held.
type hexReader struct {
	src string
	out []byte

	prevStart, prevEnd int  // the bytes of the last dump line, in out
	repeat             bool // a "*" line: repeat the last line up to the next offset
	dump               bool // a line with an offset has been read
}

// lines reads src[start:end] line by line.
func (r *hexReader) lines(start, end int) *HexError {
	for start < end {
		nl := strings.IndexByte(r.src[start:end], '\n')
		stop := end
		if nl >= 0 {
			stop = start + nl
		}
		if err := r.line(start, stop); err != nil {
			return err
		}
		start = stop + 1
	}
	return nil
}

// line reads one line, src[start:end], without its new line.
func (r *hexReader) line(start, end int) *HexError {
	for start < end && isSpace(r.src[start]) {
		start++
	}
	for end > start && (isSpace(r.src[end-1]) || r.src[end-1] == '\r') {
		end--
	}
	if start == end {
		return nil
	}
	if r.dump && r.src[start:end] == "*" {
		r.repeat = true
		return nil
	}
	if at, ok := r.offset(start, end); ok {
		r.dump = true
		lineStart := len(r.out)
		if err := r.dumpBytes(at, end); err != nil {
			return err
		}
		r.prevStart, r.prevEnd = lineStart, len(r.out)
		return nil
	}
	return r.groups(start, end)
}

// groups reads groups of hex digits in src[start:end]: separators
// between them, a 0x or \x before each.
func (r *hexReader) groups(start, end int) *HexError {
	i := start
	for i < end {
		c := r.src[i]
		if c == ' ' {
			i++ // the common separator, first
			continue
		}
		if n := separatorLen(r.src[i:end]); n > 0 {
			i += n
			continue
		}
		prefixed := false
		if hasPrefix(r.src[i:end]) {
			prefixed = true
			i += 2
		} else if hexDigits[c] > 0xf {
			return r.notDigit(i)
		}
		g := i
		for i < end && hexDigits[r.src[i]] <= 0xf {
			i++
		}
		if i < end && r.src[i] != ' ' && separatorLen(r.src[i:end]) == 0 && !strings.HasPrefix(r.src[i:end], `\x`) {
			return r.notDigit(i)
		}
		if err := r.group(g, i, prefixed); err != nil {
			return err
		}
	}
	return nil
}

// group appends the bytes of the hex digits src[g:i]. A prefixed single
// digit is one byte ("0xb", as Go prints 0x0b); otherwise the digits must
// pair up.
func (r *hexReader) group(g, i int, prefixed bool) *HexError {
	n := i - g
	switch {
	case n == 0 && prefixed:
		return r.fail(HexNoDigits, g-2, r.src[g-2:g])
	case n == 1 && prefixed:
		d, _ := hexValue(r.src[g])
		r.out = append(r.out, d)
		return nil
	case n%2 == 1:
		from := g
		if prefixed {
			from -= 2
		}
		return r.fail(HexOddDigits, from, r.src[from:i])
	}
	for ; g < i; g += 2 {
		r.out = append(r.out, hexDigits[r.src[g]]<<4|hexDigits[r.src[g+1]])
	}
	return nil
}

// hasPrefix reports whether s starts with 0x, 0X or \x.
func hasPrefix(s string) bool {
	return len(s) > 1 && (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') || s[0] == '\\' && s[1] == 'x')
}

// notDigit is the error for the character at src[i].
func (r *hexReader) notDigit(i int) *HexError {
	c, _ := utf8.DecodeRuneInString(r.src[i:])
	return r.fail(HexNotDigit, i, string(c))
}

// fail is an error of kind p at byte offset at of the text.
func (r *hexReader) fail(p HexProblem, at int, found string) *HexError {
	return newHexError(r.src, p, at, found)
}

// separatorLen is the length of the separator that s starts with, or 0:
// an ASCII space, tab, carriage return, comma, semicolon or colon, a
// no-break space, or a full-width space, comma, semicolon, colon or
// enumeration comma (、) as a Chinese keyboard types them.
func separatorLen(s string) int {
	c := s[0]
	if c < utf8.RuneSelf {
		switch c {
		case ' ', '\t', '\r', '\n', ',', ';', ':':
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '\u00a0', '\u3000', '，', '；', '：', '、':
		return n
	}
	return 0
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

func isQuote(c byte) bool { return c == '"' || c == '\'' }

func isHexDigit(c byte) bool { return hexDigits[c] <= 0xf }

// hexValue is the value of the hex digit c.
func hexValue(c byte) (byte, bool) {
	v := hexDigits[c]
	return v, v <= 0xf
}

// hexDigits maps a byte to its value as a hex digit, or 0xff.
var hexDigits = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c-'a') + 10
		t[c-'a'+'A'] = byte(c-'a') + 10
	}
	return t
}()

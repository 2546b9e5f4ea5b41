package codec

import "strings"

// array reads the items of the first array in the text: between the
// first "{" and the last "}" (C, Go, Java), else between the first "["
// and the last "]" (JavaScript, Python, Java's Arrays.toString, Go's
// fmt.Println). What comes before and after, a declaration such as
// "uint8_t packet[] =", is not read. Items are numbers apart with commas
// or spaces: 0x0b is hex, 11 is decimal as in those languages, -128 to
// -1 is a byte as Java prints it; a cast such as (byte) is skipped.
func (r *hexReader) array() *HexError {
	open, close := byte('{'), byte('}')
	if strings.IndexByte(r.src, '{') < 0 {
		open, close = '[', ']'
	}
	start := strings.IndexByte(r.src, open) + 1
	end := strings.LastIndexByte(r.src, close)
	if end < start {
		end = len(r.src)
	}
	i := start
	for i < end {
		c := r.src[i]
		if n := separatorLen(r.src[i:end]); n > 0 {
			i += n
			continue
		}
		if c == '{' || c == '}' || c == '[' || c == ']' {
			i++ // nested arrays
			continue
		}
		if next, err := r.comment(i, end); next > i || err != nil {
			if err != nil {
				return err
			}
			i = next
			continue
		}
		item := i
		for i < end && separatorLen(r.src[i:end]) == 0 && !strings.ContainsRune("{}[]#/", rune(r.src[i])) {
			i++
		}
		if i == item {
			return r.notDigit(i) // a "/" that starts no comment
		}
		if err := r.item(item, i); err != nil {
			return err
		}
	}
	return nil
}

// comment returns the offset after the comment that starts at src[i]:
// // or # to the end of the line, /* to */. It returns i when none does.
func (r *hexReader) comment(i, end int) (int, *HexError) {
	s := r.src[i:end]
	switch {
	case strings.HasPrefix(s, "//") || s[0] == '#':
		if nl := strings.IndexByte(s, '\n'); nl >= 0 {
			return i + nl + 1, nil
		}
		return end, nil
	case strings.HasPrefix(s, "/*"):
		if k := strings.Index(s[2:], "*/"); k >= 0 {
			return i + 2 + k + 2, nil
		}
		return i, r.fail(HexUnclosed, i, s)
	}
	return i, nil
}

// item appends the byte that the array item src[start:end] is.
func (r *hexReader) item(start, end int) *HexError {
	s := r.src[start:end]
	if s[0] == '(' {
		// A cast: (byte)0x82, (uint8_t)0x82.
		if k := strings.IndexByte(s, ')'); k > 0 {
			s = s[k+1:]
		}
		if s == "" {
			return nil // "(byte) 0x82" puts the number in the next item
		}
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	var v int
	switch {
	case hasPrefix(s) && s[0] == '0':
		if len(s) == 2 {
			return r.fail(HexNoDigits, start, r.src[start:end])
		}
		for j := 2; j < len(s); j++ {
			d, ok := hexValue(s[j])
			if !ok {
				return r.fail(HexNotNumber, start, r.src[start:end])
			}
			v = v<<4 | int(d)
			if v > 0xff {
				return r.fail(HexNotByte, start, r.src[start:end])
			}
		}
	default:
		if s == "" {
			return r.fail(HexNotNumber, start, r.src[start:end])
		}
		for j := 0; j < len(s); j++ {
			if s[j] < '0' || s[j] > '9' {
				return r.fail(HexNotNumber, start, r.src[start:end])
			}
			v = v*10 + int(s[j]-'0')
			if v > 0xff {
				return r.fail(HexNotByte, start, r.src[start:end])
			}
		}
	}
	if neg {
		if v > 128 {
			return r.fail(HexNotByte, start, r.src[start:end])
		}
		v = -v & 0xff
	}
	r.out = append(r.out, byte(v))
	return nil
}

// literals reads string literals from src[at:]: C, Go, JavaScript or
// Python ("\x30\x0b", b'0\x0b'), one after another with spaces, new lines
// or + between them, as a long literal is written over several lines.
// Escapes are \xHH, \\, \', \", \n, \r, \t, \0; any other character is
// its own bytes.
func (r *hexReader) literals(at int) *HexError {
	i := at
	for i < len(r.src) {
		c := r.src[i]
		switch {
		case c == '+' || c == ';' || c == ')' || separatorLen(r.src[i:]) > 0:
			i++
			continue
		case (c == 'b' || c == 'B') && i+1 < len(r.src) && isQuote(r.src[i+1]):
			i++
		case !isQuote(c):
			return r.notDigit(i)
		}
		end, err := r.literal(i)
		if err != nil {
			return err
		}
		i = end
	}
	return nil
}

// literal reads the string literal whose opening quote is at src[q] and
// returns the offset after its closing quote.
func (r *hexReader) literal(q int) (int, *HexError) {
	quote := r.src[q]
	for i := q + 1; i < len(r.src); {
		c := r.src[i]
		switch {
		case c == quote:
			return i + 1, nil
		case c == '\n':
			return 0, r.fail(HexUnclosed, q, r.src[q:i])
		case c != '\\':
			r.out = append(r.out, c)
			i++
			continue
		}
		if i+1 >= len(r.src) {
			break
		}
		esc := r.src[i+1]
		if esc == 'x' {
			if i+3 >= len(r.src) || !isHexDigit(r.src[i+2]) || !isHexDigit(r.src[i+3]) {
				return 0, r.fail(HexNoDigits, i, r.src[i:min(i+4, len(r.src))])
			}
			hi, _ := hexValue(r.src[i+2])
			lo, _ := hexValue(r.src[i+3])
			r.out = append(r.out, hi<<4|lo)
			i += 4
			continue
		}
		if b, ok := simpleEscapes[esc]; ok {
			r.out = append(r.out, b)
			i += 2
			continue
		}
		return 0, r.notDigit(i + 1)
	}
	return 0, r.fail(HexUnclosed, q, r.src[q:])
}

// simpleEscapes are the one-letter escapes of C and Python strings.
var simpleEscapes = map[byte]byte{
	'\\': '\\', '\'': '\'', '"': '"', 'n': '\n', 'r': '\r', 't': '\t', '0': 0, 'a': 7, 'b': 8, 'f': 12, 'v': 11,
}

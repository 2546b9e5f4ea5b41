package script

import (
	"strconv"
	"strings"
	"unicode"
)

// token is one word of a scenario line: a bare word, a quoted string, or a
// key=value option whose value may be quoted.
type token struct {
	// col is the 1-based column (in runes) where the token starts.
	col int
	// raw is the token as written, quotes included.
	raw string
	// text is the token's value: raw for a bare word, the unquoted string
	// for a quoted one.
	text string
	// quoted reports a token written as a quoted string.
	quoted bool
}

// option splits a key=value token. ok is false for a quoted token or a word
// without "=".
func (t token) option() (key, value string, ok bool) {
	if t.quoted {
		return "", "", false
	}
	key, value, ok = strings.Cut(t.raw, "=")
	if !ok || key == "" {
		return "", "", false
	}
	if strings.HasPrefix(value, `"`) {
		// lexLine has checked that the quoted value unquotes.
		value, _ = strconv.Unquote(value)
	}
	return key, value, true
}

// shown is how an error message quotes the token.
func (t token) shown() string {
	return t.raw
}

// lexLine splits one line into tokens. A '#' at the start of a token begins
// a comment that runs to the end of the line; a '#' inside a word (the
// filter devices/#) is part of the word. It returns the tokens and the
// line's text without its comment, or a ParseError for an unterminated or
// malformed quoted string.
func lexLine(line string, lineNo int) ([]token, string, error) {
	rs := []rune(line)
	var toks []token
	i := 0
	end := len(rs)
	for i < len(rs) {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		if rs[i] == '#' {
			end = i
			break
		}
		start := i
		quoted := rs[i] == '"'
		for i < len(rs) && !unicode.IsSpace(rs[i]) {
			if rs[i] == '"' {
				j, err := skipQuoted(rs, i, lineNo)
				if err != nil {
					return nil, "", err
				}
				i = j
				continue
			}
			i++
		}
		raw := string(rs[start:i])
		t := token{col: start + 1, raw: raw, text: raw}
		if quoted {
			if !strings.HasSuffix(raw, `"`) || len(raw) < 2 {
				return nil, "", &ParseError{Line: lineNo, Col: start + 1, Text: say(msgExpected, messages[wantSpaceAfterQuote], raw)}
			}
			s, err := strconv.Unquote(raw)
			if err != nil {
				return nil, "", &ParseError{Line: lineNo, Col: start + 1, Text: say(msgExpected, messages[wantString], raw)}
			}
			t.text, t.quoted = s, true
		} else if _, v, ok := strings.Cut(raw, "="); ok && strings.HasPrefix(v, `"`) {
			if _, err := strconv.Unquote(v); err != nil {
				return nil, "", &ParseError{Line: lineNo, Col: start + 1, Text: say(msgExpected, messages[wantQuotedValue], raw)}
			}
		}
		toks = append(toks, t)
	}
	return toks, strings.TrimSpace(string(rs[:end])), nil
}

// skipQuoted returns the index just past the closing quote of the string
// that starts at rs[i].
func skipQuoted(rs []rune, i, lineNo int) (int, error) {
	start := i
	i++
	for i < len(rs) {
		switch rs[i] {
		case '\\':
			i += 2
			continue
		case '"':
			return i + 1, nil
		}
		i++
	}
	return 0, &ParseError{Line: lineNo, Col: start + 1, Text: messages[msgClosingQuote]}
}

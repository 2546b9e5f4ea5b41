package script

import (
	"slices"
	"strconv"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// lineParser reads the tokens of one scenario line, left to right.
type lineParser struct {
	sc   *Scenario
	line int
	// text is the line without its comment: the text of an expectation.
	text string
	toks []token
	next int
	// endCol is the column just past the last token, where "end of line"
	// errors point.
	endCol int
}

// fail makes a ParseError at column col with message m.
func (p *lineParser) fail(col int, m msg, args ...any) error {
	return &ParseError{Line: p.line, Col: col, Text: say(m, args...)}
}

// expected is the error "expected WANT, found FOUND" at column col.
func (p *lineParser) expected(col int, want trace.Text, found string) error {
	return p.fail(col, msgExpected, want, found)
}

// expectedEnd is the error "expected WANT, found end of line".
func (p *lineParser) expectedEnd(want trace.Text) error {
	return p.fail(p.endCol, msgExpectedEnd, want)
}

// more reports whether tokens remain.
func (p *lineParser) more() bool { return p.next < len(p.toks) }

// peek returns the next token without taking it.
func (p *lineParser) peek() token { return p.toks[p.next] }

// take returns the next token, or an error naming what was expected there.
func (p *lineParser) take(what trace.Text) (token, error) {
	if !p.more() {
		return token{}, p.expectedEnd(what)
	}
	t := p.toks[p.next]
	p.next++
	return t, nil
}

// word takes the next token, which must be one of the given words.
func (p *lineParser) word(words ...string) (token, error) {
	what := oneOf(words...)
	t, err := p.take(what)
	if err != nil {
		return t, err
	}
	for _, w := range words {
		if !t.quoted && t.raw == w {
			return t, nil
		}
	}
	return t, p.expected(t.col, what, t.shown())
}

// positional takes the next token as a value (a topic, a payload), refusing
// an option such as qos=1 where a value belongs.
func (p *lineParser) positional(what trace.Text) (token, error) {
	t, err := p.take(what)
	if err != nil {
		return t, err
	}
	if _, _, ok := t.option(); ok && isOptionName(t) {
		return t, p.expected(t.col, what, t.shown())
	}
	return t, nil
}

// optionNames are the keys the language uses; a positional value that
// starts with one of them followed by '=' is taken for a misplaced option.
var optionNames = map[string]bool{
	"qos": true, "retain": true, "dup": true, "id": true, "clean": true,
	"keepalive": true, "user": true, "pass": true, "retry": true,
	"session": true, "up": true, "down": true,
}

func isOptionName(t token) bool {
	k, _, _ := t.option()
	return optionNames[k]
}

// client takes the next token as the name of a declared client.
func (p *lineParser) client() (token, error) {
	want := say(wantClientName, p.sc.clientList())
	t, err := p.take(want)
	if err != nil {
		return t, err
	}
	if _, ok := p.sc.clients[t.raw]; !ok || t.quoted {
		if strings.Contains(t.raw, "=") {
			return t, p.expected(t.col, want, t.shown())
		}
		return t, p.fail(t.col, msgDeclareFirst, want, t.shown(), t.raw)
	}
	return t, nil
}

// end checks that no token is left.
func (p *lineParser) end() error {
	if p.more() {
		t := p.peek()
		return p.expected(t.col, messages[wantEndOfLine], t.shown())
	}
	return nil
}

// optionSpec parses the value of one key=value option. expected is how an
// error spells the option, e.g. "qos=0|1|2".
type optionSpec struct {
	expected trace.Text
	set      func(value string) bool
}

// options reads the remaining tokens as key=value options, each at most
// once, each known to specs.
func (p *lineParser) options(specs map[string]optionSpec) error {
	seen := map[string]bool{}
	for p.more() {
		t := p.peek()
		key, value, ok := t.option()
		spec, known := specs[key]
		if !ok || !known {
			return p.expected(t.col, optionList(specs), t.shown())
		}
		if seen[key] {
			return p.fail(t.col, msgOptionTwice, key)
		}
		seen[key] = true
		if !spec.set(value) {
			return p.expected(t.col, spec.expected, t.shown())
		}
		p.next++
	}
	return nil
}

// optionList spells the accepted options for an error message, sorted.
func optionList(specs map[string]optionSpec) trace.Text {
	keys := make([]string, 0, len(specs))
	for k := range specs {
		keys = append(keys, k+"=")
	}
	slices.Sort(keys)
	if len(keys) == 1 {
		return say(wantOption, keys[0])
	}
	return say(wantOptionOrEnd, strings.Join(keys, " "))
}

// The value parsers used by options; each reports whether the value is
// valid and stores it.

func qosOption(dst *codec.QoS) optionSpec {
	return optionSpec{same("qos=0|1|2"), func(v string) bool {
		q, ok := parseQoS(v)
		*dst = q
		return ok
	}}
}

func parseQoS(v string) (codec.QoS, bool) {
	switch v {
	case "0", "1", "2":
		return codec.QoS(v[0] - '0'), true
	}
	return 0, false
}

func flagOption(key string, dst *bool) optionSpec {
	return optionSpec{same(key + "=0|1"), func(v string) bool {
		switch v {
		case "0":
			*dst = false
		case "1":
			*dst = true
		default:
			return false
		}
		return true
	}}
}

// optionalFlag records a 0|1 option that may be absent: nil when absent.
func optionalFlag(key string, dst **bool) optionSpec {
	return optionSpec{same(key + "=0|1"), func(v string) bool {
		var b bool
		if !flagOption(key, &b).set(v) {
			return false
		}
		*dst = &b
		return true
	}}
}

func uint16Option(expected trace.Text, min int, dst *uint16) optionSpec {
	return optionSpec{expected, func(v string) bool {
		n, err := strconv.Atoi(v)
		if err != nil || n < min || n > 65535 {
			return false
		}
		*dst = uint16(n)
		return true
	}}
}

func durationOption(key string, dst *int64) optionSpec {
	return optionSpec{say(wantDurationShort, key+"=", oneOf("5s", "250ms")), func(v string) bool {
		ms, ok := parseDuration(v)
		*dst = ms
		return ok
	}}
}

func stringOption(dst **string) optionSpec {
	return optionSpec{messages[wantValue], func(v string) bool {
		s := v
		*dst = &s
		return true
	}}
}

// durationUnits are the units a duration may use, in milliseconds.
var durationUnits = map[string]int64{"ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000}

// parseDuration reads a duration such as 90s, 250ms or 1m30s into virtual
// milliseconds; "0" is zero.
func parseDuration(v string) (int64, bool) {
	if v == "0" {
		return 0, true
	}
	if v == "" {
		return 0, false
	}
	var total int64
	for v != "" {
		i := 0
		for i < len(v) && v[i] >= '0' && v[i] <= '9' {
			i++
		}
		j := i
		for j < len(v) && v[j] >= 'a' && v[j] <= 'z' {
			j++
		}
		n, err := strconv.ParseInt(v[:i], 10, 32)
		unit, ok := durationUnits[v[i:j]]
		if err != nil || !ok {
			return 0, false
		}
		total += n * unit
		v = v[j:]
	}
	return total, true
}

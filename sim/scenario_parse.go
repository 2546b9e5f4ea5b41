package sim

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"mqttviz/codec"
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

// errorf makes a ParseError at column col.
func (p *lineParser) errorf(col int, format string, args ...any) error {
	return &ParseError{Line: p.line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// more reports whether tokens remain.
func (p *lineParser) more() bool { return p.next < len(p.toks) }

// peek returns the next token without taking it.
func (p *lineParser) peek() token { return p.toks[p.next] }

// take returns the next token, or an error naming what was expected there.
func (p *lineParser) take(what string) (token, error) {
	if !p.more() {
		return token{}, p.errorf(p.endCol, "expected %s, found end of line", what)
	}
	t := p.toks[p.next]
	p.next++
	return t, nil
}

// word takes the next token, which must be one of the given words.
func (p *lineParser) word(words ...string) (token, error) {
	what := strings.Join(words, " or ")
	t, err := p.take(what)
	if err != nil {
		return t, err
	}
	for _, w := range words {
		if !t.quoted && t.raw == w {
			return t, nil
		}
	}
	return t, p.errorf(t.col, "expected %s, found %s", what, t.shown())
}

// positional takes the next token as a value (a topic, a payload), refusing
// an option such as qos=1 where a value belongs.
func (p *lineParser) positional(what string) (token, error) {
	t, err := p.take(what)
	if err != nil {
		return t, err
	}
	if _, _, ok := t.option(); ok && isOptionName(t) {
		return t, p.errorf(t.col, "expected %s, found %s", what, t.shown())
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
	t, err := p.take("a client name" + p.sc.clientList())
	if err != nil {
		return t, err
	}
	if _, ok := p.sc.clients[t.raw]; !ok || t.quoted {
		if strings.Contains(t.raw, "=") {
			return t, p.errorf(t.col, "expected a client name%s, found %s", p.sc.clientList(), t.shown())
		}
		return t, p.errorf(t.col, "expected a client name%s, found %s (declare it first with: client %s)", p.sc.clientList(), t.shown(), t.raw)
	}
	return t, nil
}

// end checks that no token is left.
func (p *lineParser) end() error {
	if p.more() {
		t := p.peek()
		return p.errorf(t.col, "expected end of line, found %s", t.shown())
	}
	return nil
}

// optionSpec parses the value of one key=value option. expected is how an
// error spells the option, e.g. "qos=0|1|2".
type optionSpec struct {
	expected string
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
			return p.errorf(t.col, "expected %s, found %s", optionList(specs), t.shown())
		}
		if seen[key] {
			return p.errorf(t.col, "expected each option once, found %s= again", key)
		}
		seen[key] = true
		if !spec.set(value) {
			return p.errorf(t.col, "expected %s, found %s", spec.expected, t.shown())
		}
		p.next++
	}
	return nil
}

// optionList spells the accepted options for an error message, sorted.
func optionList(specs map[string]optionSpec) string {
	keys := make([]string, 0, len(specs))
	for k := range specs {
		keys = append(keys, k+"=")
	}
	slices.Sort(keys)
	if len(keys) == 1 {
		return "option " + keys[0] + " or end of line"
	}
	return "an option (" + strings.Join(keys, " ") + ") or end of line"
}

// The value parsers used by options; each reports whether the value is
// valid and stores it.

func qosOption(dst *codec.QoS) optionSpec {
	return optionSpec{"qos=0|1|2", func(v string) bool {
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
	return optionSpec{key + "=0|1", func(v string) bool {
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
	return optionSpec{key + "=0|1", func(v string) bool {
		var b bool
		if !flagOption(key, &b).set(v) {
			return false
		}
		*dst = &b
		return true
	}}
}

func uint16Option(key, what string, min int, dst *uint16) optionSpec {
	return optionSpec{fmt.Sprintf("%s=%s", key, what), func(v string) bool {
		n, err := strconv.Atoi(v)
		if err != nil || n < min || n > 65535 {
			return false
		}
		*dst = uint16(n)
		return true
	}}
}

func durationOption(key string, dst *int64) optionSpec {
	return optionSpec{key + "= a duration such as 5s or 250ms", func(v string) bool {
		ms, ok := parseDuration(v)
		*dst = ms
		return ok
	}}
}

func stringOption(dst **string) optionSpec {
	return optionSpec{"a value", func(v string) bool {
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

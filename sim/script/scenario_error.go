package script

import (
	"errors"
	"fmt"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// ParseError is a scenario that cannot run: a line the parser does not
// understand, or an action the world refuses. Line and Col are 1-based; Col
// counts characters (runes), so it points at the right place in a line with
// Chinese text too.
type ParseError struct {
	Line, Col int
	// Text says in one sentence, in English and Chinese, what was expected
	// there and what was found.
	Text trace.Text
}

// Error formats the error in English: "line 4, col 12: expected
// qos=0|1|2, found qos=3".
func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d, col %d: %s", e.Line, e.Col, e.Text.EN)
}

// errorText is err in both languages: an ActionError's own text, else the
// English message in both.
func errorText(err error) trace.Text {
	var ae *sim.ActionError
	if errors.As(err, &ae) {
		return ae.Text
	}
	return same(err.Error())
}

package sim

import "fmt"

// ParseError is a scenario that cannot run: a line the parser does not
// understand, or an action the world refuses. Line and Col are 1-based; Col
// counts characters (runes), so it points at the right place in a line with
// Chinese text too.
type ParseError struct {
	Line, Col int
	Msg       string
}

// Error formats the error as "line 4, col 12: expected qos=0|1|2, found qos=3".
func (e *ParseError) Error() string {
	return fmt.Sprintf("line %d, col %d: %s", e.Line, e.Col, e.Msg)
}

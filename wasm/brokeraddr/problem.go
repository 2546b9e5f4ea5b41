package brokeraddr

import (
	"strconv"

	"mqttviz/codec"
)

// Problem is what is wrong with an address, stable for tests and for
// the page to react to (the mixed-content problem offers a wss:// fix).
type Problem uint8

// The problems Parse and CheckPage report.
const (
	Empty        Problem = iota + 1 // nothing entered
	BadSyntax                       // not a URL at all
	BadScheme                       // not ws:// or wss://
	Credentials                     // user:pass@ in the address
	NoHost                          // no host after the scheme
	BadPort                         // a port out of 1…65535
	Fragment                        // a #fragment, which WebSocket refuses
	MixedContent                    // ws:// to another computer from an https:// page
)

var problemNames = [...]string{
	Empty: "empty", BadSyntax: "syntax", BadScheme: "scheme", Credentials: "credentials",
	NoHost: "host", BadPort: "port", Fragment: "fragment", MixedContent: "mixed-content",
}

// String is the problem's short name, "problem(N)" for an unknown one.
func (p Problem) String() string {
	if int(p) < len(problemNames) && problemNames[p] != "" {
		return problemNames[p]
	}
	return "problem(" + strconv.Itoa(int(p)) + ")"
}

// Error is an address refused, with what is wrong in both languages.
type Error struct {
	Problem Problem
	Text    codec.Text
}

// Error is the English sentence.
func (e *Error) Error() string { return "broker address: " + e.Text.EN }

// Is matches another *Error of the same problem, so that
// errors.Is(err, &Error{Problem: MixedContent}) works.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Problem == e.Problem
}

func refuse(p Problem, en, zh string) *Error {
	return &Error{Problem: p, Text: codec.Text{EN: en, ZH: zh}}
}

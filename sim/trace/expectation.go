package trace

// ExpectResult is an expectation's result: held, failed, or not
// observable (a run against a real broker cannot see the broker's
// insides: its sessions, its retained messages, what it received).
type ExpectResult uint8

// The three results of an expectation.
const (
	ExpectOK ExpectResult = iota
	ExpectFailed
	ExpectUnobservable
)

// Result is the expectation's result.
func (e Expectation) Result() ExpectResult {
	switch {
	case e.OK:
		return ExpectOK
	case e.Unobservable:
		return ExpectUnobservable
	}
	return ExpectFailed
}

// Name is the result as the text writer and the command print it: "ok",
// "FAIL", "not observable".
func (r ExpectResult) Name() Text {
	switch r {
	case ExpectOK:
		return Text{EN: "ok", ZH: "成立"}
	case ExpectUnobservable:
		return Text{EN: "not observable", ZH: "无法观察"}
	}
	return Text{EN: "FAIL", ZH: "不成立"}
}

package trace

import (
	"strings"
	"testing"
)

func TestExpectationResult(t *testing.T) {
	why := Text{EN: "not observable on a real broker", ZH: "无法观察"}
	tr := &Trace{Expectations: []Expectation{
		{Line: 1, Text: "expect c connected", OK: true},
		{Line: 2, Text: "expect c suback 1", Why: &Text{EN: "c received SUBACK 0"}},
		{Line: 3, Text: "expect broker session c connected", Unobservable: true, Why: &why},
	}}
	want := []ExpectResult{ExpectOK, ExpectFailed, ExpectUnobservable}
	for i, e := range tr.Expectations {
		if got := e.Result(); got != want[i] {
			t.Errorf("line %d: result %v, want %v", e.Line, got, want[i])
		}
	}
	if f := tr.Failed(); len(f) != 1 || f[0].Line != 2 {
		t.Errorf("Failed() = %v, want line 2 alone", f)
	}
	text := FormatText(tr, "en")
	for _, s := range []string{
		"expectations: 1 of 3 hold",
		"  ok              line 1",
		"  FAIL            line 2",
		"  not observable  line 3: expect broker session c connected\n        not observable on a real broker\n",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the text lacks %q:\n%s", s, text)
		}
	}
}

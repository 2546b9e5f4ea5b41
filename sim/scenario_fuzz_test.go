package sim

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzScenario feeds any text to the parser, and runs what parses: nothing
// may panic, every error is a *ParseError pointing inside the text.
func FuzzScenario(f *testing.F) {
	for _, l := range Lessons() {
		src, _ := LessonSource(l.Name)
		f.Add(src)
	}
	f.Add("client a\nconnect a\nexpect a connack")
	f.Add("client a\npublish a x \"\\")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 || strings.Contains(src, "wait") || strings.Contains(src, "repeat") {
			t.Skip("long runs are not what this target looks for")
		}
		sc, err := ParseScenario("fuzz", src)
		if err != nil {
			checkParseError(t, src, err)
			return
		}
		if _, err := sc.Run(1); err != nil {
			checkParseError(t, src, err)
		}
	})
}

// checkParseError checks that err is a *ParseError whose line and column
// are inside src.
func checkParseError(t *testing.T, src string, err error) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v is not a *ParseError", err)
	}
	lines := strings.Split(src, "\n")
	if pe.Line < 1 || pe.Line > len(lines) {
		t.Fatalf("%v: line outside 1-%d", err, len(lines))
	}
	if n := utf8.RuneCountInString(lines[pe.Line-1]); pe.Col < 1 || pe.Col > n+2 {
		t.Fatalf("%v: column outside 1-%d", err, n+2)
	}
}

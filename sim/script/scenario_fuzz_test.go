package script

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzScenario feeds any text to the parser, and runs what parses: nothing
// may panic, every error is a *ParseError pointing inside the text.
func FuzzScenario(f *testing.F) {
	for _, src := range sortedSources(f) {
		f.Add(src)
	}
	f.Add("client a\nconnect a\nexpect a connack")
	f.Add("client a\npublish a x \"\\")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 || strings.Contains(src, "wait") || strings.Contains(src, "repeat") {
			t.Skip("long runs are not what this target looks for")
		}
		sc, err := Parse("fuzz", src)
		if err != nil {
			checkParseError(t, src, err)
			return
		}
		if _, err := sc.Run(1); err != nil {
			checkParseError(t, src, err)
		}
	})
}

// FuzzScenarioParse feeds any text to the parser only, repeat blocks
// included (FuzzScenario leaves them out: their runs are long): nothing
// may panic, every error is a *ParseError inside the text in both
// languages, and no scenario has more than maxStatements statements.
func FuzzScenarioParse(f *testing.F) {
	for _, src := range sortedSources(f) {
		f.Add(src)
	}
	f.Add("client a\nrepeat 3\nopen a\nraw broker a 20 02 00 00\nend\nrestart broker sessions=0")
	f.Add("client a\nrepeat 99999\nnote en: x\nexpect a got no CONNACK\nend")
	f.Add("repeat 2\nrepeat 2\nend\nend")
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			t.Skip("long texts are not what this target looks for")
		}
		sc, err := Parse("fuzz", src)
		if err != nil {
			checkParseError(t, src, err)
			if pe := err.(*ParseError); pe.Text.EN == "" || pe.Text.ZH == "" {
				t.Fatalf("%v: a language is missing: %+v", err, pe.Text)
			}
			return
		}
		if len(sc.stmts) > maxStatements || len(sc.stmts) != len(sc.lines) {
			t.Fatalf("%d statements, %d lines", len(sc.stmts), len(sc.lines))
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

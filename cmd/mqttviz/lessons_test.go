package main

import (
	"bytes"
	"mqttviz/sim/lessons"
	"strings"
	"testing"
)

func TestLessonsCommand(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		var out, errOut bytes.Buffer
		if code := dispatch([]string{"lessons", "--lang", lang}, &out, &errOut); code != 0 {
			t.Fatalf("exit %d, stderr %s", code, errOut.String())
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		lessons := lessons.Lessons()
		if len(lines) != len(lessons) {
			t.Fatalf("%d lines for %d lessons:\n%s", len(lines), len(lessons), out.String())
		}
		for i, l := range lessons {
			name, title, _ := strings.Cut(lines[i], " ")
			if name != l.Name || strings.TrimSpace(title) != l.Title.In(lang) {
				t.Errorf("line %d = %q, want %s then %q", i+1, lines[i], l.Name, l.Title.In(lang))
			}
		}
	}
}

func TestLessonsCommandUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"lessons", "extra"}, &out, &errOut); code != 2 {
		t.Errorf("exit %d for an extra argument, want 2", code)
	}
	if code := dispatch([]string{"lessons", "--lang", "fr"}, &out, &errOut); code != 2 {
		t.Errorf("exit %d for --lang fr, want 2", code)
	}
}

func TestHelpGoesToStdout(t *testing.T) {
	for _, c := range commands {
		cmd := c.name
		var out, errOut bytes.Buffer
		code := dispatch([]string{cmd, "--help"}, &out, &errOut)
		if code != 0 || !strings.HasPrefix(out.String(), "Usage: mqttviz "+cmd) || errOut.Len() != 0 {
			t.Errorf("%s --help: exit %d, stdout %q, stderr %q", cmd, code, out.String(), errOut.String())
		}
	}
}

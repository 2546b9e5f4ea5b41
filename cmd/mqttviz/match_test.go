package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestMatchCommand(t *testing.T) {
	cases := []struct {
		args     []string
		code     int
		stdout   []string // phrases stdout must contain, in order
		stderr   string   // a phrase stderr must contain
		noStdout bool
	}{
		{args: []string{"sport/+/player1", "sport/tennis/player1"}, code: 0, stdout: []string{
			"filter: sport/+/player1", "topic: sport/tennis/player1",
			"1 sport sport ✓", "2 + tennis ✓ + matches exactly one level, here “tennis”", "3 player1 player1 ✓",
			"Match: every level of the topic name agrees with the filter.",
		}},
		// ✗ seed 003: "+/+/+/+" does not match "/a/b/c/d", five levels.
		{args: []string{"+/+/+/+", "/a/b/c/d"}, code: 1, stdout: []string{
			"1 + (empty) ✓ + matches one level, here the empty first level that the leading / makes",
			"5 — d ✗ the filter has only 4 levels",
			"No match at level 5", "A leading / makes an empty first level.",
		}},
		{args: []string{"+/+/+/+/+", "/a/b/c/d"}, code: 0, stdout: []string{"Match"}},
		{args: []string{"tttt/#", "tttt"}, code: 0, stdout: []string{"2 # — ✓ # also matches its parent level"}},
		{args: []string{"#", "$SYS/broker/load"}, code: 1, stdout: []string{"MQTT-4.7.2-1"}},
		{args: []string{"--lang", "zh", "sport/+", "sport"}, code: 1, stdout: []string{
			"主题过滤器： sport/+", "层级 过滤器 主题名 原因", "2 + — ✗ + 必须匹配一个层级", "第 2 层不匹配",
		}},
		{args: []string{"sport/+", "sport/", "--lang=zh"}, code: 0, stdout: []string{"（空）", "匹配"}},
		{args: []string{"--", "-x/+", "-x/y"}, code: 0, stdout: []string{"filter: -x/+"}},
		// Invalid filters and topic names: exit 2 with the rule.
		{args: []string{"sport+", "sport"}, code: 2, noStdout: true, stderr: "The topic filter is not valid: The wildcard + must occupy a whole level of the filter, as in sport/+/player1, not sport+. [MQTT-4.7.1-3, offset 5]"},
		{args: []string{"a/#/b", "a"}, code: 2, noStdout: true, stderr: "MQTT-4.7.1-2, offset 2"},
		{args: []string{"a/+", "a/+"}, code: 2, noStdout: true, stderr: "The topic name is not valid"},
		{args: []string{"a", ""}, code: 2, noStdout: true, stderr: "MQTT-4.7.3-1"},
		{args: []string{"--lang", "zh", "a", "a\x00"}, code: 2, noStdout: true, stderr: "主题名不合法"},
		// Usage.
		{args: []string{"a"}, code: 2, noStdout: true, stderr: "want a filter and a topic name, got 1"},
		{args: []string{"a", "b", "c"}, code: 2, noStdout: true, stderr: "got 3"},
		{args: []string{"--lang", "fr", "a", "a"}, code: 2, noStdout: true, stderr: "--lang must be en or zh"},
		{args: []string{"--bogus", "a", "a"}, code: 2, noStdout: true, stderr: "flag provided but not defined: -bogus"},
		{args: []string{"--help"}, code: 0, stdout: []string{"Usage: mqttviz match", "Exit code 0: it matches"}},
		{args: []string{"a", "-h"}, code: 0, stdout: []string{"Usage: mqttviz match"}},
	}
	for _, c := range cases {
		var out, errOut bytes.Buffer
		code := runMatch(c.args, &out, &errOut)
		if code != c.code {
			t.Errorf("match %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", c.args, code, c.code, out.String(), errOut.String())
			continue
		}
		if rest, ok := containsInOrder(squeeze(out.String()), c.stdout); !ok {
			t.Errorf("match %q: stdout lacks %q (in order):\n%s", c.args, rest, out.String())
		}
		if c.noStdout && out.Len() > 0 {
			t.Errorf("match %q: unexpected stdout:\n%s", c.args, out.String())
		}
		if !strings.Contains(errOut.String(), c.stderr) {
			t.Errorf("match %q: stderr %q lacks %q", c.args, errOut.String(), c.stderr)
		}
		if c.stderr == "" && errOut.Len() > 0 {
			t.Errorf("match %q: unexpected stderr %q", c.args, errOut.String())
		}
	}
}

// TestMatchDispatch runs the command through the dispatcher, as a user
// does.
func TestMatchDispatch(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := dispatch([]string{"match", "a/#", "a"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errOut.String())
	}
	out.Reset()
	dispatch([]string{"--help"}, &out, &errOut)
	if !strings.Contains(out.String(), "match ") || !strings.Contains(out.String(), "decode ") {
		t.Errorf("usage does not list match and decode:\n%s", out.String())
	}
}

// squeeze collapses the runs of spaces that align table columns, so that
// tests can look for a row's cells.
func squeeze(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// containsInOrder reports whether s contains each phrase, each after the
// previous one; it returns the first phrase missing.
func containsInOrder(s string, phrases []string) (string, bool) {
	for _, p := range phrases {
		i := strings.Index(s, p)
		if i < 0 {
			return p, false
		}
		s = s[i+len(p):]
	}
	return "", true
}

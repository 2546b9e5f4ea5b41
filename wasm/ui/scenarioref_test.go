package ui

import (
	"errors"
	"mqttviz/sim/script"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// TestReferenceKeywords: every keyword the parser knows (as its "unknown
// keyword" error lists them) starts a line of some example.
func TestReferenceKeywords(t *testing.T) {
	_, err := script.Parse("x", "no-such-keyword")
	var pe *script.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("an unknown keyword gives %v", err)
	}
	list, _, ok := strings.Cut(pe.Text.EN, ", found")
	keywords := regexp.MustCompile(`\b[a-z]+\b`).FindAllString(list, -1)
	if !ok || len(keywords) < 20 {
		t.Fatalf("cannot read the keywords from %q", pe.Text.EN)
	}
	starts := map[string]bool{}
	for _, e := range reference {
		for _, line := range strings.Split(e.example, "\n") {
			starts[strings.Fields(line)[0]] = true
		}
	}
	for _, kw := range keywords {
		if kw != "expected" && kw != "a" && kw != "keyword" && !starts[kw] {
			t.Errorf("no example starts with %q", kw)
		}
	}
}

// TestReferenceMatchesDocs: the reference has a row for every statement
// row of docs/lessons.md's English tables, written the same way.
func TestReferenceMatchesDocs(t *testing.T) {
	b, err := os.ReadFile("../../docs/lessons.md")
	if err != nil {
		t.Fatal(err)
	}
	english, _, _ := strings.Cut(string(b), "## 简体中文")
	forms := map[string]bool{}
	for _, e := range reference {
		forms[e.form.EN] = true
	}
	row := regexp.MustCompile("(?m)^\\| (`[^|]*(?:\\\\\\|[^|]*)*) \\|")
	n := 0
	for _, m := range row.FindAllStringSubmatch(english, -1) {
		form := strings.NewReplacer("`", "", `\|`, "|").Replace(m[1])
		n++
		if !forms[form] {
			t.Errorf("docs/lessons.md has %q, the reference does not", form)
		}
	}
	if n != len(reference) {
		t.Errorf("docs/lessons.md has %d statement rows, the reference %d", n, len(reference))
	}
}

// TestReferenceExamples: every example runs alone, after exampleClients
// or after exampleConnected, and every row is in both languages.
func TestReferenceExamples(t *testing.T) {
	for _, e := range reference {
		var errs []error
		for _, before := range []string{"", exampleClients, exampleConnected} {
			if _, err := script.Run("ref", before+e.example+"\n", 1); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) == 3 {
			t.Errorf("%q does not run: %v", e.example, errs)
		}
		if e.form.EN == "" || e.meaning.EN == "" || !hasHan(e.meaning.ZH) || e.form.ZH == "" {
			t.Errorf("%q is not in both languages: %+v %+v", e.example, e.form, e.meaning)
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

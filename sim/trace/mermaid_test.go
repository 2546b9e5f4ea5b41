package trace

import (
	"strings"
	"testing"
)

// TestMermaidEscapes checks that no text can end a statement, start a
// comment or inject HTML.
func TestMermaidEscapes(t *testing.T) {
	got := mermaidText("a;b #c %%d <b>\"e\"\nf")
	if want := "a#59;b #35;c #37;#37;d #lt;b#gt;#quot;e#quot; f"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	rest := got
	for _, code := range []string{"#59;", "#35;", "#37;", "#lt;", "#gt;", "#quot;"} {
		rest = strings.ReplaceAll(rest, code, "")
	}
	if strings.ContainsAny(rest, ";#%<>\"\n") {
		t.Errorf("escaped text still holds syntax outside entity codes: %q", rest)
	}
}

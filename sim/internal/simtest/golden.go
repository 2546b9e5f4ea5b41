package simtest

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

// update is -update: rewrite the golden files under testdata/.
var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Update reports whether the test run was asked to rewrite golden files.
func Update() bool { return *update }

// FirstDifference names the first line where got differs from want, with
// both lines; "" when they are equal.
func FirstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\nwant %s\ngot  %s", i+1, wl, gl)
		}
	}
	return ""
}

// Golden compares got with the golden file path, rewriting it first with
// -update; the error names the first differing line and how to rewrite.
func Golden(t testing.TB, path, got string) {
	t.Helper()
	if Update() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (rerun the test with -update)", err)
	}
	if d := FirstDifference(string(want), got); d != "" {
		t.Errorf("%s differs (rerun with -update after a deliberate change, and review the diff):\n%s", path, d)
	}
}

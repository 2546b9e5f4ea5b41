package script

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// lessonSources reads the built-in lessons' scripts from their folder
// (sim/lessons, which imports this package, so its API is not at hand):
// name → script.
func lessonSources(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "lessons", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no lessons in ../lessons: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, name, _ := strings.Cut(strings.TrimSuffix(filepath.Base(f), ".txt"), "-")
		out[name] = string(b)
	}
	return out
}

// sortedSources are the lessons' scripts in the order of their names, for
// a seed corpus that is the same every run.
func sortedSources(t testing.TB) []string {
	m := lessonSources(t)
	names := slices.Sorted(maps.Keys(m))
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = m[n]
	}
	return out
}

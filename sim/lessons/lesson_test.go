package lessons

import (
	"encoding/json"
	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLessonsParse(t *testing.T) {
	for _, err := range lessonErrors() {
		t.Error(err)
	}
	ls := Lessons()
	if len(ls) < 15 {
		t.Errorf("%d built-in lessons, want at least 15", len(ls))
	}
	seen := map[string]bool{}
	for _, l := range ls {
		if seen[l.Name] {
			t.Errorf("two lessons named %s", l.Name)
		}
		seen[l.Name] = true
		if l.Title.EN == "" || l.Title.ZH == "" || l.Description.EN == "" || l.Description.ZH == "" {
			t.Errorf("%s: title and description must be in English and Chinese: %+v %+v", l.Name, l.Title, l.Description)
		}
	}
}

// TestLessons runs every built-in lesson: each must hold all its
// expectations, and have some.
func TestLessons(t *testing.T) {
	for _, l := range Lessons() {
		t.Run(l.Name, func(t *testing.T) {
			tr, err := RunLesson(l.Name, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(tr.Expectations) == 0 {
				t.Error("the lesson checks nothing")
			}
			for _, e := range tr.Failed() {
				t.Errorf("line %d: %s\n    found: %s", e.Line, e.Text, simtest.WhyEN(e))
			}
			if tr.Scenario != l.Name || tr.Title != l.Title {
				t.Errorf("trace names %q %+v", tr.Scenario, tr.Title)
			}
		})
	}
}

// TestLessonsAnySeed runs every lesson with other seeds: what a lesson
// expects must not hang on one seed's luck (lossy-link draws its losses
// from it).
func TestLessonsAnySeed(t *testing.T) {
	for _, l := range Lessons() {
		for seed := int64(2); seed <= 40; seed++ {
			tr, err := RunLesson(l.Name, seed)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range tr.Failed() {
				t.Errorf("%s seed %d: line %d: %s\n    found: %s", l.Name, seed, e.Line, e.Text, simtest.WhyEN(e))
			}
		}
	}
}

// TestLessonGolden compares each lesson's text trace with
// testdata/lessons/NAME.txt; -update rewrites them, to be reviewed as a
// diff.
func TestLessonGolden(t *testing.T) {
	for _, l := range Lessons() {
		t.Run(l.Name, func(t *testing.T) {
			tr, err := RunLesson(l.Name, 1)
			if err != nil {
				t.Fatal(err)
			}
			got := trace.FormatText(tr, "en")
			path := filepath.Join("testdata", "lessons", l.Name+".txt")
			if simtest.Update() {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./sim/lessons -run TestLessonGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the run; rerun with -update and review the diff.\n%s", path, simtest.FirstDifference(string(want), got))
			}
		})
	}
}

// TestLessonDeterministic runs each lesson twice with the same seed: the
// JSON traces must be byte-identical.
func TestLessonDeterministic(t *testing.T) {
	for _, l := range Lessons() {
		a, errA := RunLesson(l.Name, 42)
		b, errB := RunLesson(l.Name, 42)
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if string(ja) != string(jb) {
			t.Errorf("%s: two runs with seed 42 differ", l.Name)
		}
	}
}

// TestLessonCatalogue checks that docs/lessons.md lists every lesson.
func TestLessonCatalogue(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "lessons.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range Lessons() {
		if !strings.Contains(string(doc), "`"+l.Name+"`") {
			t.Errorf("docs/lessons.md does not list `%s`", l.Name)
		}
	}
}

func TestRunLessonUnknown(t *testing.T) {
	if _, err := RunLesson("no-such-lesson", 1); err == nil {
		t.Error("RunLesson accepted an unknown name")
	}
}

// TestTraceDocumented checks that docs/trace.md names every JSON field a
// trace uses, taken from real runs.
func TestTraceDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "trace.md"))
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, name := range []string{"online-offline", "qos1-lost-puback", "persistent-session"} {
		tr, err := RunLesson(name, 1)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(tr)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b, &v); err != nil {
			t.Fatal(err)
		}
		collectKeys(v, keys)
	}
	for k := range keys {
		if !strings.Contains(string(doc), "`"+k+"`") {
			t.Errorf("docs/trace.md does not document the field `%s`", k)
		}
	}
}

// collectKeys adds every object key found in v.
func collectKeys(v any, keys map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			keys[k] = true
			collectKeys(x, keys)
		}
	case []any:
		for _, x := range v {
			collectKeys(x, keys)
		}
	}
}

// TestDocExample runs the example of docs/lessons.md: it must parse and
// hold its expectations.
func TestDocExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "lessons.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "### An example\n\n```\n")
	src, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("docs/lessons.md has no example block under ### An example")
	}
	tr, err := script.Run("docs-example", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Expectations) == 0 {
		t.Error("the example checks nothing")
	}
	for _, e := range tr.Failed() {
		t.Errorf("line %d: %s\n    found: %s", e.Line, e.Text, simtest.WhyEN(e))
	}
}

// TestLessonsLazy checks that listing the lessons reads none, that a
// catalogue entry parses no script, and that running one lesson parses
// that one alone: a lesson's page must not pay for the 35 others.
func TestLessonsLazy(t *testing.T) {
	list := listLessons()
	if len(list) != len(LessonNames()) {
		t.Fatalf("%d lessons listed, %d named", len(list), len(LessonNames()))
	}
	parsed := func() (n int) {
		for _, l := range list {
			if l.sc != nil || l.err != nil {
				n++
			}
		}
		return n
	}
	if n := parsed(); n != 0 {
		t.Fatalf("listing the lessons parsed %d of them", n)
	}
	for _, l := range list {
		if _, ok := l.info(); !ok {
			t.Fatal(l.name, "has no catalogue entry")
		}
	}
	if n := parsed(); n != 0 {
		t.Errorf("the catalogue parsed %d scripts", n)
	}
	if _, err := list[5].load(); err != nil {
		t.Fatal(err)
	}
	if n := parsed(); n != 1 {
		t.Errorf("running one lesson parsed %d", n)
	}
}

// TestLessonInfoFromHead checks that each lesson's catalogue entry, read
// from its title and describe lines alone, is what the whole script
// says.
func TestLessonInfoFromHead(t *testing.T) {
	for _, l := range listLessons() {
		info, ok := l.info()
		sc, err := l.load()
		if !ok || err != nil {
			t.Fatalf("%s: %v %v", l.name, ok, err)
		}
		if info.Title != sc.Title || info.Description != sc.Description {
			t.Errorf("%s: catalogue %+v %+v, script %+v %+v", l.name, info.Title, info.Description, sc.Title, sc.Description)
		}
	}
}

// TestRunLessonReusesScenario checks that a lesson's scenario, parsed
// once and run again and again, gives the trace a fresh parse gives.
func TestRunLessonReusesScenario(t *testing.T) {
	for _, name := range LessonNames() {
		src, _ := LessonSource(name)
		for _, seed := range []int64{1, 7, 1} {
			got, err := RunLesson(name, seed)
			if err != nil {
				t.Fatal(err)
			}
			want, err := script.Run(name, src, seed)
			if err != nil {
				t.Fatal(err)
			}
			jg, _ := json.Marshal(got)
			jw, _ := json.Marshal(want)
			if string(jg) != string(jw) {
				t.Errorf("%s seed %d: a rerun of the parsed lesson differs from a fresh parse", name, seed)
			}
		}
	}
	if _, ok := Lesson("qos2"); !ok {
		t.Error(`Lesson("qos2") not found`)
	}
	if _, ok := Lesson("no-such-lesson"); ok {
		t.Error("Lesson found an unknown name")
	}
}

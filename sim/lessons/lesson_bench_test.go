package lessons

import "testing"

// BenchmarkLessonOpen is what a lesson's page asks of the package the
// first time: its catalogue entry and a run. Before the lessons were
// parsed lazily, every page parsed all of them at start-up
// (BenchmarkLessonsParseAll) and RunLesson parsed its lesson again.
func BenchmarkLessonOpen(b *testing.B) {
	saved := lessons
	defer func() { lessons = saved }()
	b.ReportAllocs()
	for range b.N {
		lessons = listLessons()
		if _, ok := Lesson("qos2"); !ok {
			b.Fatal("no qos2")
		}
		if _, err := RunLesson("qos2", 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLessonsAll reads every lesson's catalogue entry, as the
// lesson picker needs.
func BenchmarkLessonsAll(b *testing.B) {
	saved := lessons
	defer func() { lessons = saved }()
	b.ReportAllocs()
	for range b.N {
		lessons = listLessons()
		if len(Lessons()) == 0 {
			b.Fatal("no lessons")
		}
	}
}

// BenchmarkLessonsParseAll parses every lesson's script, as every page
// did at start-up before.
func BenchmarkLessonsParseAll(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		for _, l := range listLessons() {
			if _, err := l.load(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRunLesson runs a lesson already parsed: a new seed, or the
// lesson opened again.
func BenchmarkRunLesson(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := RunLesson("qos2", 1); err != nil {
			b.Fatal(err)
		}
	}
}

package lessons

import (
	"embed"
	"fmt"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"strings"
	"sync"
)

// lessonFiles are the built-in lessons: sim/lessons/NN-name.txt, where NN
// orders the catalogue and name is the lesson's name.
//
//go:embed *.txt
var lessonFiles embed.FS

// LessonInfo describes one built-in lesson for a catalogue.
type LessonInfo struct {
	// Name is what RunLesson and `mqttviz run` take, e.g. "qos1-lost-puback".
	Name string `json:"name"`
	// Title and Description are the lesson's own, in English and Chinese.
	Title       trace.Text `json:"title"`
	Description trace.Text `json:"description"`
}

// lesson is a built-in lesson: its name and file, read and parsed the
// first time something asks for it, and only then (a page that shows
// one lesson parses that one). Its catalogue entry is read apart, from
// its title and describe lines alone.
type lesson struct {
	name, file string

	once   sync.Once
	source string
	sc     *script.Scenario
	err    error

	headOnce sync.Once
	head     LessonInfo
	headErr  error
}

// load reads and parses the lesson once; later calls return the same
// scenario, which runs as often as asked (a run does not change it).
func (l *lesson) load() (*script.Scenario, error) {
	l.once.Do(func() {
		b, err := lessonFiles.ReadFile(l.file)
		if err == nil {
			l.source = string(b)
			l.sc, err = script.Parse(l.name, l.source)
		}
		if err != nil {
			l.err = fmt.Errorf("sim: built-in lesson %s: %w", l.name, err)
		}
	})
	return l.sc, l.err
}

// info is the lesson's catalogue entry, parsed once from the lesson's
// title and describe lines by the scenario parser (they are the same
// alone as among the other lines: repeated describe lines join wherever
// they are); ok is false when they do not parse.
func (l *lesson) info() (LessonInfo, bool) {
	l.headOnce.Do(func() {
		b, err := lessonFiles.ReadFile(l.file)
		if err != nil {
			l.headErr = err
			return
		}
		sc, err := script.ParseHeader(l.name, string(b))
		if err != nil {
			l.headErr = err
			return
		}
		l.head = LessonInfo{Name: l.name, Title: sc.Title, Description: sc.Description}
	})
	return l.head, l.headErr == nil
}

// lessons are the built-in lessons in catalogue order, known by their
// file names alone until asked for.
var lessons = listLessons()

// listLessons lists the embedded lesson files without reading them.
func listLessons() []*lesson {
	entries, _ := lessonFiles.ReadDir(".")
	out := make([]*lesson, 0, len(entries))
	for _, e := range entries {
		out = append(out, &lesson{name: lessonName(e.Name()), file: e.Name()})
	}
	return out
}

// findLesson returns the built-in lesson called name, or nil.
func findLesson(name string) *lesson {
	for _, l := range lessons {
		if l.name == name {
			return l
		}
	}
	return nil
}

// lessonErrors parses every lesson and returns the errors of those that
// do not parse (none: a test checks).
func lessonErrors() []error {
	var errs []error
	for _, l := range lessons {
		if _, err := l.load(); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// lessonName turns a file name "05-qos1-lost-puback.txt" into the lesson
// name "qos1-lost-puback".
func lessonName(file string) string {
	name := strings.TrimSuffix(file, ".txt")
	if _, rest, ok := strings.Cut(name, "-"); ok {
		return rest
	}
	return name
}

// Lessons returns the built-in lessons in catalogue order, leaving out
// any whose title and description do not parse. It reads every lesson's
// title and describe lines the first time, not their scripts (a test
// checks that every script parses).
func Lessons() []LessonInfo {
	out := make([]LessonInfo, 0, len(lessons))
	for _, l := range lessons {
		if info, ok := l.info(); ok {
			out = append(out, info)
		}
	}
	return out
}

// LessonNames returns the names of the built-in lessons in catalogue
// order, without parsing any.
func LessonNames() []string {
	out := make([]string, len(lessons))
	for i, l := range lessons {
		out[i] = l.name
	}
	return out
}

// Lesson returns the catalogue entry of the built-in lesson name, reading
// that lesson alone; ok is false for an unknown name.
func Lesson(name string) (info LessonInfo, ok bool) {
	if l := findLesson(name); l != nil {
		return l.info()
	}
	return LessonInfo{}, false
}

// LessonSource returns the script of a built-in lesson, for the editor to
// start from; ok is false for an unknown name.
func LessonSource(name string) (source string, ok bool) {
	l := findLesson(name)
	if l == nil {
		return "", false
	}
	if _, err := l.load(); err != nil {
		return "", false
	}
	return l.source, true
}

// RunLesson runs the built-in lesson name with the given seed. The lesson
// is parsed the first time only.
func RunLesson(name string, seed int64) (*trace.Trace, error) {
	l := findLesson(name)
	if l == nil {
		return nil, fmt.Errorf("sim: no lesson named %q", name)
	}
	sc, err := l.load()
	if err != nil {
		return nil, err
	}
	return sc.Run(seed)
}

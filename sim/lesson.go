package sim

import (
	"embed"
	"fmt"
	"path"
	"strings"
)

// lessonFiles are the built-in lessons: sim/lessons/NN-name.txt, where NN
// orders the catalogue and name is the lesson's name.
//
//go:embed lessons/*.txt
var lessonFiles embed.FS

// LessonInfo describes one built-in lesson for a catalogue.
type LessonInfo struct {
	// Name is what RunLesson and `mqttviz run` take, e.g. "qos1-lost-puback".
	Name string `json:"name"`
	// Title and Description are the lesson's own, in English and Chinese.
	Title       Text `json:"title"`
	Description Text `json:"description"`
}

// lesson is a built-in lesson: its catalogue entry and its script.
type lesson struct {
	info   LessonInfo
	source string
}

// lessons are the built-in lessons in catalogue order, and lessonErrors
// the embedded files that do not parse (none: a test checks), read once.
var lessons, lessonErrors = loadLessons()

// loadLessons reads and parses every embedded lesson, leaving out (and
// reporting) any that does not parse.
func loadLessons() ([]lesson, []error) {
	entries, _ := lessonFiles.ReadDir("lessons")
	var out []lesson
	var errs []error
	for _, e := range entries {
		b, err := lessonFiles.ReadFile(path.Join("lessons", e.Name()))
		name := lessonName(e.Name())
		var sc *Scenario
		if err == nil {
			sc, err = ParseScenario(name, string(b))
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("sim: built-in lesson %s: %w", name, err))
			continue
		}
		out = append(out, lesson{
			info:   LessonInfo{Name: name, Title: sc.Title, Description: sc.Description},
			source: string(b),
		})
	}
	return out, errs
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

// Lessons returns the built-in lessons in catalogue order.
func Lessons() []LessonInfo {
	out := make([]LessonInfo, len(lessons))
	for i, l := range lessons {
		out[i] = l.info
	}
	return out
}

// LessonSource returns the script of a built-in lesson, for the editor to
// start from; ok is false for an unknown name.
func LessonSource(name string) (source string, ok bool) {
	for _, l := range lessons {
		if l.info.Name == name {
			return l.source, true
		}
	}
	return "", false
}

// RunLesson runs the built-in lesson name with the given seed.
func RunLesson(name string, seed int64) (*Trace, error) {
	src, ok := LessonSource(name)
	if !ok {
		return nil, fmt.Errorf("sim: no lesson named %q", name)
	}
	return RunScenario(name, src, seed)
}

package main

import (
	"fmt"
	"io"
	"mqttviz/sim/lessons"
)

const lessonsUsage = `Usage: mqttviz lessons [--lang en|zh]

Lists the built-in lessons, one a line: its name, then its title.
Run one with: mqttviz run NAME
`

// runLessons prints the built-in lessons, one a line: the name, then the
// title in the language asked for.
func runLessons(args []string, stdout, stderr io.Writer) int {
	c := newCLI("lessons", lessonsUsage)
	lang := c.lang()
	pos, code, done := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		return c.fail(stderr, "takes no arguments, got %q", pos)
	}
	width := 0
	for _, l := range lessons.Lessons() {
		width = max(width, len(l.Name))
	}
	for _, l := range lessons.Lessons() {
		fmt.Fprintf(stdout, "%-*s  %s\n", width, l.Name, l.Title.In(*lang))
	}
	return 0
}

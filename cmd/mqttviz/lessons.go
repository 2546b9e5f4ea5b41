package main

import (
	"flag"
	"fmt"
	"io"

	"mqttviz/sim"
)

// runLessons prints the built-in lessons, one a line: the name, then the
// title in the language asked for.
func runLessons(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lessons", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lang := fs.String("lang", "en", "title language: en or zh")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: mqttviz lessons [--lang en|zh]\n\nLists the built-in lessons; run one with: mqttviz run NAME")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitCode(err)
	}
	if fs.NArg() > 0 || (*lang != "en" && *lang != "zh") {
		fs.Usage()
		return 2
	}
	width := 0
	for _, l := range sim.Lessons() {
		width = max(width, len(l.Name))
	}
	for _, l := range sim.Lessons() {
		fmt.Fprintf(stdout, "%-*s  %s\n", width, l.Name, l.Title.In(*lang))
	}
	return 0
}

// exitCode is the exit code for a flag parsing error: 0 for --help, 2
// otherwise.
func exitCode(err error) int {
	if err == flag.ErrHelp {
		return 0
	}
	return 2
}

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
	usage := func(w io.Writer) {
		fs.SetOutput(w)
		fmt.Fprintln(w, "Usage: mqttviz lessons [--lang en|zh]\n\nLists the built-in lessons; run one with: mqttviz run NAME")
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	fs.Usage = func() { usage(stderr) }
	if wantsHelp(args) {
		usage(stdout)
		return 0
	}
	if err := fs.Parse(args); err != nil {
		return 2
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

// wantsHelp reports whether args ask for a command's usage text, which then
// goes to stdout.
func wantsHelp(args []string) bool {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			return true
		}
	}
	return false
}

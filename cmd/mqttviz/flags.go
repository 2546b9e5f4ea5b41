package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
)

// cli is one command's options: its flag set and the usage text printed
// before the option list.
type cli struct {
	name  string
	usage string
	fs    *flag.FlagSet
	// language is the --lang option's value when the command has one.
	language *string
}

// newCLI starts the options of the command name; usage is its usage text
// without the option list, which parse prints from the flags.
func newCLI(name, usage string) *cli {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &cli{name: name, usage: usage, fs: fs}
}

// lang adds the --lang option: the language of names and explanations,
// which parse checks.
func (c *cli) lang() *string {
	c.language = c.fs.String("lang", "en", "language of names and explanations: en or zh")
	return c.language
}

// parse reads args: options and positional arguments in any order, "--"
// ending the options. On -h or --help it prints the usage to stdout; on a
// bad option, the fault and the usage to stderr. done says the command must
// exit now with code.
func (c *cli) parse(args []string, stdout, stderr io.Writer) (pos []string, code int, done bool) {
	for {
		err := c.fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			c.printUsage(stdout)
			return nil, 0, true
		}
		if err != nil {
			return nil, c.fail(stderr, "%v", err), true
		}
		rest := c.fs.Args()
		if len(rest) == 0 {
			break
		}
		// Parse stops at "--" and consumes it: everything after is positional.
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if c.language != nil && *c.language != "en" && *c.language != "zh" {
		fmt.Fprintf(stderr, "mqttviz %s: --lang must be en or zh, not %q\n", c.name, *c.language)
		return nil, 2, true
	}
	return pos, 0, false
}

// fail prints what is wrong with the arguments and the usage to stderr and
// returns exit code 2.
func (c *cli) fail(stderr io.Writer, format string, a ...any) int {
	fmt.Fprintf(stderr, "mqttviz %s: %s\n\n", c.name, fmt.Sprintf(format, a...))
	c.printUsage(stderr)
	return 2
}

func (c *cli) printUsage(w io.Writer) {
	fmt.Fprint(w, c.usage)
	c.fs.SetOutput(w)
	fmt.Fprintln(w, "\nOptions:")
	c.fs.PrintDefaults()
	c.fs.SetOutput(io.Discard)
}

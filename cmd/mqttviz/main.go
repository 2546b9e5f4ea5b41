// Command mqttviz is the native side of mqttviz: it serves the browser app,
// writes the static site, decodes hex into an annotated packet breakdown,
// explains topic matches and runs scenarios, printing their trace.
package main

import (
	"fmt"
	"io"
	"os"
)

// command is one subcommand: its name, a one-line summary for the usage
// text, and the function that runs it with the remaining arguments and
// returns the process exit code.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists every subcommand in the order the usage text shows them.
var commands = []command{
	{"decode", "explain the bytes of one packet, field by field", runDecode},
	{"match", "explain whether a topic filter matches a topic name", runMatch},
	{"serve", "serve the browser app", runServe},
	{"static", "write the app as a static site", runStatic},
	{"lessons", "list the built-in lessons", runLessons},
	{"run", "run a lesson or scenario file and print its trace", runRun},
	{"broker", "run the simulator's broker on real sockets (TCP, WebSocket)", runBroker},
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

// dispatch runs the subcommand named by args[0] and returns its exit code:
// 2 for an unknown or missing subcommand.
func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "mqttviz: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "mqttviz: MQTT made visible.")
	fmt.Fprintln(w, "\nUsage: mqttviz COMMAND [ARGS]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'mqttviz COMMAND --help' for a command's options.")
}

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"os"
)

const runUsage = `Usage: mqttviz run LESSON|FILE [--format text|json|mermaid|pcapng|svg|png] [--from N] [--to M] [-o FILE] [--seed N] [--lang en|zh] [--broker URL]

Runs a built-in lesson (see: mqttviz lessons) or a scenario file and prints
its trace. --format pcapng writes a capture Wireshark opens (one TCP stream
per connection to the broker at 10.0.0.1:1883); it is binary, so it goes to
the file -o names, or to stdout only when stdout is not a terminal:
  mqttviz run qos1-lost-puback --format pcapng -o qos1.pcapng
--format svg writes the sequence diagram as a standalone SVG file (styles
inline, Chinese fonts of every system in its font list), of the whole trace
or of steps --from N --to M (numbered from 1, as the app's "Step N of M"),
with its labels in --lang:
  mqttviz run qos2 --format svg --from 3 --to 10 --lang zh -o qos2.svg
--format png writes the same diagram as a PNG at twice its size, drawn by
headless Chromium (chromium or google-chrome on PATH, or $MQTTVIZ_CHROMIUM)
with the system's fonts, Chinese ones included; without Chromium it fails
and says so: save the PNG from the Export menu of the app's player instead.
Like pcapng it is binary: name a file with -o.

--broker runs the scenario against a real broker instead, in real time
(mqtt://host:port over TCP, ws://host:port/mqtt or wss:// over a WebSocket),
prints its trace with each expectation ok, FAIL or not observable, and the
differences from the same scenario simulated:
  mqttviz run qos2 --broker mqtt://127.0.0.1:1883

Exit code 0: every expectation holds (or is not observable); 1: some fail;
2: the scenario does not parse, cannot run against a real broker, or the
arguments are wrong.
`

// runRun runs a built-in lesson or a scenario file and prints its trace as
// a table, JSON, a Mermaid diagram, a pcapng capture or an SVG or PNG
// diagram.
// Exit code: 0 when every expectation holds, 1 when one fails (listed on stderr), 2 when the scenario does not
// parse or the arguments are wrong.
func runRun(args []string, stdout, stderr io.Writer) int {
	c := newCLI("run", runUsage)
	format := c.fs.String("format", "text", "output: text (a table), json (the trace), mermaid (a sequenceDiagram), pcapng (a capture for Wireshark), svg or png (the sequence diagram)")
	from := c.fs.Int("from", 1, "with --format svg or png: the first step drawn, from 1")
	to := c.fs.Int("to", 0, "with --format svg or png: the last step drawn (0: the trace's last)")
	outPath := c.fs.String("o", "", "write the output to this file instead of stdout")
	seed := c.fs.Int64("seed", 1, "random seed of the run")
	broker := c.fs.String("broker", "", "run against the real broker at this address (mqtt://, ws://, wss://)")
	lang := c.lang()
	positional, code, done := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(positional) != 1 {
		return c.fail(stderr, "want one lesson name or scenario file, got %d", len(positional))
	}
	render, ok := renderers[*format]
	diagram := *format == "svg" || *format == "png"
	if !ok && !diagram {
		fmt.Fprintf(stderr, "mqttviz run: --format must be text, json, mermaid, pcapng, svg or png, not %q\n", *format)
		return 2
	}
	if !diagram && (*from != 1 || *to != 0) {
		fmt.Fprintln(stderr, "mqttviz run: --from and --to choose the steps of --format svg and png only")
		return 2
	}
	if (*format == "pcapng" || *format == "png") && *outPath == "" && isTerminal(stdout) {
		fmt.Fprintf(stderr, "mqttviz run: --format %s is binary: name a file with -o FILE or redirect stdout\n", *format)
		return 2
	}
	if *format == "png" {
		if _, err := findChromium(); err != nil {
			fmt.Fprintln(stderr, "mqttviz run:", err)
			return 2
		}
	}

	name, source, err := scenarioSource(positional[0])
	if err != nil {
		fmt.Fprintln(stderr, "mqttviz run:", err)
		return 2
	}
	var addr brokerURL
	if *broker != "" {
		if addr, err = parseBrokerURL(*broker); err != nil {
			fmt.Fprintln(stderr, "mqttviz run:", err)
			return 2
		}
	}
	var trace *trace.Trace
	var diffs []script.Difference
	sc, err := script.Parse(name, source)
	switch {
	case err != nil:
	case *broker != "":
		var lr *liveRun
		if lr, err = runAgainst(sc, addr, *seed, stderr, *lang); err == nil {
			trace, diffs = lr.trace, lr.diffs
		}
	default:
		trace, err = sc.Run(*seed)
	}
	if err != nil {
		var pe *script.ParseError
		if errors.As(err, &pe) {
			fmt.Fprintf(stderr, "%s:%d:%d: %s\n", name, pe.Line, pe.Col, pe.Text.In(*lang))
		} else {
			fmt.Fprintln(stderr, "mqttviz run:", err)
		}
		return 2
	}
	write := func(w io.Writer) error {
		err := render(w, trace, *lang)
		if *broker != "" && *format == "text" {
			fmt.Fprintln(w)
			writeDiffs(w, diffs, *lang)
		}
		return err
	}
	if diagram {
		if write, err = diagramWriter(trace, *format, *lang, *from, *to); err != nil {
			fmt.Fprintln(stderr, "mqttviz run:", err)
			return 2
		}
	}
	if err := writeOutput(*outPath, stdout, write); err != nil {
		fmt.Fprintln(stderr, "mqttviz run:", err)
		return 2
	}
	if *broker != "" && *format != "text" {
		writeDiffs(stderr, diffs, *lang)
	}
	failed := trace.Failed()
	for _, e := range failed {
		fmt.Fprintf(stderr, "%s:%d: expectation failed: %s\n    found: %s\n", name, e.Line, e.Text, e.Why.In(*lang))
	}
	if len(failed) > 0 {
		fmt.Fprintf(stderr, "%d of %d expectations failed\n", len(failed), len(trace.Expectations))
		return 1
	}
	return 0
}

// renderers write a trace in each --format.
var renderers = map[string]func(w io.Writer, t *trace.Trace, lang string) error{
	"text": func(w io.Writer, t *trace.Trace, lang string) error {
		_, err := io.WriteString(w, trace.FormatText(t, lang))
		return err
	},
	"mermaid": func(w io.Writer, t *trace.Trace, lang string) error {
		_, err := io.WriteString(w, trace.FormatMermaid(t, lang))
		return err
	},
	"json": func(w io.Writer, t *trace.Trace, _ string) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(t)
	},
	"pcapng": func(w io.Writer, t *trace.Trace, _ string) error {
		return trace.WritePcapng(w, t)
	},
}

// writePNG writes the diagram svg as a PNG at twice its size, drawn by
// headless Chromium.
func writePNG(w io.Writer, svg string) error {
	path, err := findChromium()
	if err != nil {
		return err
	}
	b, err := svgToPNG(path, svg, pngScale)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// diagramWriter writes steps from to to of t (numbered from 1; to 0 for
// the last) as an SVG or, format "png", a PNG diagram in lang; it fails
// when they are not steps of t or the PNG would be too large.
func diagramWriter(t *trace.Trace, format, lang string, from, to int) (func(io.Writer) error, error) {
	if to == 0 {
		to = len(t.Steps)
	}
	if len(t.Steps) > 0 && (from < 1 || to < from || to > len(t.Steps)) {
		return nil, fmt.Errorf("--from %d --to %d is not a range of this trace's steps, 1 to %d", from, to, len(t.Steps))
	}
	if format == "png" {
		if err := checkPNGSize(trace.SVGSize(t, lang, from-1, to-1)); err != nil {
			return nil, err
		}
	}
	svg, err := svgOf(t, lang, from-1, to-1)
	if err != nil {
		return nil, err
	}
	return func(w io.Writer) error {
		if format == "png" {
			return writePNG(w, svg)
		}
		_, err := io.WriteString(w, svg)
		return err
	}, nil
}

// svgOf is the diagram of steps from to to of t, the whole trace's when
// they are all of it (an empty trace too).
func svgOf(t *trace.Trace, lang string, from, to int) (string, error) {
	if from == 0 && to == len(t.Steps)-1 {
		return trace.FormatSVG(t, lang), nil
	}
	return trace.FormatSVGRange(t, lang, from, to)
}

// writeOutput runs write on the file at path, created or truncated, or on
// stdout when path is empty.
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// scenarioSource finds the script for arg: a file of that name if there is
// one, else a built-in lesson.
func scenarioSource(arg string) (name, source string, err error) {
	b, ferr := os.ReadFile(arg)
	if ferr == nil {
		return arg, string(b), nil
	}
	if src, ok := lessons.LessonSource(arg); ok {
		return arg, src, nil
	}
	if errors.Is(ferr, os.ErrNotExist) {
		return "", "", fmt.Errorf("%s is neither a file nor a built-in lesson (list them with: mqttviz lessons)", arg)
	}
	return "", "", ferr
}

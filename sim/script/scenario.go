package script

import (
	"mqttviz/sim"
	"mqttviz/sim/trace"
	"strings"
)

// Scenario is a parsed scenario script: a lesson's title and description,
// the broker's options, the clients it names and its statements in order.
// The language is documented in docs/lessons.md.
type Scenario struct {
	// Name is the lesson name or file the script came from.
	Name string
	// Title and Description are the script's title and describe lines.
	Title, Description trace.Text
	// Clients are the client names in the order the script declares them.
	Clients []string

	options sim.Options
	clients map[string]*sim.ClientOptions
	stmts   []statement
	// lines are the statements' line numbers, for errors while running.
	lines []int
	// brokerLines are the lines of the broker's options, which a live run
	// skips with a note.
	brokerLines []int
	// line is the line being parsed.
	line int
	// started is set by the first statement that is not a title,
	// description or broker line: the broker line must come before it.
	started bool
	// repeat is the repeat block being read, nil outside one.
	repeat *repeatBlock
	// joinFrom is the first statement a note line may join: not one of
	// the copies of a repeat block, nor one before its start.
	joinFrom int
}

// statement is one action or expectation of a scenario, run in order.
type statement interface {
	run(r *runner) error
}

// statementParsers maps each keyword that starts a line to its parser.
// Each parser reads the rest of the line and appends its statement (if any)
// to the scenario.
var statementParsers = map[string]func(p *lineParser) error{
	"title":       parseTitle,
	"describe":    parseDescribe,
	"note":        parseNote,
	"broker":      parseBroker,
	"client":      parseClient,
	"will":        parseWill,
	"connect":     parseConnect,
	"open":        parseClientVerb(Target.Open),
	"disconnect":  parseClientVerb(Target.Disconnect),
	"abort":       parseClientVerb(Target.Abort),
	"ping":        parseClientVerb(Target.Ping),
	"subscribe":   parseSubscribe,
	"unsubscribe": parseUnsubscribe,
	"publish":     parsePublish,
	"raw":         parseRaw,
	"hold":        parseHold(true),
	"release":     parseHold(false),
	"drop":        parseDrop,
	"duplicate":   parseDuplicate,
	"resend":      parseResend,
	"cut":         parseClientVerb(Target.Cut),
	"silence":     parseClientVerb(Target.Silence),
	"restore":     parseClientVerb(Target.Restore),
	"latency":     parseLatency,
	"wait":        parseWait,
	"expect":      parseExpect,
	"restart":     parseRestart,
	"repeat":      parseRepeat,
	"end":         parseEnd,
}

// keywordList is the list of keywords for the "unknown keyword" error.
const keywordList = "title, describe, note, broker, client, will, connect, open, disconnect, abort, ping, subscribe, unsubscribe, publish, raw, hold, release, drop, duplicate, resend, cut, silence, restore, latency, wait, restart, repeat, end, expect"

// Parse parses a scenario script. name is recorded in the trace
// (a lesson name or a file name). Errors are *ParseError.
func Parse(name, source string) (*Scenario, error) {
	return StartParse(name, source).Finish()
}

// endParse checks what only the end of the script shows: a repeat block
// left open.
func (sc *Scenario) endParse() error {
	if r := sc.repeat; r != nil {
		return &ParseError{Line: r.line, Col: 1, Text: say(msgRepeatOpen, r.line)}
	}
	return nil
}

// parseLine parses one line into zero or one statements.
func (sc *Scenario) parseLine(line string, lineNo int) error {
	kw, rest, col := firstWord(line)
	if kw == "" || strings.HasPrefix(kw, "#") {
		return nil
	}
	parse, ok := statementParsers[kw]
	if !ok {
		return &ParseError{Line: lineNo, Col: col, Text: say(msgExpected, say(wantKeyword, keywordList), kw)}
	}
	sc.line = lineNo
	p := &lineParser{sc: sc, line: lineNo}
	if kw == "title" || kw == "describe" || kw == "note" {
		// Text lines keep the rest of the line verbatim, '#' included.
		p.text = rest
		p.endCol = col + len([]rune(kw))
		return parse(p)
	}
	toks, text, err := lexLine(line, lineNo)
	if err != nil {
		return err
	}
	p.text, p.toks, p.next = text, toks, 1
	if n := len(toks); n > 0 {
		last := toks[n-1]
		p.endCol = last.col + len([]rune(last.raw))
	}
	if kw != "broker" {
		sc.started = true
	}
	return parse(p)
}

// firstWord returns the first whitespace-separated word of line, the text
// after it and the word's 1-based column.
func firstWord(line string) (word, rest string, col int) {
	trimmed := strings.TrimLeft(line, " \t")
	col = len([]rune(line[:len(line)-len(trimmed)])) + 1
	word, rest, _ = strings.Cut(trimmed, " ")
	if i := strings.IndexByte(word, '\t'); i >= 0 {
		word, rest = word[:i], word[i+1:]+" "+rest
	}
	return word, rest, col
}

// add appends a statement.
func (sc *Scenario) add(s statement) {
	sc.stmts = append(sc.stmts, s)
	sc.lines = append(sc.lines, sc.line)
}

// clientList lists the declared clients for an error message: " (sensor,
// phone)", "（sensor、phone）", or nothing when none is declared.
func (sc *Scenario) clientList() trace.Text {
	if len(sc.Clients) == 0 {
		return trace.Text{}
	}
	return trace.Text{EN: " (" + strings.Join(sc.Clients, ", ") + ")", ZH: "（" + strings.Join(sc.Clients, "、") + "）"}
}

// Run parses source and runs it with the given seed, recording a
// state snapshot with every step. A script that does not parse, or an
// action the world refuses, gives a *ParseError; failed expectations do
// not: they are in Trace.Expectations.
func Run(name, source string, seed int64) (*trace.Trace, error) {
	sc, err := Parse(name, source)
	if err != nil {
		return nil, err
	}
	return sc.Run(seed)
}

// ParseHeader parses the title and describe lines of a scenario alone,
// for a catalogue: the other lines are not read. They parse the same alone
// as among the other lines (repeated describe lines join wherever they
// are).
func ParseHeader(name, source string) (*Scenario, error) {
	var head []string
	for _, line := range strings.Split(source, "\n") {
		if kw, _, _ := firstWord(line); kw == "title" || kw == "describe" {
			head = append(head, line)
		}
	}
	return Parse(name, strings.Join(head, "\n"))
}

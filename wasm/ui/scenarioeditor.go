package ui

import (
	"mqttviz/wasm/jsb"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// editorLineHeight and editorPad are the editor's line height and top
// padding in pixels, as web/mqttviz.css sets them (.editor): the gutter,
// the marks and the jump to a line count lines with them.
const (
	editorLineHeight = 20
	editorPad        = 8
)

// markKind is why the editor marks a line.
type markKind int

// The kinds of mark.
const (
	// markError: the line the scenario stopped at.
	markError markKind = iota
	// markFailed: an expectation that did not hold.
	markFailed
)

// editorMark is a line the editor marks beside its number and behind its
// text.
type editorMark struct {
	Line int
	Kind markKind
}

// editorHost is the page that owns an editor: it hears of every edit and
// of Ctrl+Enter.
type editorHost interface {
	// editorChanged is called with the text after each edit.
	editorChanged(source string)
	// editorRun is called when Ctrl+Enter or Cmd+Enter is pressed.
	editorRun()
}

// scenarioEditor is the scenario's text box with the line numbers beside
// it. Lines do not wrap, so line 9 is the ninth line on a phone too: the
// box scrolls sideways instead. The textarea grows with the text and the
// box around it scrolls, so numbers and lines scroll together without any
// script. It is its own component so that typing renders it alone, not
// the trace below it.
type scenarioEditor struct {
	app.Compo

	Lang   string
	Source string
	// Marks are sorted by line.
	Marks []editorMark
	Host  editorHost

	// shown is the text the textarea holds: the editor writes Source into
	// it only when they differ, so that typing keeps its caret.
	shown string
	// drawn is the number of lines the last render drew.
	drawn int
	// release removes the box's listeners.
	release func()
}

// OnMount listens to the box and writes Source into it; OnUpdate writes
// Source again when it changed from outside: an example, a link, a draft.
func (e *scenarioEditor) OnMount(ctx app.Context) {
	e.show()
	e.release = jsb.ListenEditor("scenario-editor",
		func(v string) {
			ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: e, Function: func(app.Context) { e.edited(v) }})
		},
		func() {
			ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: e, Function: func(app.Context) {
				if e.Host != nil {
					e.Host.editorRun()
				}
			}})
		})
}

func (e *scenarioEditor) OnUpdate(app.Context) { e.show() }

func (e *scenarioEditor) OnDismount() {
	if e.release != nil {
		e.release()
		e.release = nil
	}
}

func (e *scenarioEditor) show() {
	if e.Source != e.shown {
		jsb.SetValue("scenario-input", e.Source)
		e.shown = e.Source
	}
}

// edited takes the text after an edit, on the UI goroutine. The editor
// renders again only when the number of lines changed: the browser has
// drawn the text itself.
func (e *scenarioEditor) edited(v string) {
	e.Source, e.shown = v, v
	if e.Host != nil {
		e.Host.editorChanged(v)
	}
	if lineCount(v) != e.drawn {
		e.Update()
	}
}

func (e *scenarioEditor) Render() app.UI {
	n := lineCount(e.Source)
	e.drawn = n
	bands := make([]app.UI, 0, len(e.Marks))
	for _, m := range e.Marks {
		if m.Line < 1 || m.Line > n {
			continue
		}
		bands = append(bands, app.Div().
			Class("band "+m.Kind.class()).
			Aria("hidden", "true").
			Style("top", strconv.Itoa(editorPad+(m.Line-1)*editorLineHeight)+"px"))
	}
	box := app.Textarea().
		ID("scenario-input").
		Rows(n+1).
		Wrap("off").
		Spellcheck(false).
		Attr("autocapitalize", "off").
		Attr("autocomplete", "off").
		Aria("describedby", "scenario-keys")
	if app.IsServer {
		// The server's page shows the text while app.wasm loads, read
		// only: keys typed before the app takes over would be lost. In
		// the browser the editor sets the box's value itself (show).
		box = box.ReadOnly(true).Body(app.Text(e.Source))
	}
	return app.Div().ID("scenario-editor").Class("editor").Body(
		app.Pre().Class("gutter").Aria("hidden", "true").Body(gutter(n, e.Marks)...),
		app.Div().Class("lines").Body(
			app.Div().Class("bands").Body(bands...),
			box,
		),
	)
}

func (k markKind) class() string {
	if k == markError {
		return "mark-error"
	}
	return "mark-failed"
}

// gutter returns the numbers 1 to n, one a line, the marked ones in a
// span of their kind's class.
func gutter(n int, marks []editorMark) []app.UI {
	var out []app.UI
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, app.Text(b.String()))
			b.Reset()
		}
	}
	next := 0
	for i := 1; i <= n; i++ {
		for next < len(marks) && marks[next].Line < i {
			next++
		}
		num := strconv.Itoa(i)
		if next < len(marks) && marks[next].Line == i {
			flush()
			out = append(out, app.Span().Class(marks[next].Kind.class()).Text(num))
			b.WriteByte('\n')
			continue
		}
		b.WriteString(num)
		b.WriteByte('\n')
	}
	flush()
	return out
}

// lineCount is the number of lines the editor shows for s.
func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

// lineRange returns, in UTF-16 units as a textarea's selection counts
// them, the place of column col (1-based, in characters) of line (1-based)
// of s and the end of that line. Places past the end are clamped.
func lineRange(s string, line, col int) (at, end int) {
	units := 0
	cur, c := 1, 1
	at, end = -1, -1
	for _, r := range s {
		if cur == line {
			if c == col {
				at = units
			}
			if r == '\n' {
				end = units
				break
			}
			c++
		} else if r == '\n' {
			cur++
		}
		units += utf16.RuneLen(r)
	}
	if end < 0 {
		end = units
	}
	if at < 0 || at > end {
		at = end
	}
	if cur < line {
		at, end = units, units
	}
	return at, end
}

// groupDigits writes n (not negative) with a comma between groups of
// three digits: 20,006.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

package script

import "strings"

// An instructor changes a scenario by inserting lines of it at a place:
// the scenario text stays the document, what a link shares, what the
// editor opens and what undo walks back (History).

// Place is where lines go in a scenario's source: before or after a line
// (1-based). Line 0 before is the top; Line 0 after is the end.
type Place struct {
	Line  int
	After bool
}

// Insert returns source with lines inserted at place. A place inside a
// repeat … end block moves out of it (before its repeat line, after its
// end), so that a change happens once.
func Insert(source string, at Place, lines ...string) string {
	text, _ := InsertAt(source, at, lines...)
	return text
}

// InsertAt is Insert that also returns the line number of the last line
// inserted (of the line before them when there are none).
func InsertAt(source string, at Place, lines ...string) (string, int) {
	trailing := strings.HasSuffix(source, "\n")
	src := strings.Split(strings.TrimSuffix(source, "\n"), "\n")
	if source == "" {
		src = nil
	}
	at = outOfRepeat(src, at)
	i := 0
	switch {
	case at.Line <= 0:
		if at.After {
			i = len(src)
		}
	default:
		i = min(at.Line, len(src)) - 1
		if at.After {
			i++
		}
		i = max(i, 0)
	}
	out := make([]string, 0, len(src)+len(lines))
	out = append(out, src[:i]...)
	out = append(out, lines...)
	out = append(out, src[i:]...)
	text := strings.Join(out, "\n")
	if trailing || source == "" {
		text += "\n"
	}
	return text, i + len(lines)
}

// ActionPlace is where an action added at the statement of line goes, so
// that the lesson's own lines still mean what they meant: after the
// expect lines that follow the statement (they check what that statement
// did, and an action before them would change what they see), out of a
// repeat block; but before a rule about the next packet (drop next,
// duplicate next, resend next, hold) and the rules just above it, which
// stay with the statement they were written for.
func ActionPlace(source string, line int) Place {
	src := strings.Split(strings.TrimSuffix(source, "\n"), "\n")
	if line <= 0 || line > len(src) {
		return Place{Line: line, After: true}
	}
	if isRule(src[line-1]) {
		for line > 1 && isRule(src[line-2]) {
			line--
		}
		return outOfRepeat(src, Place{Line: line})
	}
	at := outOfRepeat(src, Place{Line: line, After: true})
	last := at.Line
	for j := at.Line + 1; j <= len(src); j++ {
		kw, _, _ := firstWord(src[j-1])
		switch {
		case kw == "expect":
			last = j
		case kw == "" || strings.HasPrefix(kw, "#"):
		default:
			return Place{Line: last, After: true}
		}
	}
	return Place{Line: last, After: true}
}

// isRule reports whether a line sets a rule for packets still to come:
// drop next, duplicate next, resend next, hold.
func isRule(line string) bool {
	kw, rest, _ := firstWord(line)
	next, _, _ := firstWord(rest)
	switch kw {
	case "drop", "duplicate", "resend":
		return next == "next"
	}
	return kw == "hold"
}

// outOfRepeat moves a place inside a repeat block to its edge.
func outOfRepeat(src []string, at Place) Place {
	open := 0
	for i, l := range src {
		kw, _, _ := firstWord(l)
		switch kw {
		case "repeat":
			open = i + 1
		case "end":
			if open > 0 && at.Line > open && at.Line <= i+1 {
				if at.After {
					return Place{Line: i + 1, After: true}
				}
				return Place{Line: open}
			}
			open = 0
		}
	}
	return at
}

// History is the versions of a scenario an instructor went through: the
// original first, each change after it, undone and redone in order.
type History struct {
	texts []string
	at    int
}

// NewHistory starts a history at the original text.
func NewHistory(original string) *History { return &History{texts: []string{original}} }

// Current is the text at the history's position.
func (h *History) Current() string { return h.texts[h.at] }

// Original is the text the history started from.
func (h *History) Original() string { return h.texts[0] }

// Push makes text the current version; the versions undone before it are
// forgotten.
func (h *History) Push(text string) {
	h.texts = append(h.texts[:h.at+1], text)
	h.at++
}

// Undo steps back one version and reports whether there was one.
func (h *History) Undo() bool {
	if h.at == 0 {
		return false
	}
	h.at--
	return true
}

// Redo steps forward to a version undone and reports whether there was
// one.
func (h *History) Redo() bool {
	if h.at+1 >= len(h.texts) {
		return false
	}
	h.at++
	return true
}

// CanUndo and CanRedo report whether Undo and Redo would move.
func (h *History) CanUndo() bool { return h.at > 0 }

// CanRedo reports whether Redo would move.
func (h *History) CanRedo() bool { return h.at+1 < len(h.texts) }

// Changes is how many changes the current version has over the original.
func (h *History) Changes() int { return h.at }

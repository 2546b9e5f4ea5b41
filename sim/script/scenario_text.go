package script

import (
	"mqttviz/sim/trace"
	"strings"
)

// textLine splits the rest of a title, describe or note line, "en: text"
// or "zh: text", into the language and the text.
func (p *lineParser) textLine() (lang, text string, err error) {
	rest := p.text
	col := p.endCol + 1 + len([]rune(rest)) - len([]rune(strings.TrimLeft(rest, " \t")))
	rest = strings.TrimSpace(rest)
	lang, text, ok := strings.Cut(rest, ":")
	if !ok || (lang != "en" && lang != "zh") {
		if rest == "" {
			return "", "", p.fail(col, msgExpectedEnd, messages[wantTextLine])
		}
		found := rest
		return "", "", p.expected(col, messages[wantTextLine], found)
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return "", "", p.fail(col+3, msgTextAfter, lang)
	}
	return lang, text, nil
}

// setText stores text in t's language lang, joining repeated lines of the
// same language (English with a space, Chinese without).
func setText(t *trace.Text, lang, text string) {
	switch {
	case lang == "en" && t.EN == "":
		t.EN = text
	case lang == "en":
		t.EN += " " + text
	case t.ZH == "":
		t.ZH = text
	default:
		t.ZH += text
	}
}

// parseTitle reads `title en: …` / `title zh: …`.
func parseTitle(p *lineParser) error {
	lang, text, err := p.textLine()
	if err != nil {
		return err
	}
	if (lang == "en" && p.sc.Title.EN != "") || (lang == "zh" && p.sc.Title.ZH != "") {
		return p.fail(1, msgOneTitle, lang)
	}
	setText(&p.sc.Title, lang, text)
	return nil
}

// parseDescribe reads `describe en: …` / `describe zh: …`; several lines
// make one paragraph.
func parseDescribe(p *lineParser) error {
	lang, text, err := p.textLine()
	if err != nil {
		return err
	}
	setText(&p.sc.Description, lang, text)
	return nil
}

// noteStmt is the scenario's own narration at this point of the run.
type noteStmt struct{ text trace.Text }

func (s *noteStmt) run(r *runner) error {
	r.t.Note(s.text)
	return nil
}

// parseNote reads `note en: …` / `note zh: …`. Note lines that follow each
// other make one note, as describe lines make one description.
func parseNote(p *lineParser) error {
	lang, text, err := p.textLine()
	if err != nil {
		return err
	}
	p.sc.started = true
	if n := len(p.sc.stmts); n > p.sc.joinFrom {
		if prev, ok := p.sc.stmts[n-1].(*noteStmt); ok {
			setText(&prev.text, lang, text)
			return nil
		}
	}
	n := &noteStmt{}
	setText(&n.text, lang, text)
	p.sc.add(n)
	return nil
}

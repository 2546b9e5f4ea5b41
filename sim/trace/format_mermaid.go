package trace

import (
	"fmt"
	"strings"
)

// FormatMermaid renders a trace as a Mermaid sequenceDiagram, which GitHub
// draws: one participant per node, an arrow per packet (a cross for one
// that was dropped or lost), notes over the receiver for its decisions
// and over the lifelines of other steps, in language lang. Text is escaped
// so that no label can break the diagram; the expectations follow as %%
// comments.
func FormatMermaid(t *Trace, lang string) string {
	var b strings.Builder
	b.WriteString("sequenceDiagram\n")
	if title := t.Title.In(lang); title != "" {
		fmt.Fprintf(&b, "    title %s\n", mermaidText(title))
	}
	ids := map[string]string{}
	for i, n := range t.Nodes {
		ids[n] = fmt.Sprintf("n%d", i)
		fmt.Fprintf(&b, "    participant %s as %s\n", ids[n], mermaidText(n))
	}
	id := func(n string) string {
		if v, ok := ids[n]; ok {
			return v
		}
		v := fmt.Sprintf("n%d", len(ids))
		ids[n] = v
		fmt.Fprintf(&b, "    participant %s as %s\n", v, mermaidText(n))
		return v
	}
	everyone := ""
	if len(t.Nodes) > 0 {
		everyone = ids[t.Nodes[0]]
		if len(t.Nodes) > 1 {
			everyone += "," + ids[t.Nodes[len(t.Nodes)-1]]
		}
	}
	for _, s := range t.Steps {
		switch {
		case s.Kind == KindPacket && s.To != "":
			arrow, suffix := "->>", ""
			switch s.Outcome {
			case Dropped:
				arrow, suffix = "-x", " ✗ "+Dropped.Name().In(lang)
			case Lost:
				arrow, suffix = "--x", " ✗ "+Lost.Name().In(lang)
			case Refused:
				suffix = parens(lang, Refused.Name())
			}
			fmt.Fprintf(&b, "    %s%s%s: %s\n", id(s.From), arrow, id(s.To), mermaidText(s.Label.In(lang)+suffix))
		case s.From == "":
			if everyone != "" {
				fmt.Fprintf(&b, "    Note over %s: %s\n", everyone, mermaidNotes(s.Notes, lang))
			}
			continue
		default:
			over := id(s.From)
			if s.To != "" {
				over += "," + id(s.To)
			}
			text := mermaidText(stepLabel(s, lang))
			if len(s.Notes) > 0 {
				text += word(lang, ": ") + mermaidNotes(s.Notes, lang)
			}
			fmt.Fprintf(&b, "    Note over %s: %s\n", over, text)
			continue
		}
		if len(s.Notes) > 0 {
			fmt.Fprintf(&b, "    Note over %s: %s\n", id(s.To), mermaidNotes(s.Notes, lang))
		}
	}
	for _, e := range t.Expectations {
		mark := "ok"
		if !e.OK {
			mark = "FAIL: " + e.Why.In(lang)
		}
		fmt.Fprintf(&b, "%%%% line %d: %s: %s\n", e.Line, strings.ReplaceAll(e.Text, "\n", " "), strings.ReplaceAll(mark, "\n", " "))
	}
	return b.String()
}

// mermaidNotes joins notes into one Mermaid note, a line each.
func mermaidNotes(ns []Note, lang string) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = mermaidText(noteText(n, lang))
	}
	return strings.Join(parts, "<br/>")
}

// mermaidEscapes replaces the characters Mermaid would read as syntax
// (statement separators, comments, entity codes, HTML) by entity codes.
var mermaidEscapes = strings.NewReplacer(
	"#", "#35;",
	";", "#59;",
	"%", "#37;",
	"<", "#lt;",
	">", "#gt;",
	`"`, "#quot;",
	"\r", " ",
	"\n", " ",
)

// mermaidText escapes s for a message, note, title or participant alias.
func mermaidText(s string) string {
	return mermaidEscapes.Replace(s)
}

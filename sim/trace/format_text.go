package trace

import (
	"fmt"
	"strings"

	"mqttviz/codec"
)

// textBytesPerLine is how many packet bytes a line of the text table shows.
const textBytesPerLine = 24

// FormatText renders a trace as a readable table, in language lang ("en"
// or "zh"): one row per step with the time in seconds, from → to, the
// label and the outcome; under a packet its bytes and the notes that say
// why the receiver did what it did, each with its rule (a step without a
// packet shows its first note on its row); then the final state and the
// expectations.
func FormatText(t *Trace, lang string) string {
	var b strings.Builder
	title := t.Title.In(lang)
	if title == "" {
		title = t.Scenario
	}
	fmt.Fprintf(&b, "%s\n%s  (seed %d)\n\n", title, t.Scenario, t.Seed)

	// In Chinese the header is wider than some rows: the columns start
	// at its width.
	route, label := 0, 0
	if lang == "zh" {
		route, label = codec.DisplayWidth(word(lang, "from → to")), codec.DisplayWidth(word(lang, "packet or event"))
	}
	for _, s := range t.Steps {
		route = max(route, codec.DisplayWidth(stepRoute(s)))
	}
	for _, s := range t.Steps {
		if s.Kind == KindPacket {
			label = min(max(label, codec.DisplayWidth(s.Label.In(lang))), 56)
		}
	}
	indent := strings.Repeat(" ", 10)
	if len(t.Steps) > 0 {
		fmt.Fprintf(&b, "%s %s  %s  %s\n", padLeft(word(lang, "time"), 9), pad(word(lang, "from → to"), route), pad(word(lang, "packet or event"), label), word(lang, "outcome"))
	}
	for _, s := range t.Steps {
		notes := s.Notes
		var row string
		if s.Kind == KindPacket {
			row = fmt.Sprintf("%9s %s  %s  %s", formatSeconds(s.Time), pad(stepRoute(s), route), pad(s.Label.In(lang), label), s.Outcome.Name().In(lang))
		} else {
			// A step without a packet shows its first note on its row.
			text := stepLabel(s, lang)
			if len(notes) > 0 {
				if text != "" {
					text += word(lang, ": ")
				}
				text += noteText(notes[0], lang)
				notes = notes[1:]
			}
			row = fmt.Sprintf("%9s %s  %s", formatSeconds(s.Time), pad(stepRoute(s), route), text)
		}
		b.WriteString(strings.TrimRight(row, " ") + "\n")
		for i := 0; i < len(s.Bytes); i += textBytesPerLine {
			fmt.Fprintf(&b, "%s  %s\n", indent, hexPairs(s.Bytes[i:min(i+textBytesPerLine, len(s.Bytes))]))
		}
		for _, n := range notes {
			fmt.Fprintf(&b, "%s· %s\n", indent, noteText(n, lang))
		}
	}
	if len(t.Steps) > 0 {
		if st := t.StateAt(len(t.Steps) - 1); st != nil {
			b.WriteString("\n" + formatState(st, lang))
		}
	}
	if len(t.Expectations) > 0 {
		held := 0
		for _, e := range t.Expectations {
			if e.OK {
				held++
			}
		}
		b.WriteString("\n" + line(lang, "expectations: %d of %d hold\n", held, len(t.Expectations)))
		// The marks are padded to one width, so that the lines align.
		results := []ExpectResult{ExpectOK, ExpectFailed}
		for _, e := range t.Expectations {
			if e.Unobservable {
				results = append(results, ExpectUnobservable)
				break
			}
		}
		markWidth := 0
		for _, r := range results {
			markWidth = max(markWidth, codec.DisplayWidth(r.Name().In(lang)))
		}
		for _, e := range t.Expectations {
			b.WriteString(line(lang, "  %s  line %d: %s\n", pad(e.Result().Name().In(lang), markWidth), e.Line, e.Text))
			switch {
			case e.Unobservable:
				b.WriteString("        " + e.Why.In(lang) + "\n")
			case !e.OK:
				b.WriteString(line(lang, "        found: %s\n", e.Why.In(lang)))
			}
		}
	}
	return b.String()
}

// stepRoute is "from → to", or the one lifeline of the step; the
// scenario's narration has none and shows as "»".
func stepRoute(s Step) string {
	switch {
	case s.From == "" && s.To == "":
		return "»"
	case s.To == "":
		return s.From
	}
	return s.From + " → " + s.To
}

// stepLabel is the text of a step that is not a packet in lang: its
// label, its kind's name, or for narration nothing (its note follows).
func stepLabel(s Step, lang string) string {
	if s.Label != (Text{}) {
		return s.Label.In(lang)
	}
	if s.From == "" && len(s.Notes) > 0 {
		return ""
	}
	return s.Kind.Name().In(lang)
}

// noteText is a note in lang with its rule in brackets.
func noteText(n Note, lang string) string {
	if n.Rule == "" {
		return n.Text.In(lang)
	}
	return n.Text.In(lang) + " [" + n.Rule + "]"
}

// formatSeconds writes virtual milliseconds as seconds: 1.250s.
func formatSeconds(ms int64) string {
	return fmt.Sprintf("%d.%03ds", ms/1000, ms%1000)
}

// pad right-pads s with spaces to w columns.
func pad(s string, w int) string {
	if n := codec.DisplayWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// padLeft left-pads s with spaces to w columns.
func padLeft(s string, w int) string {
	if n := codec.DisplayWidth(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// hexPairs writes bytes as the seeds print them: "30 0b 00 04".
func hexPairs(b []byte) string {
	return strings.TrimSpace(fmt.Sprintf("% x", b))
}

// formatState writes the broker's sessions and retained messages and the
// clients as they stand in st, in language lang.
func formatState(st *State, lang string) string {
	var b strings.Builder
	b.WriteString(word(lang, "final state") + "\n")
	if st.Broker != nil {
		for _, s := range st.Broker.Sessions {
			conn := "disconnected"
			if s.Connected {
				conn = "connected"
			}
			b.WriteString(line(lang, "  broker session %s: %s, clean=%s, keepalive=%d\n", s.ClientID, word(lang, conn), Flag(s.CleanSession), s.KeepAlive))
			for _, sub := range s.Subscriptions {
				b.WriteString(line(lang, "    subscribed %s qos=%d\n", sub.Filter, sub.QoS))
			}
			for _, f := range s.Inflight {
				b.WriteString(line(lang, "    in flight %s id=%d q%d %s %s\n", f.Direction.Text().In(lang), f.PacketID, f.QoS, f.Stage.Text().In(lang), f.Topic))
			}
			for _, m := range s.Queued {
				b.WriteString(line(lang, "    queued %s\n", m.String()))
			}
			if s.Will != nil {
				b.WriteString(line(lang, "    will %s\n", s.Will.String()))
			}
		}
		for _, m := range st.Broker.Retained {
			b.WriteString(line(lang, "  retained %s\n", m.String()))
		}
	}
	for _, c := range st.Clients {
		conn := "disconnected"
		if c.Connected {
			conn = "connected"
		}
		b.WriteString(line(lang, "  client %s (id %s): %s\n", c.Name, c.ClientID, word(lang, conn)))
		for _, f := range c.Inflight {
			b.WriteString(line(lang, "    in flight %s id=%d q%d %s %s\n", f.Direction.Text().In(lang), f.PacketID, f.QoS, f.Stage.Text().In(lang), f.Topic))
		}
	}
	return b.String()
}

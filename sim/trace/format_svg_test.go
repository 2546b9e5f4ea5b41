package trace_test

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mqttviz/codec"
	"mqttviz/sim/trace"
	"strings"
	"testing"
)

// svgTexts parses an SVG file with encoding/xml, failing the test on the
// first error, and returns the character data of every element named
// tag, in order.
func svgTexts(t *testing.T, svg, tag string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var out []string
	var stack []string
	var cur *strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
			if tok.Name.Local == tag && cur == nil {
				cur = &strings.Builder{}
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(tok)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if tok.Name.Local == tag && cur != nil && !contains(stack, tag) {
				out = append(out, cur.String())
				cur = nil
			}
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed elements %v", stack)
	}
	return out
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// hostile is text from a network or a scenario that must not break the
// file: markup, a CDATA end, quotes, control characters, ill-formed UTF-8.
const hostile = "a<b>&c\"d'e]]>f\x00g\x1bh\ufffei\xffj"

// hostileTrace is a trace with hostile text in every place the diagram
// writes text: node names, labels (topics, payloads), notes, rules, the
// title.
func hostileTrace() *trace.Trace {
	return &trace.Trace{
		Scenario: "x" + hostile,
		Title:    trace.Text{EN: "T" + hostile, ZH: "题" + hostile},
		Nodes:    []string{"broker", "n" + hostile},
		Steps: []trace.Step{
			{Index: 0, Kind: trace.KindConnect, From: "n" + hostile, To: "broker"},
			{Index: 1, Time: 5, Kind: trace.KindPacket, From: "n" + hostile, To: "broker", Packet: codec.PUBLISH,
				Label: trace.Text{EN: "PUBLISH " + hostile, ZH: "PUBLISH 主题" + hostile}, Outcome: trace.Refused,
				Sections: [3]int{2, 5, 9},
				Notes: []trace.Note{{Text: trace.Text{EN: "note " + hostile, ZH: "说明" + hostile}, Rule: "R" + hostile},
					{Text: trace.Text{EN: "second", ZH: "第二"}}}},
			{Index: 2, Time: 6, Kind: trace.KindNote, Notes: []trace.Note{{Text: trace.Text{EN: hostile, ZH: hostile}}}},
		},
	}
}

// TestSVGEscapes checks that hostile text leaves the file well-formed
// and reads back as itself, less the characters XML cannot hold.
func TestSVGEscapes(t *testing.T) {
	tr := hostileTrace()
	// What a reader gets back: U+FFFD for what XML cannot hold.
	readable := "a<b>&c\"d'e]]>f\ufffdg\ufffdh\ufffdi\ufffdj"
	for _, lang := range []string{"en", "zh"} {
		svg := trace.FormatSVG(tr, lang)
		if strings.Contains(svg, "]]>") || strings.Contains(svg, "<b>") {
			t.Errorf("%s: markup of the text is in the file", lang)
		}
		texts := strings.Join(svgTexts(t, svg, "text"), "\n")
		titles := strings.Join(svgTexts(t, svg, "title"), "\n")
		for _, want := range []string{"n" + readable, "R" + readable} {
			if !strings.Contains(texts+titles, want) {
				t.Errorf("%s: %q is not among the texts:\n%s\n%s", lang, want, texts, titles)
			}
		}
		label := tr.Steps[1].Label.In(lang)
		label = strings.Replace(strings.Replace(label, "\x00", "\ufffd", 1), "\x1b", "\ufffd", 1)
		label = strings.Replace(strings.Replace(label, "\ufffe", "\ufffd", 1), "\xff", "\ufffd", 1)
		if !strings.Contains(titles, label) {
			t.Errorf("%s: the whole label %q is not a title:\n%s", lang, label, titles)
		}
		if !strings.Contains(titles, tr.Title.In(lang)[:3]) {
			t.Errorf("%s: the diagram's title is not its trace's", lang)
		}
	}
}

// TestSVGRange checks that a range draws its steps and no others, and
// that a range outside the trace is refused.
func TestSVGRange(t *testing.T) {
	tr := sampleTrace()
	whole := trace.FormatSVG(tr, "en")
	part, err := trace.FormatSVGRange(tr, "en", 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range map[int]bool{0: false, 1: true, 2: true, 3: false, 4: false} {
		if got := strings.Contains(part, `data-step="`+string(rune('0'+i))+`"`); got != want {
			t.Errorf("step %d drawn: %v, want %v", i, got, want)
		}
		if !strings.Contains(whole, `data-step="`+string(rune('0'+i))+`"`) {
			t.Errorf("step %d missing from the whole trace", i)
		}
	}
	if titles := svgTexts(t, part, "title"); !strings.Contains(titles[0], "steps 2–3 of 5") {
		t.Errorf("the part's title %q does not say which steps", titles[0])
	}
	if got := svgTexts(t, whole, "title")[0]; got != tr.Title.EN {
		t.Errorf("the whole trace's title is %q, want %q", got, tr.Title.EN)
	}
	for _, r := range [][2]int{{-1, 2}, {3, 2}, {0, 5}, {5, 5}} {
		if _, err := trace.FormatSVGRange(tr, "en", r[0], r[1]); err == nil {
			t.Errorf("range %v of 5 steps accepted", r)
		}
	}
	empty := trace.FormatSVG(&trace.Trace{Nodes: []string{"broker"}}, "zh")
	svgTexts(t, empty, "text")
}

// TestSVGDraws checks the marks of each kind of step and outcome: the
// dropped packet's cross and its outcome, the refused packet's ring, the
// arrowheads of the delivered ones, the Chinese time unit.
func TestSVGDraws(t *testing.T) {
	tr := sampleTrace()
	svg := trace.FormatSVG(tr, "zh")
	texts := svgTexts(t, svg, "text")
	joined := strings.Join(texts, "\n")
	for _, want := range []string{"10 毫秒", "PUBLISH q0 1111 <99%>", "PUBACK id=1", "被丢弃", "建立网络连接", "连接关闭", "转发给 0 个订阅者 MQTT-3.3.5-1", "课程说明"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no text %q in:\n%s", want, joined)
		}
	}
	if n := strings.Count(svg, `marker-end="url(#mqttviz-head-publish)"`); n != 1 {
		t.Errorf("%d publish arrowheads, want 1", n)
	}
	if strings.Contains(svg, "mqttviz-head-ack)") {
		t.Error("the dropped PUBACK has an arrowhead")
	}
	refused := trace.FormatSVG(hostileTrace(), "en")
	if !strings.Contains(refused, `<circle cx="`) || !strings.Contains(refused, `stroke="#c0392b"`) {
		t.Error("the refused packet has no ring")
	}
	for _, font := range []string{"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei"} {
		if !strings.Contains(svg, font) {
			t.Errorf("font %q is not in the font list", font)
		}
	}
	if strings.Contains(svg, "<style") || strings.Contains(svg, "href=\"http") {
		t.Error("the file refers to styles outside its elements")
	}
}

// TestSVGSize: SVGSize is the size the file says, for the whole trace and
// a part, and the diagram of a live trace says its broker is observed.
func TestSVGSize(t *testing.T) {
	tr := sampleTrace()
	tr.Source = trace.SourceLive
	for _, r := range [][2]int{{0, 4}, {1, 2}, {3, 3}} {
		svg, err := trace.FormatSVGRange(tr, "zh", r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		w, h := trace.SVGSize(tr, "zh", r[0], r[1])
		if head := fmt.Sprintf(`width="%d" height="%d"`, w, h); !strings.Contains(svg, head) {
			t.Errorf("steps %v: SVGSize %d×%d, not the file's size", r, w, h)
		}
		if !strings.Contains(svg, ">仅观察<") {
			t.Errorf("steps %v: the live broker's lifeline does not say it is observed", r)
		}
	}
}

// FuzzSVGWellFormed puts arbitrary text in every place the diagram
// writes text and checks that the file stays well-formed XML.
func FuzzSVGWellFormed(f *testing.F) {
	for _, seed := range []string{"", hostile, "]]>", "<!--", "&#0;", "\ud7ff\ue000\U0010ffff", "保留消息，遗嘱。"} {
		f.Add(seed, seed)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		tr := hostileTrace()
		tr.Nodes[1] = a
		tr.Title = trace.Text{EN: b, ZH: a}
		for i := range tr.Steps {
			s := &tr.Steps[i]
			if s.From != "" {
				s.From = a
			}
			s.Label = trace.Text{EN: a + b, ZH: b + a}
			if len(s.Notes) > 0 {
				s.Notes[0] = trace.Note{Text: trace.Text{EN: b, ZH: a}, Rule: a}
			}
		}
		for _, lang := range []string{"en", "zh"} {
			dec := xml.NewDecoder(strings.NewReader(trace.FormatSVG(tr, lang)))
			for {
				if _, err := dec.Token(); errors.Is(err, io.EOF) {
					break
				} else if err != nil {
					t.Fatalf("%s: %v", lang, err)
				}
			}
		}
	})
}

// BenchmarkFormatSVG draws a trace of 1,000 packet steps.
func BenchmarkFormatSVG(b *testing.B) {
	tr := &trace.Trace{Nodes: []string{"broker", "sensor", "phone"}}
	for i := range 1000 {
		tr.Steps = append(tr.Steps, trace.Step{Index: i, Time: int64(i), Kind: trace.KindPacket, From: "sensor", To: "broker",
			Packet: codec.PUBLISH, Label: trace.Text{EN: "PUBLISH q1 id=3 a/b", ZH: "PUBLISH q1 id=3 a/b"}, Outcome: trace.Delivered,
			Sections: [3]int{2, 7, 5}, Notes: []trace.Note{{Text: trace.Text{EN: "forwarded to 1 subscriber", ZH: "转发给 1 个订阅者"}, Rule: "MQTT-3.3.5-1"}}})
	}
	b.ReportAllocs()
	for b.Loop() {
		trace.FormatSVG(tr, "zh")
	}
}

package ui

import (
	htmlpkg "html"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
)

// seedBroken is the tutorial's PUBLISH whose Remaining Length says 11
// while 9 bytes follow.
var seedBroken = []byte{0x30, 0x0b, 0x00, 0x04, 0x31, 0x31, 0x31, 0x31, 0x39, 0x39, 0x39}

func TestInspectorShowsFieldsAndFault(t *testing.T) {
	in := newInspector(seedBroken, i18n.EN)
	d := app.NewClientTester(in)
	defer d.Close()
	html := app.HTMLString(in)
	a := codec.Annotate(seedBroken)
	if a.Err == nil {
		t.Fatal("codec.Annotate accepts the seed's broken PUBLISH")
	}
	for _, f := range a.Fields {
		if !strings.Contains(html, f.Name.EN) {
			t.Errorf("inspector misses field %q", f.Name.EN)
		}
	}
	if !strings.Contains(html, a.Err.Rule) {
		t.Errorf("inspector misses the fault's rule %s", a.Err.Rule)
	}
	if n := strings.Count(html, `class="byte `); n != len(seedBroken) {
		t.Errorf("%d byte cells, want %d", n, len(seedBroken))
	}
	// The same packet in Chinese uses the seed tutorials' words.
	in.Lang = i18n.ZH
	in.Update()
	d.Consume()
	if html := app.HTMLString(in); !strings.Contains(html, "固定报头") || !strings.Contains(html, "剩余长度") {
		t.Errorf("Chinese inspector lacks 固定报头/剩余长度")
	}
}

func TestInspectorEscapesText(t *testing.T) {
	topic := `<script>alert("t")</script>`
	payload := `<img src=x onerror='alert(1)'>`
	pkt := []byte{0x30, byte(2 + len(topic) + len(payload)), 0, byte(len(topic))}
	pkt = append(append(pkt, topic...), payload...)
	in := newInspector(pkt, i18n.EN)
	d := app.NewClientTester(in)
	defer d.Close()
	html := app.HTMLString(in)
	if strings.Contains(html, "<script") || strings.Contains(html, "<img") {
		t.Errorf("markup from the packet reached the HTML:\n%s", html)
	}
	if !strings.Contains(html, "&lt;script&gt;") {
		t.Error("the topic is not shown as text")
	}
}

func TestStatePanelMarksChanges(t *testing.T) {
	prev := &trace.State{Broker: &trace.BrokerState{}}
	cur := &trace.State{Broker: &trace.BrokerState{Retained: []trace.Message{{Topic: "status", Payload: "online", Retain: true}}}}
	p := &statePanel{State: cur, Prev: prev, Lang: i18n.EN}
	d := app.NewClientTester(p)
	defer d.Close()
	html := app.HTMLString(p)
	if !strings.Contains(html, "changed") || !strings.Contains(html, "status") {
		t.Errorf("the new retained message is not marked changed:\n%s", html)
	}
}

// TestLessonPageRendersTrace mounts the page of every built-in lesson and
// checks that it draws the rows in view with the trace's labels.
func TestLessonPageRendersTrace(t *testing.T) {
	for _, l := range lessons.Lessons() {
		tr, err := lessons.RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		p := newLessonPage()
		d := app.NewClientTester(p)
		u, _ := url.Parse("http://127.0.0.1/lessons/" + l.Name)
		d.Nav(u)
		d.Consume()
		html := app.HTMLString(p)
		if !strings.Contains(html, escapeText(l.Title.EN)) {
			t.Errorf("%s: the title %q is missing", l.Name, l.Title.EN)
		}
		first, last := visibleRows(0, 0, len(tr.Steps))
		for _, s := range tr.Steps[first:last] {
			if s.Kind == trace.KindPacket && !strings.Contains(html, escapeText(s.Label)) {
				t.Errorf("%s: step %d's label %q is not drawn", l.Name, s.Index, s.Label)
			}
		}
		if n := strings.Count(html, `data-step=`); n < last-first {
			t.Errorf("%s: %d rows drawn, want at least %d", l.Name, n, last-first)
		}
		// Moving the cursor re-renders the inspector for that step.
		for i, s := range tr.Steps {
			if len(s.Bytes) > 0 {
				d.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(ctx app.Context) { p.goTo(ctx, i) }})
				d.Consume()
				a := codec.Annotate(s.Bytes)
				if html := app.HTMLString(p); len(a.Fields) > 0 && !strings.Contains(html, escapeText(a.Fields[0].Name.EN)) {
					t.Errorf("%s: step %d: the inspector misses %q", l.Name, i, a.Fields[0].Name.EN)
				}
				break
			}
		}
		d.Close()
	}
}

func TestLessonPageUnknownLesson(t *testing.T) {
	p := newLessonPage()
	d := app.NewClientTester(p)
	defer d.Close()
	u, _ := url.Parse("http://127.0.0.1/lessons/no-such-lesson")
	d.Nav(u)
	d.Consume()
	if html := app.HTMLString(p); !strings.Contains(html, "no-such-lesson") || !strings.Contains(html, "lesson-error") {
		t.Errorf("an unknown lesson is not reported:\n%s", html)
	}
}

func TestPickerListsLessons(t *testing.T) {
	p := newPickerPage()
	d := app.NewClientTester(p)
	defer d.Close()
	html := app.HTMLString(p)
	for _, l := range lessons.Lessons() {
		if !strings.Contains(html, `href="/lessons/`+l.Name+`/"`) {
			t.Errorf("no link to lesson %s", l.Name)
		}
	}
}

// escapeText is how go-app writes a text node.
func escapeText(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}

func TestScenarioPage(t *testing.T) {
	tests := []struct {
		src  string
		want string // in the page
	}{
		{src: "client a\nconnect a\n", want: "CONNECT id=a"},
		{src: "client a\npublish a t \"x\" qos=3\n", want: "scenario-error"},
		{src: "", want: escapeText("devices/sensor/temp")}, // the example
	}
	for _, tt := range tests {
		p := newScenarioPage()
		d := app.NewClientTester(p)
		u, _ := url.Parse("http://127.0.0.1/scenario?src=" + url.QueryEscape(tt.src))
		d.Nav(u)
		d.Consume()
		if html := app.HTMLString(p); !strings.Contains(html, tt.want) {
			t.Errorf("scenario %q: the page lacks %q", tt.src, tt.want)
		}
		d.Close()
	}
}

// TestHeaderMarksLanguageNames checks that each language's name carries
// its own lang, for screen readers.
func TestHeaderMarksLanguageNames(t *testing.T) {
	h := newHeader(i18n.EN)
	d := app.NewClientTester(h)
	defer d.Close()
	html := app.HTMLString(h)
	for id, lang := range map[string]string{"lang-zh": "zh-CN", "lang-en": "en"} {
		found := false
		for _, tag := range strings.Split(html, "<button")[1:] {
			tag, _, _ = strings.Cut(tag, ">")
			found = found || strings.Contains(tag, `id="`+id+`"`) && strings.Contains(tag, `lang="`+lang+`"`)
		}
		if !found {
			t.Errorf("button %s lacks lang=%q:\n%s", id, lang, html)
		}
	}
}

// TestInspectorCapsHexCells checks that a huge paste draws a bounded hex
// dump and says how much it left out.
func TestInspectorCapsHexCells(t *testing.T) {
	b := make([]byte, 5000)
	for i := range b {
		b[i] = 0x31
	}
	in := newInspector(b, i18n.ZH)
	d := app.NewClientTester(in)
	defer d.Close()
	html := app.HTMLString(in)
	if n := strings.Count(html, `class="byte `); n != maxHexCells {
		t.Errorf("%d byte cells for 5000 bytes, want %d", n, maxHexCells)
	}
	if !strings.Contains(html, "其余 3976 个字节未画出") {
		t.Error("the hex dump does not say how many bytes it left out")
	}
}

// TestEventRowsCarryWholeText checks that every event row's packet text
// is in its title too, for rows the layout cuts short with ….
func TestEventRowsCarryWholeText(t *testing.T) {
	tr, err := lessons.RunLesson("will-keepalive", 1)
	if err != nil {
		t.Fatal(err)
	}
	l := newEventList(tr, 0, i18n.EN)
	d := app.NewClientTester(l)
	defer d.Close()
	html := app.HTMLString(l)
	n := 0
	for _, s := range tr.Steps {
		if s.Kind != trace.KindPacket || n >= 5 {
			continue
		}
		n++
		if !strings.Contains(html, `title="`+htmlpkg.EscapeString(s.Label)+`"`) {
			t.Errorf("no event row has the title %q", s.Label)
		}
	}
}

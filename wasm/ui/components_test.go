package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/codec"
)

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
		// The first rows are drawn whatever the window size.
		first, last := 0, min(len(tr.Steps), 5)
		for _, s := range tr.Steps[first:last] {
			if s.Kind == trace.KindPacket && !strings.Contains(html, escapeText(s.Label.EN)) {
				t.Errorf("%s: step %d's label %q is not drawn", l.Name, s.Index, s.Label.EN)
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

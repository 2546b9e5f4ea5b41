package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// openTracePage mounts the trace page as the browser would.
func openTracePage(t *testing.T) (*tracePage, app.ClientDispatcher) {
	t.Helper()
	p := newTracePage()
	d := app.NewClientTester(p)
	u, _ := url.Parse("http://127.0.0.1/trace/")
	d.Nav(u)
	d.Consume()
	t.Cleanup(d.Close)
	return p, d
}

// TestTracePageOpensAndKeeps: a lesson's saved JSON plays; a bad file
// after it says why in the page's language and keeps the trace shown.
func TestTracePageOpensAndKeeps(t *testing.T) {
	lt, err := lessons.RunLesson("qos1", 1)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := traceJSON(lt)
	if err != nil {
		t.Fatal(err)
	}
	p, d := openTracePage(t)
	d.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(ctx app.Context) { p.openBytes(ctx, "qos1.json", saved) }})
	d.Consume()
	html := app.HTMLString(p)
	for _, want := range []string{`id="trace-title"`, escapeText(lt.Title.EN), "Step 1 of " + strconv.Itoa(len(lt.Steps)), `id="trace-save"`, "qos1.json"} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	d.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(ctx app.Context) { p.openBytes(ctx, "bad.json", []byte("{\n  \"version\": 2,\n  oops\n}")) }})
	d.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(app.Context) { p.lang = i18n.ZH }})
	d.Consume()
	html = app.HTMLString(p)
	for _, want := range []string{`id="trace-error"`, "第 3 行第 3 列", "下方显示的仍是之前打开的轨迹", escapeText(lt.Title.ZH)} {
		if !strings.Contains(html, want) {
			t.Errorf("after a bad file the page lacks %q", want)
		}
	}
	if len(p.trace.Steps) != len(lt.Steps) {
		t.Errorf("the trace shown has %d steps, want %d", len(p.trace.Steps), len(lt.Steps))
	}
}

// TestTracePageTextOnlyInTextNodes: a title, a node name and a topic
// holding markup come out as text.
func TestTracePageTextOnlyInTextNodes(t *testing.T) {
	evil := `<img src=x onerror=alert(1)>`
	in := `{"version":2,"source":"live","start":"2026-12-01T10:53:13.123Z","scenario":"s","title":{"en":"` + evil + `","zh":"` + evil + `"},"nodes":["broker","` + evil + `"],"steps":[{"index":0,"kind":"connect","from":"` + evil + `","to":"broker","conn":1,"snapshot":{"broker":{"sessions":[],"retained":[{"topic":"` + evil + `","payload":"` + evil + `"}]},"clients":[]}}],"expectations":[]}`
	p, d := openTracePage(t)
	d.Dispatch(app.Dispatch{Mode: app.Update, Source: p, Function: func(ctx app.Context) { p.openBytes(ctx, evil+".json", []byte(in)) }})
	d.Consume()
	html := app.HTMLString(p)
	if p.trace == nil {
		t.Fatalf("not opened: %s", p.problem.EN)
	}
	// Attribute values (an event filter's option) are set through the
	// DOM in the browser, not as markup; only text nodes matter here.
	if strings.Contains(strings.ReplaceAll(html, `value="`+evil+`"`, ""), "<img src=x") {
		t.Errorf("markup from the file in the page: %s", html)
	}
	if !strings.Contains(html, "started 2026-12-01 10:53:13.123 UTC") {
		t.Error("a live trace does not show when it started")
	}
}

func TestTraceFileName(t *testing.T) {
	tests := map[string]string{
		"qos1-lost-puback": "qos1-lost-puback.json",
		"my scenario.txt":  "my-scenario.txt.json",
		"x.json":           "x.json",
		"":                 "trace.json",
		"../../etc":        "etc.json",
		"日本":               "trace.json",
	}
	for in, want := range tests {
		if got := traceFileName(&trace.Trace{Scenario: in}); got != want {
			t.Errorf("traceFileName(%q) = %q, want %q", in, got, want)
		}
	}
	if got := traceFileName(&trace.Trace{Source: trace.SourceLive, Start: "2026-12-01T10:53:13.123Z"}); got != "live-2026-12-01T105313-123.json" {
		t.Errorf("a live trace is saved as %q", got)
	}
}

package main

import (
	"context"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserTitles: every page has its own title in the chosen
// language, changed the moment the language switch is pressed.
func TestBrowserTitles(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	l := lessons.Lessons()[0]
	pages := []struct{ path, en, zh string }{
		{"/", "mqttviz · MQTT made visible", "mqttviz · 看得见的 MQTT"},
		{"/decode/", "Decode bytes · mqttviz", "十六进制解析 · mqttviz"},
		{"/scenario/", "Write a scenario · mqttviz", "编写场景 · mqttviz"},
		{"/lessons/" + l.Name + "/", l.Title.EN + " · mqttviz", l.Title.ZH + " · mqttviz"},
		{"/lessons/no-such-lesson/", "No such lesson · mqttviz", "课程不存在 · mqttviz"},
		{"/no/such/page", "Page not found · mqttviz", "页面不存在 · mqttviz"},
	}
	for _, p := range pages {
		open(t, ctx, base, p.path)
		waitFor(t, ctx, `document.title === `+strconv.Quote(p.en))
		do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
		waitFor(t, ctx, `document.title === `+strconv.Quote(p.zh))
		do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))
		waitFor(t, ctx, `document.title === `+strconv.Quote(p.en))
	}
	// A reload in Chinese is titled in Chinese.
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	open(t, ctx, base, "/decode/")
	waitFor(t, ctx, `document.title === "十六进制解析 · mqttviz"`)
	do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))
}

// TestBrowserSkipLink: on every page the first Tab reaches "Skip to
// content" (in the chosen language), and Enter on it moves the focus to
// the page's <main> without touching the address (no #main) or the
// lesson's step.
func TestBrowserSkipLink(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	name := lessons.Lessons()[0].Name
	for _, path := range []string{"/", "/decode/", "/scenario/", "/lessons/" + name + "/", "/no/such/page"} {
		open(t, ctx, base, path)
		checkSkipLink(t, ctx, path, "Skip to content")
	}
	// On a lesson at step 2, in Chinese: the link keeps the step.
	open(t, ctx, base, "/lessons/"+name+"/?seed=1")
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	waitFor(t, ctx, `document.getElementById("skip-link").textContent === "跳到主要内容"`)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	waitFor(t, ctx, `document.querySelector("#position").textContent === "第 2 步，共 `+strconv.Itoa(len(mustLesson(t, name).Steps))+` 步"`)
	eval[bool](t, ctx, `(document.getElementById("skip-link").focus(), true)`)
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `document.activeElement === document.querySelector("main")`)
	if got := eval[string](t, ctx, `document.querySelector("#position").textContent`); !strings.HasPrefix(got, "第 2 步") {
		t.Errorf("the skip link moved the lesson to %q", got)
	}
	// The page keeps its step and language in the query (?step=, ?lang=),
	// written soon after the step (jsb.AddressDelay); the skip link must
	// add no fragment and move no step.
	waitFor(t, ctx, `location.search + location.hash === "?lang=zh&seed=1&step=2"`)
	do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))
}

func mustLesson(t *testing.T, name string) *trace.Trace {
	t.Helper()
	tr, err := lessons.RunLesson(name, 1)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func checkSkipLink(t *testing.T, ctx context.Context, where, text string) {
	t.Helper()
	href := eval[string](t, ctx, `location.href`)
	do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if got := eval[string](t, ctx, `document.activeElement.id + " " + document.activeElement.textContent`); got != "skip-link "+text {
		t.Errorf("%s: the first Tab reaches %q, want the skip link", where, got)
		return
	}
	if !eval[bool](t, ctx, `document.getElementById("skip-link").getBoundingClientRect().top >= 0`) {
		t.Errorf("%s: the focused skip link is out of sight", where)
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, `document.activeElement === document.querySelector("main") && document.activeElement.id === "main"`)
	if got := eval[string](t, ctx, `location.href`); got != href {
		t.Errorf("%s: the skip link changed the address to %s", where, got)
	}
}

// TestBrowserZoom: the served page lets a phone zoom (axe's
// meta-viewport rule).
func TestBrowserZoom(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/")
	got := eval[string](t, ctx, `document.querySelector('meta[name="viewport"]').content`)
	if want := "width=device-width, initial-scale=1, viewport-fit=cover"; got != want {
		t.Errorf("viewport %q, want %q", got, want)
	}
}

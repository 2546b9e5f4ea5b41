package main

import (
	"context"
	"fmt"
	"mqttviz/sim/lessons"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// positionIs waits until the player says "Step n of …" (in either
// language: the first number of #position).
func positionIs(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf(`(() => { const p = document.querySelector("#position"); return !!p && (p.textContent.match(/\d+/) || [""])[0] === "%d"; })()`, n))
}

// addressStep is the address's ?step=, "" for none.
func addressStep(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `new URLSearchParams(location.search).get("step") || ""`)
}

// pressKey sends one key to the page, as a keyboard or a clicker does.
func pressKey(t *testing.T, ctx context.Context, key string) {
	t.Helper()
	do(t, ctx, chromedp.KeyEvent(key))
}

// lessonSteps is how many steps a built-in lesson's trace has.
func lessonSteps(t *testing.T, name string) int {
	t.Helper()
	tr, err := lessons.RunLesson(name, 1)
	if err != nil {
		t.Fatal(err)
	}
	return len(tr.Steps)
}

// TestBrowserStepLinks: ?step= opens a lesson at that step, the address
// follows the cursor in place (no history entry per step), Back from
// another page returns to the step, ?lang= opens in that language, and
// out-of-range or garbage steps open at the nearest step.
func TestBrowserStepLinks(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	n := lessonSteps(t, "qos1")

	open(t, ctx, base, "/lessons/qos1/?step=4")
	positionIs(t, ctx, 4)
	entries := eval[int](t, ctx, `history.length`)
	pressKey(t, ctx, kb.ArrowRight)
	pressKey(t, ctx, kb.ArrowRight)
	positionIs(t, ctx, 6)
	waitFor(t, ctx, `new URLSearchParams(location.search).get("step") === "6"`)
	if got := eval[int](t, ctx, `history.length`); got != entries {
		t.Errorf("history has %d entries after two steps, want %d: the address is to be replaced, not pushed", got, entries)
	}
	if got := eval[string](t, ctx, `new URLSearchParams(location.search).get("lang")`); got != "en" {
		t.Errorf("lang in the address = %q, want en", got)
	}

	// Away to another page of the app, and Back.
	do(t, ctx, chromedp.Click(chromedp.ID("nav-decode")))
	waitFor(t, ctx, `location.pathname.startsWith("/decode")`)
	do(t, ctx, chromedp.NavigateBack())
	waitFor(t, ctx, `location.pathname === "/lessons/qos1/"`)
	positionIs(t, ctx, 6)
	// The language switch goes into the address; a link carries it.
	setLang(t, ctx, "zh")
	waitFor(t, ctx, `new URLSearchParams(location.search).get("lang") === "zh"`)
	ctx2 := newBrowser(t, 1280, 800)
	open(t, ctx2, base, "/lessons/qos1/?lang=zh&step=3")
	positionIs(t, ctx2, 3)
	waitFor(t, ctx2, `document.documentElement.lang === "zh-CN" && document.querySelector("#position").textContent.startsWith("第")`)

	for _, c := range []struct {
		step string
		want int
	}{
		{"abc", 1},
		{"0", 1},
		{"-7", 1},
		{"2.5", 1},
		{"99999999999999999999", n},
		{strconv.Itoa(n + 5), n},
		{strconv.Itoa(n), n},
	} {
		open(t, ctx2, base, "/lessons/qos1/?step="+c.step)
		positionIs(t, ctx2, c.want)
		if c.step != strconv.Itoa(c.want) {
			if got := addressStep(t, ctx2); got != strconv.Itoa(c.want) {
				t.Errorf("?step=%s: the address says step=%s, want %d", c.step, got, c.want)
			}
		}
		if got := eval[int](t, ctx2, `document.querySelectorAll(".error, [role=alert]").length`); got != 0 {
			t.Errorf("?step=%s shows %d errors", c.step, got)
		}
	}
}

// TestBrowserStepLinksScenario: a shared scenario (#v1.… in the
// fragment) opens at ?step= and keeps its fragment as the cursor moves;
// Back returns to both.
func TestBrowserStepLinksScenario(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/scenario/")
	waitFor(t, ctx, `!!document.querySelector("#position")`)
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitFor(t, ctx, `location.hash.startsWith("#v1.") && !!document.querySelector("#position")`)
	share := eval[string](t, ctx, `location.hash`)

	ctx2 := newBrowser(t, 1280, 800)
	open(t, ctx2, base, "/scenario/?step=5"+share)
	positionIs(t, ctx2, 5)
	pressKey(t, ctx2, kb.ArrowRight)
	positionIs(t, ctx2, 6)
	waitFor(t, ctx2, `new URLSearchParams(location.search).get("step") === "6"`)
	if got := eval[string](t, ctx2, `location.hash`); got != share {
		t.Errorf("the fragment became %q after a step, want the share link's %q", got, share)
	}
	do(t, ctx2, chromedp.Click(chromedp.ID("nav-lessons")))
	waitFor(t, ctx2, `location.pathname === "/"`)
	do(t, ctx2, chromedp.NavigateBack())
	waitFor(t, ctx2, `location.pathname === "/scenario/"`)
	positionIs(t, ctx2, 6)
	if got := eval[string](t, ctx2, `location.hash`); got != share {
		t.Errorf("after Back the fragment is %q, want %q", got, share)
	}
}

package main

import (
	"context"
	"fmt"
	"mqttviz/sim/lessons"
	"mqttviz/wasm/predict"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// positionIs waits until the player says "Step n of …" (in either
// language: the first number of #position).
func positionIs(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf(`(() => { const p = document.querySelector("#position"); return !!p && (p.textContent.match(/\d+/) || [""])[0] === "%d"; })()`, n))
}

// newViewport is newBrowser with a viewport of exactly width×height CSS
// pixels (a window of that size has less room inside).
func newViewport(t *testing.T, width, height int) context.Context {
	t.Helper()
	ctx := newBrowser(t, width, height)
	do(t, ctx, chromedp.EmulateViewport(int64(width), int64(height)))
	return ctx
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
			// The address follows the step soon after (jsb.AddressDelay).
			waitFor(t, ctx2, fmt.Sprintf(`new URLSearchParams(location.search).get("step") === "%d"`, c.want))
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

// labelPixels is the size on screen, in CSS pixels, of the diagram's
// arrow labels: the font size in SVG units times the units' scale.
const labelPixels = `(() => {
	const el = document.querySelector('[data-c~="arrow-label"]');
	if (!el) return 0;
	const scale = el.getBoundingClientRect().height / el.getBBox().height;
	return parseFloat(getComputedStyle(el).fontSize) * scale;
})()`

// TestBrowserPresenter: at 1920×1080, P and the button enter presenter
// mode (the diagram and the current note only, arrow labels at least 24
// px), a clicker's PageDown and PageUp, the arrows and space step, Esc
// leaves; in both languages, axe-core on it, screenshots.
func TestBrowserPresenter(t *testing.T) {
	base := appURL(t)
	ctx := newViewport(t, 1920, 1080)
	open(t, ctx, base, "/lessons/qos1/?step=5")
	positionIs(t, ctx, 5)
	for _, lang := range []string{"en", "zh"} {
		setLang(t, ctx, lang)
		normal := eval[float64](t, ctx, labelPixels)
		pressKey(t, ctx, "p")
		waitFor(t, ctx, `!!document.querySelector(".player-view.presenting") && getComputedStyle(document.querySelector(".topbar")).display === "none"`)
		for _, hidden := range []string{".side-col", ".events-panel", ".lesson-intro"} {
			if eval[bool](t, ctx, `getComputedStyle(document.querySelector("`+hidden+`")).display !== "none"`) {
				t.Errorf("%s: %s shows in presenter mode", lang, hidden)
			}
		}
		waitFor(t, ctx, labelPixels+` >= 24`)
		if big := eval[float64](t, ctx, labelPixels); big < 24 || big < normal*1.5 {
			t.Errorf("%s: arrow labels %.1f px in presenter mode (%.1f px otherwise), want at least 24", lang, big, normal)
		}
		if eval[bool](t, ctx, `document.querySelector("#diagram-scroll").getBoundingClientRect().bottom > innerHeight`) {
			t.Errorf("%s: the diagram runs past the bottom of the window: %v", lang, eval[[]float64](t, ctx, `[document.querySelector("#diagram-scroll").getBoundingClientRect().top, document.querySelector("#diagram-scroll").getBoundingClientRect().bottom, innerHeight]`))
		}
		for _, k := range []struct {
			key  string
			want int
		}{{kb.PageDown, 6}, {kb.PageUp, 5}, {" ", 6}, {kb.ArrowRight, 7}, {kb.ArrowDown, 8}, {kb.ArrowLeft, 7}, {kb.ArrowUp, 6}} {
			pressKey(t, ctx, k.key)
			positionIs(t, ctx, k.want)
		}
		waitFor(t, ctx, `document.querySelector("#announce").getBoundingClientRect().height > 0 && parseFloat(getComputedStyle(document.querySelector("#announce")).fontSize) >= 28`)
		shoot(t, ctx, "present-1920x1080-"+lang)
		checkAxe(t, ctx, "presenter mode at 1920×1080 in "+lang)
		pressKey(t, ctx, kb.Escape)
		waitFor(t, ctx, `!document.querySelector(".presenting") && getComputedStyle(document.querySelector(".topbar")).display !== "none"`)
		positionIs(t, ctx, 6)
		// The button, by keyboard.
		do(t, ctx, chromedp.Focus(`#present-toggle`))
		pressKey(t, ctx, kb.Enter)
		waitFor(t, ctx, `!!document.querySelector(".presenting") && document.activeElement.id === "present-toggle"`)
		pressKey(t, ctx, kb.Enter)
		waitFor(t, ctx, `!document.querySelector(".presenting")`)
		pressKey(t, ctx, kb.Home)
		positionIs(t, ctx, 1)
		pressKey(t, ctx, kb.End)
		pressKey(t, ctx, kb.Home)
		for i := 0; i < 4; i++ {
			pressKey(t, ctx, kb.ArrowRight)
		}
		positionIs(t, ctx, 5)
	}
}

// TestBrowserPredict: predict mode through the whole qos1 lesson by
// keyboard alone, in both languages: before each packet the question
// takes the focus, the arrows choose, Enter checks; the verdict says
// right or wrong and why, Next moves on, and the score counts every
// answer. axe-core on a question and on a verdict; screenshots at
// 1280×800 and 390×844.
func TestBrowserPredict(t *testing.T) {
	base := appURL(t)
	tr, err := lessons.RunLesson("qos1", 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh"} {
		ctx := newViewport(t, 1280, 800)
		open(t, ctx, base, "/lessons/qos1/?lang="+lang)
		positionIs(t, ctx, 1)
		do(t, ctx, chromedp.Focus(`#predict-toggle`))
		pressKey(t, ctx, kb.Enter)
		waitFor(t, ctx, `!!document.querySelector("#predict") && document.querySelector("#predict-toggle").getAttribute("aria-pressed") === "true"`)
		right, asked := 0, 0
		for guard := 0; guard < 4*len(tr.Steps); guard++ {
			if eval[bool](t, ctx, `!!document.querySelector("#predict-form")`) {
				pos := eval[int](t, ctx, `+document.querySelector("#position").textContent.match(/\d+/)[0]`)
				q, ok := predict.Ask(tr, pos) // the step after the cursor
				if !ok {
					t.Fatalf("%s: a question before step %d, which is no packet", lang, pos+1)
				}
				if eval[string](t, ctx, `document.activeElement.id`) != "predict-choice-0" {
					t.Errorf("%s: before step %d the focus is on %q, not the first choice", lang, pos+1, eval[string](t, ctx, `document.activeElement.id`))
					do(t, ctx, chromedp.Focus(`#predict-choice-0`))
				}
				if n := eval[int](t, ctx, `document.querySelectorAll("#predict-form input[type=radio]").length`); n != len(q.Choices) {
					t.Errorf("%s: %d choices shown, want %d", lang, n, len(q.Choices))
				}
				// Every other question wrong, on purpose.
				pick := q.Answer
				if asked%2 == 1 {
					pick = (q.Answer + 1) % len(q.Choices)
				}
				pressKey(t, ctx, " ")
				for i := 0; i < pick; i++ {
					pressKey(t, ctx, kb.ArrowDown)
				}
				pressKey(t, ctx, kb.Enter)
				asked++
				want := "wrong"
				if pick == q.Answer {
					right++
					want = "right"
				}
				focus := "predict-next"
				if q.Step == len(tr.Steps)-1 {
					focus = "predict-result"
				}
				if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`!!document.querySelector("#predict-result.%s") && document.activeElement.id === %q`, want, focus), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
					t.Fatalf("%s: no %s verdict with the focus on Next after choice %d before step %d: %s", lang, want, pick, pos+1,
						eval[string](t, ctx, `document.activeElement.id + " | " + document.querySelector("#predict").innerText + " | " + [...document.querySelectorAll("#predict input")].map(i => i.checked).join()`))
				}
				positionIs(t, ctx, pos+1)
				if len(tr.Steps[q.Step].Notes) > 0 && !eval[bool](t, ctx, `document.querySelectorAll(".predict-why li").length > 0`) {
					t.Errorf("%s: step %d's verdict does not say why", lang, q.Step+1)
				}
				if asked == 1 {
					shoot(t, ctx, "predict-1280x800-"+lang)
					checkAxe(t, ctx, "predict mode's verdict at 1280×800 in "+lang)
				}
				continue
			}
			if !eval[bool](t, ctx, `!!document.querySelector("#predict-next")`) {
				break // the last step
			}
			before := eval[string](t, ctx, `document.querySelector("#position").textContent`)
			if eval[string](t, ctx, `document.activeElement.id`) != "predict-next" {
				t.Errorf("%s: the focus is on %q, not Next", lang, eval[string](t, ctx, `document.activeElement.id`))
				do(t, ctx, chromedp.Focus(`#predict-next`))
			}
			pressKey(t, ctx, kb.Enter)
			waitFor(t, ctx, `!!document.querySelector("#predict-form") || document.querySelector("#position").textContent !== `+strconv.Quote(before))
			if asked == 1 && eval[bool](t, ctx, `!!document.querySelector("#predict-form")`) {
				checkAxe(t, ctx, "predict mode's question at 1280×800 in "+lang)
			}
		}
		want := len(predict.Questions(tr))
		if asked != want {
			t.Errorf("%s: %d questions asked through the lesson, want %d", lang, asked, want)
		}
		positionIs(t, ctx, len(tr.Steps))
		score := eval[string](t, ctx, `document.querySelector("#predict-score").textContent`)
		nums := regexp.MustCompile(`\d+`).FindAllString(score, -1)
		if len(nums) != 2 || nums[0] != strconv.Itoa(right) || nums[1] != strconv.Itoa(asked) {
			t.Errorf("%s: score %q, want %d of %d", lang, score, right, asked)
		}
		if lang == "zh" && !strings.Contains(score, "答对") {
			t.Errorf("score %q is not in Chinese", score)
		}

		// A phone: the question, axe, a screenshot.
		phone := newViewport(t, 390, 844)
		open(t, phone, base, "/lessons/qos1/?lang="+lang+"&step=3")
		do(t, phone, chromedp.Focus(`#predict-toggle`))
		pressKey(t, phone, kb.Enter)
		waitFor(t, phone, `!!document.querySelector("#predict")`)
		// Step until a question shows, one key at a time: a key pressed
		// before the last one's step is drawn would reach the question's
		// choices and move the focus off the first.
		for i := 0; i < 5 && !eval[bool](t, phone, `!!document.querySelector("#predict-form")`); i++ {
			before := eval[string](t, phone, `document.querySelector("#position").textContent`)
			pressKey(t, phone, kb.ArrowRight)
			waitFor(t, phone, `!!document.querySelector("#predict-form") || document.querySelector("#position").textContent !== `+strconv.Quote(before))
		}
		waitFor(t, phone, `!!document.querySelector("#predict-form") && document.activeElement.id === "predict-choice-0"`)
		shoot(t, phone, "predict-390x844-"+lang)
		checkAxe(t, phone, "predict mode's question at 390×844 in "+lang)
	}
}

package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mqttviz/codec"
)

// axeDir holds the pinned axe-core (package.json and package-lock.json);
// `npm ci` there installs it, as .ci/run does.
const axeDir = "testdata/axe"

// axeVersion is the axe-core package.json pins.
const axeVersion = "4.14.1"

var (
	axeOnce sync.Once
	axeJS   string
	axeErr  error
)

// axeSource returns axe.min.js, installing the pinned axe-core with
// `npm ci` when it is missing. Outside CI a missing npm skips the test;
// under CI=true it fails it.
func axeSource(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		file := filepath.Join(axeDir, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(file); err != nil {
			cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
			cmd.Dir = axeDir
			if out, err := cmd.CombinedOutput(); err != nil {
				axeErr = fmt.Errorf("npm ci in %s: %v\n%s", axeDir, err, out)
				return
			}
		}
		b, err := os.ReadFile(file)
		axeJS, axeErr = string(b), err
	})
	if axeErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(axeErr)
		}
		t.Skipf("\n\n*** SKIPPING THE AXE TEST: axe-core cannot be installed: %v ***\n", axeErr)
	}
	return axeJS
}

// axeFinding is one rule that failed, or that axe could not decide, on
// some elements.
type axeFinding struct {
	Rule  string    `json:"rule"`
	Help  string    `json:"help"`
	Nodes []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  []string `json:"target"`
	Message string   `json:"message"`
}

// axeReport is what runAxe keeps of axe.run's result.
type axeReport struct {
	Version    string       `json:"version"`
	Passed     int          `json:"passed"` // rules that held
	Violations []axeFinding `json:"violations"`
	Incomplete []axeFinding `json:"incomplete"`
}

// runAxe injects axe-core into the page, unless this document has it
// from an earlier run (its half a megabyte of script is parsed once a
// document), and runs every rule on the document as it is now.
func runAxe(t *testing.T, ctx context.Context) axeReport {
	t.Helper()
	src := axeSource(t)
	if !eval[bool](t, ctx, `typeof axe === "object" && typeof axe.run === "function"`) {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src+"\n;true")); err != nil {
			t.Fatalf("injecting axe-core: %v", err)
		}
	}
	const run = `axe.run(document, {resultTypes: ["violations", "incomplete"]}).then(r => {
		const keep = list => list.map(v => ({
			rule: v.id,
			help: v.help,
			nodes: v.nodes.map(n => ({target: n.target.map(String), message: n.failureSummary || ""})),
		}));
		return JSON.stringify({version: r.testEngine.version, passed: r.passes.length, violations: keep(r.violations), incomplete: keep(r.incomplete)});
	})`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	var rep axeReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

// checkAxe fails the test on every violation and on every colour
// contrast axe could not decide (SVG text, text over an image): a
// contrast nobody checked is not known to pass.
func checkAxe(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	rep := runAxe(t, ctx)
	if rep.Version != axeVersion {
		t.Fatalf("axe-core %s ran, %s is pinned: run npm ci in %s", rep.Version, axeVersion, axeDir)
	}
	report := func(kind string, f axeFinding) {
		var b strings.Builder
		fmt.Fprintf(&b, "%s: axe %s %s (%s), %d elements:", where, kind, f.Rule, f.Help, len(f.Nodes))
		for i, n := range f.Nodes {
			if i == 8 {
				fmt.Fprintf(&b, "\n\t… and %d more", len(f.Nodes)-i)
				break
			}
			fmt.Fprintf(&b, "\n\t%s: %s", strings.Join(n.Target, " "), strings.ReplaceAll(n.Message, "\n", " "))
		}
		t.Error(b.String())
	}
	bad := len(rep.Violations)
	for _, v := range rep.Violations {
		report("violation", v)
	}
	for _, v := range rep.Incomplete {
		if v.Rule == "color-contrast" {
			report("incomplete", v)
			bad++
		}
	}
	if bad == 0 {
		t.Logf("%s: axe-core %s: 0 violations, no undecided contrast, %d rules passed", where, rep.Version, rep.Passed)
	}
}

// axePage is a page the axe test opens and how it gets it to the state
// worth checking.
type axePage struct {
	name, path string
	// ready, when set, brings the page there after it opened.
	ready func(t *testing.T, ctx context.Context)
}

// TestBrowserA11yAxe runs axe-core on the picker, a lesson at a deep
// step with a current row (the diagram scrolled down to it: the richest
// lesson at its last delivered PUBLISH, qos1-lost-puback at step 22),
// decode with a packet and the scenario page, in English and Chinese, at
// 1280×800 and on a phone (390×844).
func TestBrowserA11yAxe(t *testing.T) {
	base := appURL(t)
	axeSource(t)
	pages := []axePage{{name: "picker", path: "/"}}
	for _, d := range deepSteps(t) {
		pages = append(pages, axePage{
			name: fmt.Sprintf("%s at step %d", d.lesson, d.at+1),
			path: "/lessons/" + d.lesson,
			// Scrolled rows go out of sight under the box's edge, not
			// under the lane heads, where axe could not see them.
			ready: func(t *testing.T, ctx context.Context) { waitDeep(t, ctx, d) },
		})
	}
	pages = append(pages,
		axePage{name: "decode", path: "/decode?hex=" + strings.ReplaceAll(seedConnect, " ", ""), ready: func(t *testing.T, ctx context.Context) {
			waitFor(t, ctx, `document.querySelectorAll(".inspector-panel .field").length > 5`)
		}},
		axePage{name: "scenario", path: "/scenario"},
	)
	for _, size := range []struct{ w, h int64 }{{1280, 800}, {390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		for _, p := range pages {
			open(t, ctx, base, p.path)
			if p.ready != nil {
				p.ready(t, ctx)
			}
			for _, lang := range []string{"en", "zh"} {
				setLang(t, ctx, lang)
				checkAxe(t, ctx, fmt.Sprintf("%s at %d×%d in %s", p.name, size.w, size.h, lang))
			}
		}
	}
}

// publishStep returns the index of the lesson's first delivered PUBLISH:
// the current row then carries the publish colour on the highlight.
func publishStep(t *testing.T, lesson string) int {
	t.Helper()
	tr, err := lessons.RunLesson(lesson, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range tr.Steps {
		if s.Packet == codec.PUBLISH && s.Outcome == trace.Delivered {
			return i
		}
	}
	t.Fatalf("%s has no delivered PUBLISH", lesson)
	return 0
}

// setLang switches the page's language with the top bar's button.
func setLang(t *testing.T, ctx context.Context, lang string) {
	t.Helper()
	tag := map[string]string{"en": "en", "zh": "zh-CN"}[lang]
	do(t, ctx, chromedp.Click(chromedp.ID("lang-"+lang)))
	waitFor(t, ctx, `document.documentElement.lang === "`+tag+`" && document.querySelector("#lang-`+lang+`").getAttribute("aria-pressed") === "true"`)
}

// focusPage makes the headless page behave as a focused window, so that
// focus and blur events fire when the test moves the focus.
func focusPage(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
}

// activeRow is the step of the event list's active row, from the
// listbox's aria-activedescendant.
const activeRow = `(() => {
	const id = document.querySelector("#events-scroll").getAttribute("aria-activedescendant") || "";
	const el = document.getElementById(id);
	return el && el.classList.contains("active") ? el.dataset.step : "none";
})()`

// TestBrowserA11yEventKeys drives the event list from the keyboard: it is
// one Tab stop, the arrow keys, Page Up/Down, Home and End move its active
// row without moving the player, and Enter goes to that step.
func TestBrowserA11yEventKeys(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	name, tr := richestLesson(t)
	if len(tr.Steps) < 12 {
		t.Fatalf("%s has %d steps: too few to page through", name, len(tr.Steps))
	}
	open(t, ctx, base, "/lessons/"+name)
	checkStep(t, ctx, tr, 0)

	// No row is a Tab stop of its own: Tab goes from the packet filter to
	// the list, and from the list to whatever follows it.
	if n := eval[int](t, ctx, `document.querySelectorAll("#events-scroll button, #events-scroll a, #events-scroll [tabindex]").length`); n != 0 {
		t.Errorf("%d focusable elements inside the event list", n)
	}
	do(t, ctx, chromedp.Focus(chromedp.ID("filter-packet")), chromedp.KeyEvent(kb.Tab))
	if id := eval[string](t, ctx, `document.activeElement.id + "/" + document.activeElement.getAttribute("role")`); id != "events-scroll/listbox" {
		t.Fatalf("Tab from the packet filter reaches %q, not the event listbox", id)
	}
	if got := eval[string](t, ctx, activeRow); got != "0" {
		t.Errorf("the active row on entering the list is %q, want the current step 0", got)
	}
	if s := eval[string](t, ctx, `getComputedStyle(document.querySelector(".event.active")).boxShadow`); s == "none" {
		t.Error("the active row shows no ring while the list has the focus")
	}

	keys := []struct {
		key  string
		want int
	}{
		{kb.ArrowDown, 1}, {kb.ArrowDown, 2}, {kb.ArrowDown, 3}, {kb.ArrowUp, 2},
		// 8 rows in view: a page moves 7.
		{kb.PageDown, 9}, {kb.PageUp, 2},
		{kb.End, len(tr.Steps) - 1}, {kb.Home, 0}, {kb.ArrowUp, 0},
		{kb.ArrowDown, 1}, {kb.ArrowDown, 2}, {kb.ArrowDown, 3},
	}
	for _, k := range keys {
		do(t, ctx, chromedp.KeyEvent(k.key))
		want := fmt.Sprint(k.want)
		waitFor(t, ctx, activeRow+` === "`+want+`"`)
		// The row moved, the player did not.
		if pos := eval[string](t, ctx, `document.querySelector("#position").textContent`); pos != fmt.Sprintf("Step 1 of %d", len(tr.Steps)) {
			t.Fatalf("key %q in the event list moved the player: %q", k.key, pos)
		}
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	checkStep(t, ctx, tr, 3)
	if got := eval[string](t, ctx, `document.querySelector(".event.current").getAttribute("aria-selected")`); got != "true" {
		t.Errorf("the current step's row has aria-selected=%q", got)
	}

	// The player's keys still work from the list, and the active row
	// follows the cursor.
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	checkStep(t, ctx, tr, 4)
	waitFor(t, ctx, activeRow+` === "4"`)

	// Keys held with Ctrl are the browser's: the row stays (the browser
	// scrolls the box, which is why this comes last: its scrolling can
	// outlast the next steps).
	do(t, ctx, chromedp.KeyEvent(kb.End, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	if got := eval[string](t, ctx, `document.querySelector(".event.active")?.dataset.step ?? "not drawn"`); got != "4" && got != "not drawn" {
		t.Errorf("Ctrl+End moved the active row to %q", got)
	}

	// Tab leaves the list in one press.
	do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if in := eval[bool](t, ctx, `document.activeElement.closest("#events-scroll") !== null`); in {
		t.Error("a second Tab stays in the event list")
	}
}

// TestBrowserA11yInspector checks that the inspector's fields take the
// keyboard focus and light their bytes as hovering does, and that
// hovering a byte brings its field into view inside the inspector's own
// scroll box without moving the page.
func TestBrowserA11yInspector(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	do(t, ctx, chromedp.EmulateViewport(1280, 800))
	b, err := hex.DecodeString(strings.ReplaceAll(seedConnect, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	fields := codec.Annotate(b).Fields
	focusPage(t, ctx)
	open(t, ctx, base, "/decode?hex="+strings.ReplaceAll(seedConnect, " ", ""))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelectorAll(".inspector-panel .field").length === %d`, len(fields)))

	// Tab walks the fields in order, each lighting exactly its bytes.
	do(t, ctx, chromedp.Focus(`.field[data-field="0"]`))
	for i, f := range fields {
		if i > 0 {
			do(t, ctx, chromedp.KeyEvent(kb.Tab))
		}
		waitFor(t, ctx, fmt.Sprintf(`document.activeElement.dataset.field === "%d" && document.activeElement.classList.contains("lit")`, i))
		lit := eval[[]string](t, ctx, `[...document.querySelectorAll(".byte.lit")].map(e => e.dataset.offset)`)
		var want []string
		for o := f.Offset; o < f.Offset+f.Length && o < len(b); o++ {
			want = append(want, strconv.Itoa(o))
		}
		if fmt.Sprint(lit) != fmt.Sprint(want) {
			t.Errorf("focus on field %q lights bytes %v, want %v", f.Name.EN, lit, want)
		}
	}
	do(t, ctx, chromedp.KeyEvent(kb.Tab))
	waitFor(t, ctx, `document.querySelectorAll(".byte.lit").length === 0`)

	// A lesson's CONNECT with a will: hovering its last byte lights the
	// last field, far down the side column, which scrolls to show it; the
	// page stays where it is.
	const lesson = "will-keepalive"
	ltr, err := lessons.RunLesson(lesson, 1)
	if err != nil {
		t.Fatal(err)
	}
	at := -1
	for i, s := range ltr.Steps {
		if s.Packet == codec.CONNECT && len(codec.Annotate(s.Bytes).Fields) > 8 {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatalf("%s has no CONNECT with more than 8 fields", lesson)
	}
	open(t, ctx, base, "/lessons/"+lesson)
	for range at {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	checkStep(t, ctx, ltr, at)
	last := len(codec.Annotate(ltr.Steps[at].Bytes).Fields) - 1
	lastByte := len(ltr.Steps[at].Bytes) - 1
	// The page scrolled down to the player, where the side column sticks
	// inside the window.
	y := eval[float64](t, ctx, `(window.scrollTo(0, document.querySelector(".player-view").getBoundingClientRect().top + scrollY), scrollY)`)
	eval[bool](t, ctx, fmt.Sprintf(`(document.querySelector('.inspector-panel .byte[data-offset="%d"]').dispatchEvent(new MouseEvent("mouseover", {bubbles: true})), true)`, lastByte))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector('.inspector-panel .field[data-field="%d"]').classList.contains("lit")`, last))
	// The field is in the part of its scroll box the window shows.
	const inView = `(() => {
		const f = document.querySelector(".inspector-panel .field.lit").getBoundingClientRect();
		let box = document.querySelector(".inspector-panel .field.lit").parentElement;
		while (box && box !== document.body && !(/(auto|scroll)/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight)) box = box.parentElement;
		if (!box || box === document.body) return false;
		const r = box.getBoundingClientRect();
		return f.top >= Math.max(r.top, 0) - 1 && f.bottom <= Math.min(r.bottom, innerHeight) + 1;
	})()`
	waitFor(t, ctx, inView)
	if now := eval[float64](t, ctx, `window.scrollY`); now != y {
		t.Errorf("hovering a byte scrolled the page from %v to %v", y, now)
	}
	// The byte stays where the pointer is: only the field list moved.
	byteInView := fmt.Sprintf(`(() => {
		const b = document.querySelector('.inspector-panel .byte[data-offset="%d"]');
		const r = b.getBoundingClientRect();
		for (let box = b.parentElement; box && box !== document.body; box = box.parentElement) {
			const p = box.getBoundingClientRect();
			if (getComputedStyle(box).overflowY !== "visible" && (r.top < p.top || r.bottom > p.bottom)) return false;
		}
		return r.top >= 0 && r.bottom <= innerHeight;
	})()`, lastByte)
	if !eval[bool](t, ctx, byteInView) {
		t.Error("revealing the field scrolled the hovered byte out of view")
	}
}

// TestBrowserA11yScreenshots saves a lesson at a publish step at 1280×800
// and 390×844, in English and Chinese, under docs/screenshots/. It runs
// only with -screenshots.
func TestBrowserA11yScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("run with -screenshots to save them")
	}
	base := appURL(t)
	const lesson = "qos1-lost-puback"
	at := publishStep(t, lesson)
	for _, size := range []struct {
		name string
		w, h int64
	}{{"wide", 1280, 800}, {"phone", 390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		open(t, ctx, base, "/lessons/"+lesson)
		for range at {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
		}
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			shoot(t, ctx, "a11y-lesson-"+size.name+"-"+lang)
			if size.name == "phone" {
				// The event list, two lines a row, below the sticky player bar.
				eval[bool](t, ctx, `(() => {
					document.querySelector(".events-panel").scrollIntoView();
					const bar = document.querySelector(".player-bar");
					window.scrollBy(0, -(bar ? bar.offsetHeight + 8 : 0));
					return true;
				})()`)
				shoot(t, ctx, "a11y-events-phone-"+lang)
			}
		}
	}
}

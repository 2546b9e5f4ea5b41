package main

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"mqttviz/sim/script"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The scenario page in a browser: errors placed in the editor, the draft,
// the keys, share links in the fragment, runs that yield, the reference.

// setEditor replaces the editor's text as typing would and waits until
// the editor has drawn it: go-app renders an update a moment later, and a
// click aimed before the box changed height would miss its button.
func setEditor(t *testing.T, ctx context.Context, src string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const el = document.querySelector("#scenario-input"); el.value = `+strconv.Quote(src)+`; el.dispatchEvent(new Event("input", {bubbles: true})); return true })()`)
	lines := strconv.Itoa(strings.Count(src, "\n") + 1)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".gutter").textContent.endsWith("\n`+lines+`\n") || document.querySelector(".gutter").textContent === "`+lines+`\n"`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the editor does not show %s lines: the gutter ends %q", lines, eval[string](t, ctx, `document.querySelector(".gutter").textContent.slice(-20)`))
	}
}

// chordEnter presses Enter with the modifiers (kb.ModifierCtrl,
// kb.ModifierMeta) in the focused element: a key down and a key up, no
// character.
func chordEnter(mods int64) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: "Enter", Code: "Enter", Modifiers: mods,
				WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13,
			}); err != nil {
				return err
			}
		}
		return nil
	})
}

// heading is the text of the result's heading.
func heading(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `(document.querySelector("#scenario-heading") || {}).textContent || ""`)
}

func waitHeading(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	waitFor(t, ctx, `(document.querySelector("#scenario-heading") || {}).textContent === `+strconv.Quote(want))
}

// TestBrowserScenarioError: an error is placed with the editor (its line
// marked beside the text, a button that selects the place), in the
// chosen language, and the heading does not show the title of the
// scenario that ran before.
func TestBrowserScenarioError(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	src := "client a\npublish a t \"x\" qos=3\n"
	_, err := script.Run("scenario", src, 1)
	if err == nil {
		t.Fatal("RunScenario accepts qos=3")
	}
	open(t, ctx, base, "/scenario?src="+url.QueryEscape(src))
	waitFor(t, ctx, `document.querySelector("#scenario-error") !== null`)
	if got := eval[string](t, ctx, `document.querySelector("#scenario-error").textContent`); got != err.Error() {
		t.Errorf("scenario error %q, want %q", got, err.Error())
	}

	// The example runs; then a broken scenario: the heading is not the
	// example's title.
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-example")))
	waitHeading(t, ctx, "QoS 1 with a lost PUBACK")
	bad := "title en: Must not show\nclient sensor\n\nconnect sensor\npublish sensor a/b \"x\" qos=3\n"
	setEditor(t, ctx, bad)
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitHeading(t, ctx, "The scenario does not run")
	if n := eval[int](t, ctx, `document.querySelectorAll("#expectations, #position, .diagram").length`); n != 0 {
		t.Errorf("%d parts of the previous trace are still shown", n)
	}
	msg := eval[string](t, ctx, `document.querySelector("#scenario-error").textContent`)
	if !strings.HasPrefix(msg, "line 5, col ") {
		t.Fatalf("error %q", msg)
	}
	col, _ := strconv.Atoi(strings.TrimPrefix(strings.SplitN(msg, ":", 2)[0], "line 5, col "))
	// Line 5 is marked beside its number and behind its text.
	if got := eval[string](t, ctx, `document.querySelector(".gutter .mark-error").textContent`); got != "5" {
		t.Errorf("the gutter marks %q, want 5", got)
	}
	band := eval[[]float64](t, ctx, `(() => { const b = document.querySelector(".band.mark-error").getBoundingClientRect(), ta = document.querySelector("#scenario-input").getBoundingClientRect(), n = [...document.querySelectorAll(".gutter .mark-error")][0].getBoundingClientRect(); return [b.top - ta.top, n.top - ta.top, b.height] })()`)
	if band[0] != 8+4*20 || band[1] != band[0] || band[2] != 20 {
		t.Errorf("the band is at %v px from the text's top, its number at %v, %v high; want 88, 88, 20", band[0], band[1], band[2])
	}
	// The place is a button: it selects the place in the text.
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-error-place")))
	sel := eval[[]int](t, ctx, `(() => { const el = document.querySelector("#scenario-input"); return [document.activeElement === el ? 1 : 0, el.selectionStart, el.selectionEnd] })()`)
	lineStart := strings.Index(bad, "publish")
	if sel[0] != 1 || sel[1] != lineStart+col-1 || sel[2] != strings.LastIndex(bad, "\n") {
		t.Errorf("after the jump: focus %d, selection %d–%d; want focus, %d–%d", sel[0], sel[1], sel[2], lineStart+col-1, strings.LastIndex(bad, "\n"))
	}
	// By keyboard too: Enter on the place, after the selection moved away.
	eval[bool](t, ctx, `(document.querySelector("#scenario-input").setSelectionRange(0, 0), true)`)
	do(t, ctx, chromedp.Focus(chromedp.ID("scenario-error-place")), chromedp.KeyEvent(kb.Enter))
	if got := eval[int](t, ctx, `document.querySelector("#scenario-input").selectionStart`); got != lineStart+col-1 {
		t.Errorf("Enter on the place selects from %d, want %d", got, lineStart+col-1)
	}
	shoot(t, ctx, "scenario-error")

	// In Chinese, the place and the heading are Chinese.
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	waitHeading(t, ctx, "场景无法运行")
	// The place and the sentence are Chinese, as the parser says it.
	src5 := bad
	_, perr := script.Run("scenario", src5, 1)
	var pe *script.ParseError
	if !errors.As(perr, &pe) {
		t.Fatalf("the broken scenario gives %v", perr)
	}
	if got, want := eval[string](t, ctx, `document.querySelector("#scenario-error").textContent`), fmt.Sprintf("第 5 行第 %d 列：%s", col, pe.Text.ZH); got != want || strings.Contains(got, "expected") {
		t.Errorf("Chinese error %q, want %q", got, want)
	}
	shoot(t, ctx, "scenario-error-zh")

	// A wildcard in a topic name is explained in the language of the page,
	// with its rule, not as the codec's internal error.
	setEditor(t, ctx, "client a\nconnect a\npublish a a/+ \"x\"\n")
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitFor(t, ctx, `document.querySelector("#scenario-error").textContent.startsWith("第 3 行")`)
	if got := eval[string](t, ctx, `document.querySelector("#scenario-error").textContent`); !strings.Contains(got, "MQTT-4.7.1-1") || strings.Contains(got, "offset") || !strings.Contains(got, "通配符") {
		t.Errorf("a/+ as a topic: %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))

	// An empty scenario says so.
	setEditor(t, ctx, "  \n\n")
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitHeading(t, ctx, "Nothing to run")
	if got := eval[string](t, ctx, `document.querySelector("#scenario-error").textContent`); !strings.Contains(got, "empty") {
		t.Errorf("empty scenario: %q", got)
	}
}

// TestBrowserScenarioResult: the description is shown under the title,
// and a failed expectation gives its line, marked in the editor and one
// click away.
func TestBrowserScenarioResult(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	src := "title en: Two expectations\ndescribe en: The second one fails.\nclient a\nconnect a\nexpect a connected\nexpect a disconnected\n"
	tr, err := script.Run("scenario", src, 1)
	if err != nil || len(tr.Failed()) != 1 || tr.Failed()[0].Line != 6 {
		t.Fatalf("the scenario does not fail at line 6: %v %+v", err, tr)
	}
	open(t, ctx, base, "/scenario")
	setEditor(t, ctx, src)
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitHeading(t, ctx, "Two expectations")
	if got := eval[string](t, ctx, `document.querySelector("#scenario-description").textContent`); got != "The second one fails." {
		t.Errorf("description %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector(".expect.failed .place").textContent`); got != "line 6" {
		t.Errorf("the failed expectation says %q", got)
	}
	if got := eval[string](t, ctx, `[...document.querySelectorAll(".gutter .mark-failed")].map(e => e.textContent).join()`); got != "6" {
		t.Errorf("the gutter marks %q as failed, want 6", got)
	}
	do(t, ctx, chromedp.Click(`.expect.failed .place`))
	sel := eval[[]int](t, ctx, `[document.querySelector("#scenario-input").selectionStart, document.querySelector("#scenario-input").selectionEnd]`)
	if want := strings.Index(src, "expect a disconnected"); sel[0] != want || sel[1] != want+len("expect a disconnected") {
		t.Errorf("selection %v, want line 6 (%d…)", sel, want)
	}
}

// TestBrowserScenarioKeys: Ctrl+Enter and Cmd+Enter run the scenario
// from the editor and insert nothing.
func TestBrowserScenarioKeys(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/scenario")
	for i, mod := range []int64{int64(kb.ModifierCtrl), int64(kb.ModifierMeta)} {
		title := fmt.Sprintf("Run by keys %d", i)
		src := "title en: " + title + "\nclient a\nconnect a\n"
		setEditor(t, ctx, src)
		do(t, ctx, chromedp.Focus(chromedp.ID("scenario-input")), chordEnter(mod))
		waitHeading(t, ctx, title)
		if got := eval[string](t, ctx, `document.querySelector("#scenario-input").value`); got != src {
			t.Errorf("the keys changed the text to %q", got)
		}
	}
}

// TestBrowserScenarioGutter: keys that come faster than go-app renders
// (a new line, then a letter, in one task) still leave the numbers beside
// every line.
func TestBrowserScenarioGutter(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/scenario")
	setEditor(t, ctx, "client a")
	eval[bool](t, ctx, `(() => {
		const el = document.querySelector("#scenario-input");
		for (const k of ["\n", "c", "\n", "x"]) {
			el.value += k;
			el.dispatchEvent(new KeyboardEvent("keydown", {key: k === "\n" ? "Enter" : k, bubbles: true}));
			el.dispatchEvent(new Event("input", {bubbles: true}));
		}
		return true;
	})()`)
	waitFor(t, ctx, `document.querySelector(".gutter").textContent === "1\n2\n3\n"`)
}

// TestBrowserScenarioDraft: edits survive leaving the page without Run,
// and the example is one click away.
func TestBrowserScenarioDraft(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/scenario")
	draft := "title en: My draft\ntitle zh: 我的草稿\nclient sensor\n"
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-input")))
	setEditor(t, ctx, draft[:len(draft)-1])
	do(t, ctx, chromedp.SendKeys(chromedp.ID("scenario-input"), "\n"))
	// Leave through the app's own links and come back, then load the page
	// afresh: the draft is there both times, unrun.
	do(t, ctx, chromedp.Click(chromedp.ID("nav-decode")))
	waitFor(t, ctx, `document.querySelector("#decode-input") !== null`)
	do(t, ctx, chromedp.Click(chromedp.ID("nav-scenario")))
	waitFor(t, ctx, `(document.querySelector("#scenario-input") || {}).value === `+strconv.Quote(draft))
	open(t, ctx, base, "/")
	open(t, ctx, base, "/scenario")
	waitFor(t, ctx, `document.querySelector("#scenario-input").value === `+strconv.Quote(draft))
	waitHeading(t, ctx, "My draft")

	// A link someone sent, opened and run, does not replace the draft.
	open(t, ctx, base, "/scenario#"+shareFragment("title en: Sent to me\nclient a\nconnect a\n"))
	waitHeading(t, ctx, "Sent to me")
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitFor(t, ctx, `location.hash.startsWith("#v1.")`)
	do(t, ctx, chromedp.Click(chromedp.ID("nav-decode")))
	waitFor(t, ctx, `document.querySelector("#decode-input") !== null`)
	open(t, ctx, base, "/scenario")
	waitFor(t, ctx, `document.querySelector("#scenario-input").value === `+strconv.Quote(draft))

	do(t, ctx, chromedp.Click(chromedp.ID("scenario-example")))
	waitHeading(t, ctx, "QoS 1 with a lost PUBACK")
	open(t, ctx, base, "/scenario")
	waitHeading(t, ctx, "QoS 1 with a lost PUBACK")
}

// recordingServer serves the app as `mqttviz serve` does and records the
// longest request target any request carried.
type recordingServer struct {
	url     string
	mu      sync.Mutex
	longest int
}

func newRecordingServer(t *testing.T) *recordingServer {
	t.Helper()
	ensureWASM(t)
	h := webHandler(t, webDir)
	rs := &recordingServer{}
	rs.url = serveLoopback(t, "127.0.0.1", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs.mu.Lock()
		rs.longest = max(rs.longest, len(r.RequestURI))
		rs.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	return rs
}

// bigScenario is the 5,000 publish lines.
func bigScenario(lines int) string {
	var b strings.Builder
	b.WriteString("title en: Five thousand publishes\nclient sensor\nclient phone\nconnect sensor\nconnect phone\nsubscribe phone devices/# qos=1\n")
	for i := range lines {
		fmt.Fprintf(&b, "publish sensor devices/sensor/temp \"%d.5\" qos=1\n", i)
	}
	b.WriteString("expect phone received " + strconv.Itoa(lines) + "\n")
	return b.String()
}

// TestBrowserScenarioLinks: Run puts the scenario in the fragment, which
// no server sees; the link opens it again, links of the older ?src= form
// keep opening, and a bad or future link says so and keeps the draft.
func TestBrowserScenarioLinks(t *testing.T) {
	rs := newRecordingServer(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, rs.url, "/scenario")
	src := bigScenario(5000)
	setEditor(t, ctx, src)
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitFor(t, ctx, `location.hash.startsWith("#v1.") && location.search === ""`)
	link := eval[string](t, ctx, `location.href`)
	t.Logf("a %d-line scenario (%d bytes) makes a %d-character link", strings.Count(src, "\n"), len(src), len(link))
	if len(link) > 32<<10 {
		t.Errorf("the link is %d characters", len(link))
	}
	waitFor(t, ctx, `(document.querySelector("#scenario-heading") || {}).textContent === "Five thousand publishes"`)

	// The link in a fresh browser: the same scenario, and the request
	// lines stay short.
	ctx2 := newBrowser(t, 1280, 800)
	open(t, ctx2, "", link)
	waitFor(t, ctx2, `document.querySelector("#scenario-input").value.length === `+strconv.Itoa(len(src)))
	if got := eval[string](t, ctx2, `document.querySelector("#scenario-input").value`); got != src {
		t.Error("the link opens another scenario")
	}
	rs.mu.Lock()
	longest := rs.longest
	rs.mu.Unlock()
	if longest > 200 {
		t.Errorf("a request target of %d characters reached the server", longest)
	}

	// A link pasted into the address of the open page opens too.
	do(t, ctx2, chromedp.Evaluate[chromedp.Void](`location.hash = `+strconv.Quote(shareFragment("title en: Pasted\nclient a\nconnect a\n"))))
	waitHeading(t, ctx2, "Pasted")

	// The draft stays when a link does not open.
	draft := "title en: Kept\nclient a\nconnect a\n"
	setEditor(t, ctx2, draft)
	frag := link[strings.Index(link, "#")+1:]
	for _, tt := range []struct{ frag, want string }{
		{frag[:len(frag)/2], "cut short"},
		{"v9." + frag[3:], "format v9"},
	} {
		open(t, ctx2, rs.url, "/scenario#"+tt.frag)
		waitFor(t, ctx2, `document.querySelector("#scenario-link-error") !== null`)
		if got := eval[string](t, ctx2, `document.querySelector("#scenario-link-error").textContent`); !strings.Contains(got, tt.want) {
			t.Errorf("bad link: %q, want it to say %q", got, tt.want)
		}
		if got := eval[string](t, ctx2, `document.querySelector("#scenario-input").value`); got != draft {
			t.Errorf("a bad link replaced the draft with %.40q", got)
		}
		if got := eval[string](t, ctx2, `location.hash`); got != "#"+tt.frag {
			t.Errorf("the bad link was taken out of the address: %q", got)
		}
	}
	do(t, ctx2, chromedp.Click(chromedp.ID("lang-zh")))
	waitFor(t, ctx2, `document.querySelector("#scenario-link-error").textContent.includes("格式 v9")`)

	// A link cut inside an escape is one Go's url.Parse refuses, and
	// go-app with it: the app still starts and says the link is broken.
	open(t, ctx2, rs.url, "/scenario#v1.abc%2")
	waitFor(t, ctx2, `document.querySelector("#scenario-link-error") !== null && document.querySelector("#scenario-input").value === `+strconv.Quote(draft))
	if got := eval[string](t, ctx2, `location.hash`); got != "#v1.abc%252" {
		t.Errorf("the address is now %q", got)
	}

	// A link published in the older form keeps opening.
	old := "title en: An old link\nclient a\nconnect a\n"
	open(t, ctx2, rs.url, "/scenario?src="+url.QueryEscape(old))
	do(t, ctx2, chromedp.Click(chromedp.ID("lang-en")))
	waitHeading(t, ctx2, "An old link")
	// Its first step moves the scenario into the fragment, where every
	// later step leaves it alone (a 5,000-line ?src= address is 284 KB,
	// rewritten on every step), and the address opens the same scenario.
	do(t, ctx2, chromedp.KeyEvent(kb.ArrowRight))
	waitFor(t, ctx2, `location.hash.startsWith("#v1.") && !location.search.includes("src=") && new URLSearchParams(location.search).get("step") === "2"`)
	open(t, ctx2, rs.url, eval[string](t, ctx2, `location.pathname + location.search + location.hash`))
	waitHeading(t, ctx2, "An old link")
	if got := eval[string](t, ctx2, `document.querySelector("#scenario-input").value`); got != old {
		t.Errorf("the address the step wrote opens %.40q", got)
	}
}

// TestBrowserScenarioResponsive runs the 5,000-line scenario
// (20,000 steps) and checks that the page answers while it runs: animation
// frames keep coming, the progress line moves, and Run turns into
// Cancel. It logs the figures; it asserts no timing.
func TestBrowserScenarioResponsive(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/scenario")
	src := bigScenario(5000)
	setEditor(t, ctx, src)
	eval[bool](t, ctx, `(() => {
		window.__run = {frames: [], progress: new Set(), labels: new Set(), t0: 0, t1: 0};
		const r = window.__run;
		const frame = (now) => { r.frames.push(now); if (!r.t1) requestAnimationFrame(frame); };
		requestAnimationFrame(frame);
		new MutationObserver(() => {
			const p = document.querySelector("#scenario-progress");
			if (p) r.progress.add(p.textContent);
			r.labels.add(document.querySelector("#scenario-run").textContent);
			const h = document.querySelector("#scenario-heading");
			if (!r.t1 && h && h.textContent === "Five thousand publishes") r.t1 = performance.now();
		}).observe(document.querySelector("main"), {subtree: true, childList: true, characterData: true, attributes: true});
		document.querySelector("#scenario-run").addEventListener("click", () => { r.t0 = performance.now(); }, {capture: true});
		return true;
	})()`)
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__run.t1 > 0`, chromedp.WithPollingTimeout(60*time.Second))); err != nil {
		t.Fatalf("the run did not finish: %v", err)
	}
	type figures struct {
		Frames      int      `json:"frames"`
		LongestGap  float64  `json:"gap"`
		Run         float64  `json:"run"`
		Progress    []string `json:"progress"`
		Labels      []string `json:"labels"`
		FirstRender float64  `json:"render"`
	}
	f := eval[figures](t, ctx, `(() => {
		const r = window.__run, during = r.frames.filter(t => t >= r.t0 && t <= r.t1);
		let gap = 0;
		for (let i = 1; i < during.length; i++) gap = Math.max(gap, during[i] - during[i-1]);
		return {frames: during.length, gap: gap, run: r.t1 - r.t0, progress: [...r.progress], labels: [...r.labels]};
	})()`)
	t.Logf("5,000 publish lines: run and first render %.0f ms; %d animation frames during it, the longest gap between two %.0f ms; %d progress lines, e.g. %q",
		f.Run, f.Frames, f.LongestGap, len(f.Progress), f.Progress[len(f.Progress)/2:min(len(f.Progress), len(f.Progress)/2+1)])
	// The longest gaps between animation frames, from just before the
	// click to just after the trace is shown, and when each began.
	t.Log("longest gaps [ms, began ms after the click]: " + eval[string](t, ctx, `(() => { const r = window.__run, d = r.frames.filter(t => t >= r.t0 - 50 && t <= r.t1 + 50); const g = []; for (let i = 1; i < d.length; i++) g.push([Math.round(d[i]-d[i-1]), Math.round(d[i-1]-r.t0)]); g.sort((a,b)=>b[0]-a[0]); return JSON.stringify(g.slice(0, 5)) })()`))
	measures := eval[map[string]float64](t, ctx, `(() => {
		const m = Object.fromEntries(["parse", "run", "shown"].map(n => [n, performance.getEntriesByName("mqttviz-scenario-" + n).at(-1).duration]));
		const slices = performance.getEntriesByName("mqttviz-scenario-slice").filter(e => e.startTime >= window.__run.t0).map(e => e.duration).sort((a, b) => a - b);
		m.slices = slices.length; m.median = slices[slices.length >> 1]; m.longest = slices.at(-1);
		return m;
	})()`)
	t.Logf("parse %.0f ms, run (parse included) %.0f ms, trace shown %.0f ms after Run; %.0f slices, %.1f ms each (median), %.1f ms the longest",
		measures["parse"], measures["run"], measures["shown"], measures["slices"], measures["median"], measures["longest"])
	if f.Frames < 3 {
		t.Errorf("only %d animation frames ran while the scenario ran: the page did not answer", f.Frames)
	}
	if len(f.Progress) < 3 {
		t.Errorf("the progress line showed %d different texts: %q", len(f.Progress), f.Progress)
	}
	if !strings.Contains(strings.Join(f.Labels, "|"), "Cancel") {
		t.Errorf("Run never turned into Cancel: %q", f.Labels)
	}
	if got := eval[string](t, ctx, `document.querySelector("#expectations summary").textContent`); !strings.HasPrefix(got, "Expect") || strings.Contains(got, "failed") {
		t.Errorf("expectations: %q", got)
	}

	// Typing in the 5,000-line box: the time of an input event's handler
	// (the text read, the draft saved), a key that adds no line and one
	// that does.
	typing := eval[[]float64](t, ctx, `(() => {
		const el = document.querySelector("#scenario-input"), times = [];
		for (let i = 0; i < 20; i++) {
			el.value = el.value + (i % 2 ? "x" : "\n");
			const t0 = performance.now();
			el.dispatchEvent(new Event("input", {bubbles: true}));
			times.push(performance.now() - t0);
		}
		times.sort((a, b) => a - b);
		return [times[10], times[19]];
	})()`)
	t.Logf("typing in 5,000 lines: an input event takes %.1f ms (median), %.1f ms at most", typing[0], typing[1])

	// Cancel stops a run; the editor keeps the text.
	setEditor(t, ctx, src+"# again\n")
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitFor(t, ctx, `document.querySelector("#scenario-run").textContent === "Cancel"`)
	do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
	waitHeading(t, ctx, "Run cancelled")
	if got := eval[string](t, ctx, `document.querySelector("#scenario-run").textContent`); got != "Run" {
		t.Errorf("after Cancel the button says %q", got)
	}
}

// TestBrowserScenarioReference: the reference is in the app, in both
// languages, every statement with an example.
func TestBrowserScenarioReference(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/scenario")
	if n := eval[int](t, ctx, `document.querySelectorAll('a[href*="lessons.md"]').length`); n != 0 {
		t.Errorf("%d links to docs/lessons.md", n)
	}
	do(t, ctx, chromedp.Click(`#scenario-reference summary`))
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll("#scenario-reference tbody tr")].map(tr => tr.cells[0].textContent + " | " + tr.cells[2].textContent)`)
	for _, kw := range []string{"title", "describe", "broker", "client", "will", "connect", "disconnect", "abort", "ping", "subscribe", "unsubscribe", "publish", "raw", "hold", "drop", "cut", "silence", "restore", "latency", "wait", "note", "expect"} {
		found := false
		for _, r := range rows {
			if strings.HasPrefix(r, kw+" ") {
				found = true
			}
		}
		if !found {
			t.Errorf("the reference has no row for %s", kw)
		}
	}
	eval[bool](t, ctx, `(document.querySelector("#scenario-reference").scrollIntoView(), true)`)
	shoot(t, ctx, "scenario-reference")
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	waitFor(t, ctx, `document.querySelector("#scenario-reference caption").textContent === "场景设置"`)
	do(t, ctx, chromedp.EmulateViewport(390, 844))
	eval[bool](t, ctx, `(document.querySelectorAll("#scenario-reference caption")[3].scrollIntoView(), true)`)
	shoot(t, ctx, "scenario-reference-phone-zh")
	if got := eval[string](t, ctx, `document.querySelector("#scenario-reference tbody td:nth-child(2)").textContent`); got != "课程标题" {
		t.Errorf("the first meaning in Chinese is %q", got)
	}
}

// TestBrowserScenarioScreenshots takes the scenario page at 1280×800 and
// 390×844 in English and Chinese (with -screenshots), and checks that the
// editor's numbers stay beside their lines on a phone.
func TestBrowserScenarioScreenshots(t *testing.T) {
	base := appURL(t)
	for _, size := range []struct {
		name string
		w, h int
	}{{"wide", 1280, 800}, {"phone", 390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		// A window is at least 500 px wide: a phone's width is emulated.
		do(t, ctx, chromedp.EmulateViewport(int64(size.w), int64(size.h)))
		open(t, ctx, base, "/scenario")
		long := exampleWithLongLine()
		setEditor(t, ctx, long)
		do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
		waitFor(t, ctx, `document.querySelector(".gutter .mark-failed") !== null`)
		// Every line is one line: the text box is as high as its rows,
		// the numbers' column as high as the text.
		hs := eval[[]float64](t, ctx, `[document.querySelector(".gutter").scrollHeight, document.querySelector("#scenario-input").scrollHeight]`)
		lines := strings.Count(long, "\n") + 1
		if hs[0] < float64(16+20*lines) || hs[1] > hs[0]+20+2 {
			t.Errorf("%s: gutter %v px, text %v px for %d lines", size.name, hs[0], hs[1], lines)
		}
		if w := eval[int](t, ctx, `document.documentElement.scrollWidth`); w > size.w {
			t.Errorf("%s: the page is %d px wide in a %d px window", size.name, w, size.w)
		}
		for _, lang := range []string{"en", "zh"} {
			do(t, ctx, chromedp.Click(chromedp.ID("lang-"+lang)))
			waitFor(t, ctx, `document.documentElement.lang === `+strconv.Quote(map[string]string{"en": "en", "zh": "zh-CN"}[lang]))
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			shoot(t, ctx, "scenario-"+size.name+"-"+lang)
		}
	}
}

// exampleWithLongLine is a scenario with a line longer than a phone is
// wide and an expectation that fails.
func exampleWithLongLine() string {
	return "title en: A long line\ntitle zh: 很长的一行\nclient sensor\nclient phone\nconnect sensor\nconnect phone\nsubscribe phone devices/# qos=1\n" +
		"publish sensor devices/sensor/temperature/living-room/north-wall \"21.5 degrees, measured at the north wall\" qos=1\n" +
		"expect phone received 2\n"
}

// shareFragment writes a v1 link's fragment as docs/getting-started.md
// says, with another DEFLATE writer than the app's.
func shareFragment(src string) string {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestSpeed)
	w.Write([]byte(src))
	w.Close()
	return "v1." + base64.RawURLEncoding.EncodeToString(b.Bytes())
}

// TestBrowserScenarioLinkStatic opens a 5,000-line scenario's link on the
// static site served by python3 -m http.server.
func TestBrowserScenarioLinkStatic(t *testing.T) {
	base := staticSite(t)
	ctx := newBrowser(t, 1280, 800)
	src := bigScenario(5000)
	open(t, ctx, base, "/scenario/#"+shareFragment(src))
	waitHeading(t, ctx, "Five thousand publishes")
	if got := eval[string](t, ctx, `document.querySelector("#scenario-input").value`); got != src {
		t.Errorf("the static site's page holds %d bytes, not the link's %d", len(got), len(src))
	}
}

// TestBrowserScenarioAxe runs axe-core on the scenario page in the states
// the other a11y test does not reach: the reference open, a failed
// expectation marked in the editor, an error placed, a bad link, in both
// languages and on a phone.
func TestBrowserScenarioAxe(t *testing.T) {
	base := appURL(t)
	axeSource(t)
	for _, size := range []struct{ w, h int64 }{{1280, 800}, {390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		open(t, ctx, base, "/scenario#v9.future")
		setEditor(t, ctx, exampleWithLongLine())
		do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
		waitFor(t, ctx, `document.querySelector(".gutter .mark-failed") !== null`)
		do(t, ctx, chromedp.Click(`#scenario-reference summary`))
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			checkAxe(t, ctx, fmt.Sprintf("scenario with a failed expectation at %d×%d in %s", size.w, size.h, lang))
		}
		open(t, ctx, base, "/scenario#v9.future")
		waitFor(t, ctx, `document.querySelector("#scenario-link-error") !== null`)
		setEditor(t, ctx, "client a\npublish a t \"x\" qos=3\n")
		do(t, ctx, chromedp.Click(chromedp.ID("scenario-run")))
		waitFor(t, ctx, `document.querySelector(".gutter .mark-error") !== null`)
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			checkAxe(t, ctx, fmt.Sprintf("scenario with an error at %d×%d in %s", size.w, size.h, lang))
		}
	}
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserStepCost prints what one step costs in a trace of about 20
// steps and in one of 20,000, from the app's mqttviz-step measures. It
// runs only with -perf:
//
//	make build && go test -count=1 -v ./cmd/mqttviz -run TestBrowserStepCost -perf
func TestBrowserStepCost(t *testing.T) {
	if !*perf {
		t.Skip("run with -perf to measure")
	}
	base := appURL(t)
	for _, n := range []int{20, 20000} {
		src, steps := longScenario(t, n)
		ctx := newBrowser(t, 1280, 800)
		open(t, ctx, base, "/scenario?src="+url.QueryEscape(src))
		times := stepTimes(t, ctx, steps, 60)
		t.Logf("one step of a %d-step trace: median %.1f ms, 95th percentile %.1f ms, max %.1f ms (%d steps)",
			steps, median(times), times[len(times)*95/100], times[len(times)-1], len(times))
	}
}

// stepTimes steps back k times from the end of a trace of n steps and
// forward again with the arrow keys, and returns the mqttviz-step
// durations, sorted.
func stepTimes(t *testing.T, ctx context.Context, n, k int) []float64 {
	t.Helper()
	atEnd := fmt.Sprintf(`document.querySelector("#position").textContent === "Step %d of %d"`, n, n)
	do(t, ctx, chromedp.KeyEvent(kb.End))
	waitFor(t, ctx, atEnd)
	eval[bool](t, ctx, `(performance.clearMeasures("mqttviz-step"), true)`)
	k = min(k, n-1)
	for range k {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
	}
	for range k {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	waitFor(t, ctx, atEnd)
	times := eval[[]float64](t, ctx, `performance.getEntriesByName("mqttviz-step").map(e => e.duration)`)
	if len(times) == 0 {
		t.Fatal("no mqttviz-step measures")
	}
	slices.Sort(times)
	return times
}

// goToStep moves a lesson's player to step i of n with the keyboard.
func goToStep(t *testing.T, ctx context.Context, i, n int) {
	t.Helper()
	do(t, ctx, chromedp.KeyEvent(kb.Home))
	for range i {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent === "Step %d of %d"`, i+1, n))
}

// runLesson runs a built-in lesson as the page does.
func runLesson(t *testing.T, name string) *trace.Trace {
	t.Helper()
	tr, err := lessons.RunLesson(name, 1)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// TestBrowserStateRemovedUnderOwner checks that an in-flight id the step
// removes is struck through under its client, not at the end of the
// list under the last client (qos1-lost-puback, the PUBACK that at last
// reaches the sensor).
func TestBrowserStateRemovedUnderOwner(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	tr := runLesson(t, "qos1-lost-puback")
	at := -1
	for i := 1; i < len(tr.Steps) && at < 0; i++ {
		if inflight(tr.StateAt(i-1), "sensor") > 0 && inflight(tr.StateAt(i), "sensor") == 0 {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("no step of qos1-lost-puback ends the sensor's in-flight message")
	}
	open(t, ctx, base, "/lessons/qos1-lost-puback")
	goToStep(t, ctx, at, len(tr.Steps))
	owners := eval[[]string](t, ctx, `(() => {
		const out = [];
		let owner = "";
		for (const li of document.querySelectorAll(".state-item")) {
			if (li.classList.contains("level-0") && !li.classList.contains("removed")) owner = li.textContent;
			else if (li.classList.contains("removed")) out.push(owner + " | " + li.textContent);
		}
		return out;
	})()`)
	if len(owners) == 0 {
		t.Fatalf("step %d shows nothing removed", at+1)
	}
	for _, o := range owners {
		if !strings.HasPrefix(o, `sensor ("sensor")`) {
			t.Errorf("step %d: the removed item sits under the wrong owner: %s", at+1, o)
		}
	}
}

// inflight counts the messages client name has in flight in s.
func inflight(s *trace.State, name string) int {
	if s == nil {
		return 0
	}
	for _, c := range s.Clients {
		if c.Name == name {
			return len(c.Inflight)
		}
	}
	return 0
}

// inView is a script that lists what of the diagram's current step is
// not inside the diagram's scroll box: its arrow or link, or, for one
// wider than the box, the lifeline it goes to; and with notes set, its
// note and every lifeline's head.
const inView = `((notes, to) => {
	const box = document.querySelector("#diagram-scroll").getBoundingClientRect();
	const inside = r => r.left >= box.left - 1 && r.right <= box.right + 1;
	const x = e => e.getBoundingClientRect();
	const out = [];
	const g = document.querySelector("g[data-c~=current]");
	if (!g) return ["no current row"];
	const heads = [...document.querySelectorAll("[data-c~=lane-head]")];
	for (const line of g.querySelectorAll("line[data-c~=arrow], line[data-c~=link-open]")) {
		const r = x(line);
		if (r.width <= box.width) {
			if (!inside(r)) out.push("arrow " + r.left + "–" + r.right);
			continue;
		}
		const head = heads.find(h => h.querySelector("title").textContent === to);
		if (!head || !inside(x(head))) out.push("the lifeline of " + to);
	}
	const fo = g.querySelector("foreignObject");
	if (notes && fo && !inside(x(fo))) out.push("note " + x(fo).left + "–" + x(fo).right);
	if (notes) for (const h of heads) if (!inside(x(h))) out.push("lane " + h.textContent);
	return out.map(s => s + " outside " + box.left + "–" + box.right);
})`

// TestBrowserWideLessonsFit checks that the lessons with six and seven
// lifelines show every lifeline and the current step's note at 1280×800,
// and that in narrower boxes (1024 px, a phone) the diagram scrolls
// sideways to the current step's lifelines.
func TestBrowserWideLessonsFit(t *testing.T) {
	base := appURL(t)
	for _, tt := range []struct {
		name   string
		w, h   int
		lesson string
		notes  bool // every lifeline and the note in view
	}{
		{"1280", 1280, 800, "wildcards", true},
		{"1280", 1280, 800, "connack-codes", true},
		{"1024", 1024, 800, "wildcards", false},
		{"1024", 1024, 800, "connack-codes", false},
		{"phone", 390, 844, "wildcards", false},
	} {
		t.Run(tt.name+"/"+tt.lesson, func(t *testing.T) {
			ctx := newBrowser(t, max(tt.w, 500), tt.h)
			if tt.w < 500 {
				do(t, ctx, chromedp.EmulateViewport(int64(tt.w), int64(tt.h)))
			}
			tr := runLesson(t, tt.lesson)
			open(t, ctx, base, "/lessons/"+tt.lesson)
			for i := range tr.Steps {
				if i > 0 {
					do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
				}
				waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent === "Step %d of %d"`, i+1, len(tr.Steps)))
				// The box scrolls in the frame after the render.
				if out := settle(t, ctx, fmt.Sprintf(`%s(%v, %q)`, inView, tt.notes, tr.Steps[i].To)); len(out) > 0 {
					t.Fatalf("step %d (%s → %s): %v", i+1, tr.Steps[i].From, tr.Steps[i].To, out)
				}
				if !tt.notes {
					continue
				}
				wide := eval[bool](t, ctx, `document.querySelector("#diagram").getBoundingClientRect().width > document.querySelector("#diagram-scroll").clientWidth + 1`)
				if wide {
					t.Fatalf("step %d: the diagram is wider than its box", i+1)
				}
			}
		})
	}
}

// settle polls a script that lists problems until it lists none, for up
// to two seconds, and returns what it lists last.
func settle(t *testing.T, ctx context.Context, script string) []string {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](script+`.length === 0`, chromedp.WithPollingTimeout(2*time.Second))); err == nil {
		return nil
	}
	return eval[[]string](t, ctx, script)
}

// markOverNotes is a script that lists the rows drawn where a mark on a
// lifeline or its label overlaps the text of a note.
const markOverNotes = `(() => {
	const out = [];
	const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
	const rows = [...document.querySelectorAll("g[data-step]")];
	const texts = [];
	for (const g of rows) {
		const div = g.querySelector("foreignObject .notes");
		if (!div) continue;
		const range = document.createRange();
		range.selectNodeContents(div);
		texts.push(...[...range.getClientRects()].filter(r => r.width > 0));
	}
	for (const g of rows) {
		for (const m of g.querySelectorAll("[data-c~=mark], [data-c~=mark-label]")) {
			const r = m.getBoundingClientRect();
			if (texts.some(t => meets(r, t))) out.push("step " + g.dataset.step + ": " + (m.textContent || m.dataset.c));
		}
	}
	return out;
})()`

// TestBrowserMarksClearOfNotes checks, on every row of the lessons with
// marks on their last lifeline, that no mark and no mark's label is drawn
// over a note's text, at 1280 px and 1024 px.
func TestBrowserMarksClearOfNotes(t *testing.T) {
	base := appURL(t)
	for _, w := range []int{1280, 1024} {
		ctx := newBrowser(t, w, 800)
		for _, lesson := range []string{"first-connection", "connack-codes", "will-keepalive", "takeover", "lossy-link"} {
			tr := runLesson(t, lesson)
			open(t, ctx, base, "/lessons/"+lesson)
			for _, at := range []int{0, len(tr.Steps) / 2, len(tr.Steps) - 1} {
				eval[bool](t, ctx, fmt.Sprintf(`(document.querySelector("#diagram-scroll").scrollTop = %d, true)`, at*56))
				if out := settle(t, ctx, markOverNotes); len(out) > 0 {
					t.Errorf("%d px, %s: marks over notes: %v", w, lesson, out)
				}
			}
		}
	}
}

// TestBrowserSpaceAlwaysPlays checks that space plays and pauses when a
// player button has the focus, instead of pressing that button again.
func TestBrowserSpaceAlwaysPlays(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	tr := runLesson(t, "qos1-lost-puback")
	open(t, ctx, base, "/lessons/qos1-lost-puback")
	for range 3 {
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
	}
	at := fmt.Sprintf(`document.querySelector("#position").textContent === "Step 4 of %d"`, len(tr.Steps))
	waitFor(t, ctx, at)
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "ctl-forward" {
		t.Fatalf("after three clicks the focus is on %q", id)
	}
	do(t, ctx, chromedp.KeyEvent(" "))
	waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "Pause"`)
	do(t, ctx, chromedp.KeyEvent(" "))
	waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "Play"`)
	if !eval[bool](t, ctx, at) {
		t.Errorf("space also stepped: %s", eval[string](t, ctx, `document.querySelector("#position").textContent`))
	}
	// Enter still presses the focused button.
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent === "Step 5 of %d"`, len(tr.Steps)))
}

// TestBrowserNoteStepReads checks that a note step, which belongs to no
// lifeline, reads "Note: …" in the announce line and the inspector, with
// no stray ": note —".
func TestBrowserNoteStepReads(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	tr := runLesson(t, "first-connection")
	if tr.Steps[0].Kind != trace.KindNote {
		t.Fatalf("first-connection starts with a %s, not a note", tr.Steps[0].Kind)
	}
	open(t, ctx, base, "/lessons/first-connection")
	waitFor(t, ctx, `document.querySelector("#announce").textContent !== ""`)
	announce := eval[string](t, ctx, `document.querySelector("#announce").textContent`)
	label := eval[string](t, ctx, `document.querySelector(".inspector-panel .step-label").textContent`)
	want := "Note: " + tr.Steps[0].Notes[0].Text.EN
	if !strings.HasPrefix(announce, want) {
		t.Errorf("announce line %q, want %q", announce, want)
	}
	for _, s := range []string{announce, label} {
		if strings.HasPrefix(s, ":") || strings.Contains(s, ": note") {
			t.Errorf("a note step reads %q", s)
		}
	}
}

// TestBrowserChineseDiagramLabels checks that the diagram's arrow labels
// are Chinese in Chinese: return codes and flags in words a tutorial
// uses, no English left.
func TestBrowserChineseDiagramLabels(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/")
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	for _, lesson := range []string{"connack-codes", "qos1-lost-puback", "will-keepalive"} {
		open(t, ctx, base, "/lessons/"+lesson)
		waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "播放"`)
		titles := eval[[]string](t, ctx, `[...document.querySelectorAll("g[data-kind=packet] title")].map(e => e.textContent)`)
		if len(titles) == 0 {
			t.Fatalf("%s: no arrows", lesson)
		}
		for _, s := range titles {
			for _, english := range []string{"accepted", "session-present", "bad-username-password", "not-authorized", "clean", "keepalive", " dup", "retain"} {
				if strings.Contains(s, english) {
					t.Errorf("%s: Chinese arrow label %q contains %q", lesson, s, english)
				}
			}
		}
		if lesson == "connack-codes" && !slices.Contains(titles, "CONNACK 4 用户名或密码错误") {
			t.Errorf("connack-codes: no arrow reads CONNACK 4 用户名或密码错误: %q", titles)
		}
	}
}

// TestBrowserExpectationsClosed checks that a lesson whose expectations
// all hold shows them closed, in the server's HTML (where open="false"
// would mean open) and in the browser.
func TestBrowserExpectationsClosed(t *testing.T) {
	base := appURL(t)
	resp, err := http.Get(base + "/lessons/qos1-lost-puback")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(body, []byte(`open="false"`)) {
		t.Error(`the server's HTML has open="false", which HTML reads as open`)
	}
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/lessons/qos1-lost-puback")
	if eval[bool](t, ctx, `document.querySelector("#expectations").open`) {
		t.Error("the expectations, all holding, are open")
	}
}

// TestBrowserSideColumnInSight checks that at 1280×800 the state panel
// and the inspector are both in sight beside the diagram, however long
// the inspector, instead of the state sitting below it.
func TestBrowserSideColumnInSight(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	tr := runLesson(t, "will-keepalive")
	at := 0
	for i, s := range tr.Steps {
		if s.Packet == codec.CONNECT {
			at = i // a long inspector: every field of a CONNECT with a will
			break
		}
	}
	open(t, ctx, base, "/lessons/will-keepalive")
	goToStep(t, ctx, at, len(tr.Steps))
	// Scrolled to the player, as a student stepping through is.
	eval[bool](t, ctx, `(window.scrollTo(0, document.querySelector(".player-view").getBoundingClientRect().top + scrollY), true)`)
	for _, panel := range []string{".state-panel", ".inspector-panel"} {
		shown := eval[float64](t, ctx, `(() => {
			const r = document.querySelector("`+panel+`").getBoundingClientRect();
			return Math.min(r.bottom, innerHeight) - Math.max(r.top, 0);
		})()`)
		if shown < 120 {
			t.Errorf("%s: %.0f px in sight", panel, shown)
		}
	}
	// At the top of the page too, the state's heading is in sight.
	eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
	if b := eval[float64](t, ctx, `document.querySelector(".state-panel h2").getBoundingClientRect().bottom - innerHeight`); b > 0 {
		t.Errorf("at the top of the page the state's heading is %.0f px below the window", b)
	}
}

// TestBrowserPhoneLayout checks the lesson page at 390×844: the player's
// buttons stay in sight while the page scrolls to the inspector, the
// diagram of three lifelines fits its box, and labels fit the diagram.
func TestBrowserPhoneLayout(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 500, 860)
	do(t, ctx, chromedp.EmulateViewport(390, 844))
	tr := runLesson(t, "qos1-lost-puback")
	open(t, ctx, base, "/lessons/qos1-lost-puback")
	goToStep(t, ctx, 8, len(tr.Steps))
	fits := eval[bool](t, ctx, `document.querySelector("#diagram").getBoundingClientRect().width <= document.querySelector("#diagram-scroll").clientWidth`)
	if !fits {
		t.Errorf("three lifelines do not fit a phone's diagram: %v px in %v", eval[float64](t, ctx, `document.querySelector("#diagram").getBoundingClientRect().width`), eval[float64](t, ctx, `document.querySelector("#diagram-scroll").clientWidth`))
	}
	// The player takes one line: its buttons, the speed and the position.
	if !eval[bool](t, ctx, `Math.abs(document.querySelector("#position").getBoundingClientRect().top - document.querySelector("#ctl-speed").getBoundingClientRect().top) < 16`) {
		t.Error("the player takes more than one line on a phone")
	}
	cut := eval[[]string](t, ctx, `(() => {
		const w = document.querySelector("#diagram").getBoundingClientRect().right;
		return [...document.querySelectorAll("[data-c~=arrow-label], [data-c~=mark-label]")].filter(e => e.getBoundingClientRect().right > w + 1).map(e => e.textContent);
	})()`)
	if len(cut) > 0 {
		t.Errorf("labels run off the diagram: %q", cut)
	}
	for _, to := range []string{".inspector-panel", ".state-panel"} {
		eval[bool](t, ctx, `(document.querySelector("`+to+`").scrollIntoView(), true)`)
		visible := eval[bool](t, ctx, `(() => {
			const r = document.querySelector("#ctl-forward").getBoundingClientRect();
			return r.top >= 0 && r.bottom <= innerHeight;
		})()`)
		if !visible {
			t.Errorf("scrolled to %s, the player's buttons are out of sight", to)
		}
	}
	// A step from down there keeps the state in sight (a script's click:
	// chromedp's scrolls the button into view first).
	eval[bool](t, ctx, `(document.querySelector("#ctl-forward").click(), true)`)
	waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent === "Step 10 of %d"`, len(tr.Steps)))
	if top := eval[float64](t, ctx, `document.querySelector(".state-panel").getBoundingClientRect().top`); top < 0 || top > 844 {
		t.Errorf("after a step the state panel is at %.0f px", top)
	}
}

// TestBrowserViewsScreenshots saves, with -screenshots, the lesson views
// at 1280×800 and on a phone, in English and Chinese: qos1-lost-puback at
// the step that ends the sensor's in-flight message (a note and a state
// change), and wildcards at a step to its last lifeline.
//
//	make build && go test -count=1 ./cmd/mqttviz -run TestBrowserViewsScreenshots -screenshots
func TestBrowserViewsScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("run with -screenshots to save them")
	}
	base := appURL(t)
	qos1 := runLesson(t, "qos1-lost-puback")
	wild := runLesson(t, "wildcards")
	qos1At, wildAt := 0, 0
	for i := 1; i < len(qos1.Steps); i++ {
		if inflight(qos1.StateAt(i-1), "sensor") > 0 && inflight(qos1.StateAt(i), "sensor") == 0 {
			qos1At = i
			break
		}
	}
	last := wild.Nodes[len(wild.Nodes)-1]
	for i, s := range wild.Steps {
		if s.Kind == trace.KindPacket && s.To == last {
			wildAt = i
			break
		}
	}
	for _, shot := range []struct {
		name   string
		phone  bool
		lesson string
		at, n  int
	}{
		{"views-qos1", false, "qos1-lost-puback", qos1At, len(qos1.Steps)},
		{"views-wildcards", false, "wildcards", wildAt, len(wild.Steps)},
		{"views-phone", true, "qos1-lost-puback", qos1At, len(qos1.Steps)},
		{"views-phone-wildcards", true, "wildcards", wildAt, len(wild.Steps)},
	} {
		for _, lang := range []string{"en", "zh"} {
			ctx := newBrowser(t, 1280, 800)
			// The window's size is not its viewport's: set the viewport.
			if shot.phone {
				do(t, ctx, chromedp.EmulateViewport(390, 844))
			} else {
				do(t, ctx, chromedp.EmulateViewport(1280, 800))
			}
			open(t, ctx, base, "/lessons/"+shot.lesson)
			if lang == "zh" {
				do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
				waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "播放"`)
			}
			for range shot.at {
				do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
			}
			waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#position").textContent.includes("%d")`, shot.at+1))
			// The player at the top of the window, as a student stepping
			// through sees it.
			eval[bool](t, ctx, `(window.scrollTo(0, document.querySelector(".player-view").getBoundingClientRect().top + scrollY - 8), true)`)
			time.Sleep(700 * time.Millisecond) // the packet's dot arrives
			name := shot.name
			if lang == "zh" {
				name += "-zh"
			}
			shoot(t, ctx, name)
		}
	}
}

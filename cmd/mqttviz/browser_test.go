package main

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mqttviz/codec"
)

// richestLesson picks the built-in lesson with the most packet steps, so
// that stepping through it exercises the diagram and the inspector most.
func richestLesson(t *testing.T) (string, *trace.Trace) {
	t.Helper()
	var best string
	var bestTrace *trace.Trace
	bestN := -1
	for _, l := range lessons.Lessons() {
		tr, err := lessons.RunLesson(l.Name, 1)
		if err != nil {
			t.Fatalf("lesson %s: %v", l.Name, err)
		}
		n := 0
		for _, s := range tr.Steps {
			if s.Kind == trace.KindPacket {
				n++
			}
		}
		if n > bestN {
			best, bestTrace, bestN = l.Name, tr, n
		}
	}
	if best == "" {
		t.Fatal("no built-in lessons")
	}
	return best, bestTrace
}

// shown is what the page shows of the current step.
type shown struct {
	Position string   `json:"position"`
	Step     string   `json:"step"`
	Label    string   `json:"label"`
	Title    string   `json:"title"`
	Fields   []string `json:"fields"`
	Fault    string   `json:"fault"`
}

const readShown = `(() => {
	const g = document.querySelector("g[data-c~=current]");
	const label = g && g.querySelector("[data-c~=arrow-label]");
	const title = g && g.querySelector("title");
	const fault = document.querySelector(".inspector-panel .fault-rule");
	return {
		position: document.querySelector("#position").textContent,
		step: g ? g.dataset.step : "",
		label: label ? label.textContent : "",
		title: title ? title.textContent : "",
		fields: [...document.querySelectorAll(".inspector-panel .field-name")].map(e => e.textContent),
		fault: fault ? fault.textContent : "",
	};
})()`

// checkStep waits until the page shows step i of the trace and compares
// the current arrow and the inspector's fields with the trace and with
// codec.Annotate run natively on the same bytes.
func checkStep(t *testing.T, ctx context.Context, tr *trace.Trace, i int) {
	t.Helper()
	want := fmt.Sprintf("Step %d of %d", i+1, len(tr.Steps))
	waitFor(t, ctx, `document.querySelector("#position").textContent === `+strconv.Quote(want))
	raw := eval[[]byte](t, ctx, readShown)
	var got shown
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	s := tr.Steps[i]
	if got.Step != strconv.Itoa(i) {
		t.Errorf("step %d: the current row is step %q", i, got.Step)
	}
	if s.Kind == trace.KindPacket && (!labelFits(got.Label, s.Label.EN) || got.Title != s.Label.EN) {
		t.Errorf("step %d: arrow label %q (title %q), trace says %q", i, got.Label, got.Title, s.Label.EN)
	}
	a := codec.Annotate(s.Bytes)
	var names []string
	if len(s.Bytes) > 0 {
		for _, f := range a.Fields {
			names = append(names, f.Name.EN)
		}
	}
	if fmt.Sprint(got.Fields) != fmt.Sprint(names) {
		t.Errorf("step %d: inspector fields %q, codec.Annotate gives %q", i, got.Fields, names)
	}
	wantFault := ""
	if a.Err != nil && len(s.Bytes) > 0 {
		wantFault = a.Err.Rule
	}
	if got.Fault != wantFault {
		t.Errorf("step %d: inspector fault %q, want %q", i, got.Fault, wantFault)
	}
}

// labelFits reports whether shown is label, or label shortened with "…"
// to fit beside the notes.
func labelFits(shown, label string) bool {
	if shown == label {
		return true
	}
	head, ok := strings.CutSuffix(shown, "…")
	return ok && head != "" && strings.HasPrefix(label, head)
}

// checkRenderedArrows compares every arrow the diagram draws with the
// trace's label for that step, and checks that no label runs into the
// notes column.
func checkRenderedArrows(t *testing.T, ctx context.Context, tr *trace.Trace) {
	t.Helper()
	raw := eval[[]byte](t, ctx, `[...document.querySelectorAll("g[data-kind=packet]")].map(g => [g.dataset.step, g.querySelector("[data-c~=arrow-label]").textContent, g.querySelector("title").textContent])`)
	var pairs [][3]string
	if err := json.Unmarshal(raw, &pairs); err != nil {
		t.Fatal(err)
	}
	if len(pairs) == 0 {
		t.Fatal("the diagram draws no arrows")
	}
	for _, p := range pairs {
		i, err := strconv.Atoi(p[0])
		if err != nil || i < 0 || i >= len(tr.Steps) {
			t.Fatalf("arrow with step %q", p[0])
		}
		if !labelFits(p[1], tr.Steps[i].Label.EN) || p[2] != tr.Steps[i].Label.EN {
			t.Errorf("arrow of step %d: %q (title %q), trace says %q", i, p[1], p[2], tr.Steps[i].Label.EN)
		}
	}
	overlaps := eval[[]string](t, ctx, `(() => {
		const out = [];
		for (const g of document.querySelectorAll("g[data-kind=packet]")) {
			const notes = g.querySelector("foreignObject");
			if (!notes) continue;
			const label = g.querySelector("[data-c~=arrow-label]").getBoundingClientRect();
			if (label.right > notes.getBoundingClientRect().left) out.push(g.dataset.step);
		}
		return out;
	})()`)
	if len(overlaps) > 0 {
		t.Errorf("arrow labels of steps %v run into their notes", overlaps)
	}
}

func TestBrowserLesson(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	name, tr := richestLesson(t)
	open(t, ctx, base, "/lessons/"+name)
	checkStep(t, ctx, tr, 0)
	checkRenderedArrows(t, ctx, tr)

	// Forward with the button, through the whole lesson (or its first 25
	// steps), then back.
	last := min(len(tr.Steps)-1, 25)
	for i := 1; i <= last; i++ {
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
		checkStep(t, ctx, tr, i)
	}
	for i := last - 1; i >= max(last-3, 0); i-- {
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-back")))
		checkStep(t, ctx, tr, i)
	}
	checkRenderedArrows(t, ctx, tr)

	// Filtering the event list by packet type keeps only those packets.
	eval[bool](t, ctx, `(() => { const s = document.querySelector("#filter-packet"); s.value = "PUBLISH"; s.dispatchEvent(new Event("change")); return true })()`)
	waitFor(t, ctx, `[...document.querySelectorAll(".event .ev-what")].every(e => e.textContent.startsWith("PUBLISH"))`)
	if n := eval[int](t, ctx, `document.querySelectorAll(".event").length`); n == 0 {
		t.Error("filtering by PUBLISH leaves no rows")
	}
	eval[bool](t, ctx, `(() => { const s = document.querySelector("#filter-packet"); s.value = ""; s.dispatchEvent(new Event("change")); return true })()`)

	// A click on an event row jumps there: a row in view, once the list
	// has drawn every packet again (a later frame than the change).
	inView := `(() => {
		const box = document.querySelector("#events-scroll").getBoundingClientRect();
		const rows = [...document.querySelectorAll(".event:not(.current)")].filter(e => {
			const r = e.getBoundingClientRect();
			return r.top >= box.top && r.bottom <= box.bottom;
		});
		return rows.length ? rows[0].dataset.step : "";
	})()`
	waitFor(t, ctx, `[...document.querySelectorAll(".event .ev-what")].some(e => !e.textContent.startsWith("PUBLISH")) && `+inView+` !== ""`)
	row := eval[string](t, ctx, inView)
	i, err := strconv.Atoi(row)
	if err != nil {
		t.Fatalf("event list row %q", row)
	}
	// A script's click: chromedp's scrolls the row into view first, which
	// scrolls the virtualised list under the pointer.
	eval[bool](t, ctx, `(document.querySelector('.event[data-step="`+row+`"]').click(), true)`)
	checkStep(t, ctx, tr, i)

	// So does a click on an arrow's row in the diagram.
	eval[bool](t, ctx, `(document.querySelector('g[data-step="`+strconv.Itoa(i+1)+`"]').dispatchEvent(new MouseEvent("click", {bubbles: true})), true)`)
	checkStep(t, ctx, tr, i+1)
}

func TestBrowserKeyboard(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	name, tr := richestLesson(t)
	open(t, ctx, base, "/lessons/"+name)
	checkStep(t, ctx, tr, 0)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	checkStep(t, ctx, tr, 1)
	// The aria-live line says what step 1 is.
	if s := tr.Steps[1]; s.Kind == trace.KindPacket {
		live := eval[string](t, ctx, `document.querySelector("#announce").textContent`)
		if !strings.Contains(live, s.Label.EN) {
			t.Errorf("the aria-live line %q does not name step 1 (%q)", live, s.Label.EN)
		}
	}
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
	checkStep(t, ctx, tr, 3)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
	checkStep(t, ctx, tr, 2)
	do(t, ctx, chromedp.KeyEvent(kb.End))
	checkStep(t, ctx, tr, len(tr.Steps)-1)
	do(t, ctx, chromedp.KeyEvent(kb.Home))
	checkStep(t, ctx, tr, 0)

	// Space plays: the cursor moves by itself; space again pauses.
	do(t, ctx, chromedp.KeyEvent(" "))
	waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "Pause"`)
	checkStep(t, ctx, tr, 1)
	do(t, ctx, chromedp.KeyEvent(" "))
	waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "Play"`)

	// Enter on To end goes there and keeps the focus on the button, now
	// unable to act, instead of dropping it to the top of the page.
	do(t, ctx, chromedp.Focus(chromedp.ID("ctl-end")), chromedp.KeyEvent(kb.Enter))
	checkStep(t, ctx, tr, len(tr.Steps)-1)
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "ctl-end" {
		t.Errorf("after To end the focus is on %q", id)
	}
	if d := eval[string](t, ctx, `document.querySelector("#ctl-end").getAttribute("aria-disabled")`); d != "true" {
		t.Errorf("To end at the end: aria-disabled=%q", d)
	}

	// Keys typed into a field are the field's.
	do(t, ctx, chromedp.Focus(chromedp.ID("filter-client")))
	pos := eval[string](t, ctx, `document.querySelector("#position").textContent`)
	do(t, ctx, chromedp.KeyEvent(kb.End))
	if got := eval[string](t, ctx, `document.querySelector("#position").textContent`); got != pos {
		t.Errorf("End in a select moved the player: %q → %q", pos, got)
	}

	// The step's note is in the aria-live region.
	live := eval[string](t, ctx, `document.querySelector("[aria-live=polite]#announce").textContent`)
	if live == "" {
		t.Error("the aria-live region is empty")
	}

	// The event list's keys: TestBrowserA11yEventKeys.
}

func TestBrowserLanguage(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/")
	shoot(t, ctx, "picker")
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	waitFor(t, ctx, `document.querySelector("#picker-title").textContent === "课程列表"`)
	waitFor(t, ctx, `document.documentElement.lang === "zh-CN"`)

	// Remembered: a new page load comes up in Chinese, the lesson too.
	name, _ := richestLesson(t)
	open(t, ctx, base, "/lessons/"+name)
	waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "播放"`)
	waitFor(t, ctx, `document.querySelector(".inspector-panel h2").textContent === "报文解析"`)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
	waitFor(t, ctx, `document.querySelector("#position").textContent.startsWith("第 4 步")`)

	do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))
	waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "Play"`)
}

// seedPublish is the tutorial's broken PUBLISH: Remaining Length 11, 9
// bytes follow.
const seedPublish = "30 0b 00 04 31 31 31 31 39 39 39"

func TestBrowserDecode(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/decode")
	typeHex(t, ctx, seedPublish)
	b, err := hex.DecodeString(strings.ReplaceAll(seedPublish, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	want := codec.Annotate(b).Err
	if want == nil {
		t.Fatal("codec.Annotate accepts the seed's malformed PUBLISH")
	}
	waitFor(t, ctx, `document.querySelectorAll(".inspector-panel .byte").length === 11 && document.querySelector(".fault-rule") !== null`)
	rule := eval[string](t, ctx, `document.querySelector(".fault-rule").textContent`)
	off := eval[string](t, ctx, `document.querySelector(".fault-offset").dataset.offset`)
	if rule != want.Rule || off != strconv.Itoa(want.Offset) {
		t.Errorf("decode shows fault %s at %s, codec says %s at %d", rule, off, want.Rule, want.Offset)
	}
	msg := eval[string](t, ctx, `document.querySelector(".fault-message").textContent`)
	if msg != want.Message.EN {
		t.Errorf("fault message %q, want %q", msg, want.Message.EN)
	}
	shoot(t, ctx, "decode")

	// Hovering a field lights exactly its bytes.
	fields := codec.Annotate(b).Fields
	for i, f := range fields {
		eval[bool](t, ctx, `(document.querySelector('.field[data-field="`+strconv.Itoa(i)+`"]').dispatchEvent(new MouseEvent("mouseover", {bubbles: true})), true)`)
		waitFor(t, ctx, `document.querySelector('.field[data-field="`+strconv.Itoa(i)+`"]').classList.contains("lit")`)
		lit := eval[[]string](t, ctx, `[...document.querySelectorAll(".byte.lit")].map(e => e.dataset.offset)`)
		var want []string
		for o := f.Offset; o < f.Offset+f.Length && o < len(b); o++ {
			want = append(want, strconv.Itoa(o))
		}
		if fmt.Sprint(lit) != fmt.Sprint(want) {
			t.Errorf("hovering field %q lights bytes %v, want %v", f.Name.EN, lit, want)
		}
	}

	// A lesson's packet opens here by address.
	open(t, ctx, base, "/decode?hex="+strings.ReplaceAll(seedPublish, " ", ""))
	waitFor(t, ctx, `document.querySelector(".fault-rule") !== null && document.querySelector("#decode-input").value === `+strconv.Quote(strings.ReplaceAll(seedPublish, " ", "")))

	// Bad hex is explained, not decoded.
	typeHex(t, ctx, "30 zz")
	waitFor(t, ctx, `document.querySelector("#decode-error") !== null`)
}

func TestBrowserNarrow(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 420, 860)
	// A phone's viewport: headless Chromium's window cannot be narrower
	// than 500 px.
	do(t, ctx, chromedp.EmulateViewport(390, 844))
	name, tr := richestLesson(t)
	open(t, ctx, base, "/lessons/"+name)
	do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
	checkStep(t, ctx, tr, 1)
	// Nothing sticks out sideways but the diagram's own scroll box.
	wide := eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`)
	if wide {
		t.Error("the page scrolls sideways at 390 px")
	}
	shoot(t, ctx, "narrow")
}

// typeHex replaces the decode box's text with s, typed key by key.
func typeHex(t *testing.T, ctx context.Context, s string) {
	t.Helper()
	eval[bool](t, ctx, `(() => { const el = document.querySelector("#decode-input"); el.value = ""; el.dispatchEvent(new Event("input")); return true })()`)
	do(t, ctx, chromedp.SendKeys(chromedp.ID("decode-input"), s))
}

// TestBrowserScreenshots saves the main views under docs/screenshots/.
// It runs only with -screenshots:
//
//	make build && go test ./cmd/mqttviz -run Browser -screenshots
func TestBrowserScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("run with -screenshots to save them")
	}
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	// A lost packet, its resend and the state it changes.
	for _, shot := range []struct {
		name, lesson string
		packet       codec.PacketType
		lang         string
	}{
		{"lesson", "qos1-lost-puback", codec.PUBLISH, "en"},
		{"lesson-malformed", "malformed-publish", codec.PUBLISH, "en"},
		{"lesson-qos2", "qos2-lost-pubrec", codec.PUBREL, "en"},
		{"lesson-zh", "qos1-lost-puback", codec.PUBLISH, "zh"},
	} {
		tr, err := lessons.RunLesson(shot.lesson, 1)
		if err != nil {
			t.Fatal(err)
		}
		// The last step of that packet type that was not dropped.
		at := -1
		for i, s := range tr.Steps {
			if s.Packet == shot.packet && s.Outcome != trace.Dropped {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("%s has no %s", shot.lesson, shot.packet)
		}
		open(t, ctx, base, "/lessons/"+shot.lesson)
		for range at {
			do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
		}
		checkStep(t, ctx, tr, at)
		if shot.lang == "zh" {
			do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
			waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "播放"`)
		}
		eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
		shoot(t, ctx, shot.name)
	}

	// The seed's CONNECT (seedConnect, decode_test.go) decoded in Chinese (the language is remembered
	// from the last lesson), then a lesson on a phone.
	open(t, ctx, base, "/decode?hex="+strings.ReplaceAll(seedConnect, " ", ""))
	waitFor(t, ctx, `document.querySelectorAll(".inspector-panel .field").length > 5 && document.documentElement.lang === "zh-CN"`)
	shoot(t, ctx, "decode-zh")
	do(t, ctx, chromedp.EmulateViewport(390, 844))
	open(t, ctx, base, "/lessons/will-keepalive")
	for range 5 {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	waitFor(t, ctx, `document.querySelector("#position").textContent.startsWith("第 6 步")`)
	shoot(t, ctx, "narrow-zh")
}

// TestBrowserRobust feeds the app what students get wrong: an unknown
// lesson, a bad ?seed=, odd hex and a scenario whose
// expectations fail; and checks that long arrow labels stay clear of the
// notes.
func TestBrowserRobust(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)

	// The will lesson's CONNECT label is longer than the lanes are wide.
	wtr, err := lessons.RunLesson("will-keepalive", 1)
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base, "/lessons/will-keepalive")
	checkRenderedArrows(t, ctx, wtr)
	if n := eval[int](t, ctx, `[...document.querySelectorAll("[data-c~=arrow-label]")].filter(e => e.textContent.endsWith("…")).length`); n == 0 {
		t.Error("no arrow label of will-keepalive is shortened: the test no longer covers long labels")
	}

	open(t, ctx, base, "/lessons/no-such-lesson")
	waitFor(t, ctx, `document.querySelector("#lesson-error") !== null`)
	if got := eval[string](t, ctx, `document.querySelector("#lesson-error").textContent`); !strings.Contains(got, `"no-such-lesson"`) {
		t.Errorf("unknown lesson says %q", got)
	}

	// The address with the lesson's name cut off shows the picker.
	open(t, ctx, base, "/lessons/")
	waitFor(t, ctx, `document.querySelectorAll(".lesson-card").length > 0`)

	// A seed that is not a number runs the lesson with seed 1.
	open(t, ctx, base, "/lessons/will-keepalive?seed=abc")
	checkStep(t, ctx, wtr, 0)

	// Odd hex is explained in the page's language.
	do(t, ctx, chromedp.Click(chromedp.ID("lang-zh")))
	open(t, ctx, base, "/decode")
	typeHex(t, ctx, "30 0b 0")
	waitFor(t, ctx, `document.querySelector("#decode-error") !== null`)
	if got := eval[string](t, ctx, `document.querySelector("#decode-error").textContent`); !strings.Contains(got, "奇数") {
		t.Errorf("odd hex in Chinese says %q", got)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("lang-en")))

	// A huge paste: TestBrowserDecodeLargePaste (browser_decode_test.go).

	// A scenario whose expectations fail shows them, open, failures counted.
	src := "client a\nclient b\nconnect a\nconnect b\nsubscribe b t qos=1\npublish a t \"x\" qos=1\nexpect b receives t \"y\"\nexpect b received 1\n"
	str, err := script.Run("scenario", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, e := range str.Expectations {
		if !e.OK {
			failed++
		}
	}
	if failed != 1 {
		t.Fatalf("the scenario fails %d expectations, want 1", failed)
	}
	open(t, ctx, base, "/scenario?src="+url.QueryEscape(src))
	waitFor(t, ctx, `document.querySelector("#expectations") !== null`)
	if !eval[bool](t, ctx, `document.querySelector("#expectations").open`) {
		t.Error("failed expectations are folded away")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#expectations .expect.failed").length`); n != failed {
		t.Errorf("%d failed expectations shown, want %d", n, failed)
	}
	if got := eval[string](t, ctx, `document.querySelector("#expectations summary").textContent`); !strings.Contains(got, "1 did not hold") {
		t.Errorf("expectations summary %q", got)
	}
	shoot(t, ctx, "scenario-failed")
}

package main

import (
	"context"
	"fmt"
	"mqttviz/sim/trace"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"mqttviz/codec"
)

// deepStep is a lesson and a step far enough down that the diagram has
// scrolled to show it.
type deepStep struct {
	lesson string
	at     int // 0-based
}

// deepSteps are the richest lesson near its end, at its last delivered
// PUBLISH (the publish colour on the current row's highlight), and
// qos1-lost-puback at step 22, where the sensor's in-flight message ends.
func deepSteps(t *testing.T) []deepStep {
	t.Helper()
	name, rich := richestLesson(t)
	last := -1
	for i, s := range rich.Steps {
		if s.Packet == codec.PUBLISH && s.Outcome == trace.Delivered {
			last = i
		}
	}
	if last < len(rich.Steps)*2/3 {
		t.Fatalf("%s: its last delivered PUBLISH is step %d of %d, not near its end", name, last+1, len(rich.Steps))
	}
	if n := len(runLesson(t, "qos1-lost-puback").Steps); n < 22 {
		t.Fatalf("qos1-lost-puback has %d steps, not 22", n)
	}
	return []deepStep{{name, last}, {"qos1-lost-puback", 21}}
}

// waitDeep moves an opened lesson to its deep step, in either language,
// and waits until the diagram has scrolled down to it; the page is left
// at its top.
func waitDeep(t *testing.T, ctx context.Context, d deepStep) {
	t.Helper()
	do(t, ctx, chromedp.KeyEvent(kb.Home))
	for range d.at {
		do(t, ctx, chromedp.KeyEvent(kb.ArrowRight))
	}
	waitFor(t, ctx, fmt.Sprintf(`(document.querySelector("g[data-c~=current]") || {dataset: {}}).dataset.step === "%d" && document.querySelector("#diagram-scroll").scrollTop > 0`, d.at))
	eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
}

// rowsCovered is a script that lists the row texts drawn in the diagram's
// box whose middle shows something else than their own row: a lane head,
// say. It returns how many it checked first.
const rowsCovered = `(() => {
	const box = document.querySelector("#diagram-scroll").getBoundingClientRect();
	const out = [];
	let checked = 0;
	for (const el of document.querySelectorAll("#diagram-scroll g[data-step] text, #diagram-scroll g[data-step] .notes")) {
		const r = el.getBoundingClientRect();
		const top = Math.max(r.top, box.top, 0), bottom = Math.min(r.bottom, box.bottom, innerHeight);
		const left = Math.max(r.left, box.left, 0), right = Math.min(r.right, box.right, innerWidth);
		if (bottom - top < 2 || right - left < 2) continue;
		checked++;
		const row = el.closest("g[data-step]");
		const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
		if (!hit || !row.contains(hit)) {
			out.push("step " + row.dataset.step + " " + JSON.stringify(el.textContent.slice(0, 30)) + " under " +
				(hit ? hit.tagName + (hit.closest("[data-c]") ? "[" + hit.closest("[data-c]").getAttribute("data-c") + "]" : "") : "nothing"));
		}
	}
	return [String(checked), ...out];
})()`

// TestBrowserHeadsClearOfRows checks, with the diagram scrolled down to a
// deep step at 1280×800 and 390×844, in English and Chinese, that every
// row text in the box shows itself: none is under a lifeline's head.
func TestBrowserHeadsClearOfRows(t *testing.T) {
	base := appURL(t)
	steps := deepSteps(t)
	for _, size := range []struct{ w, h int64 }{{1280, 800}, {390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		for _, d := range steps {
			open(t, ctx, base, "/lessons/"+d.lesson)
			waitDeep(t, ctx, d)
			for _, lang := range []string{"en", "zh"} {
				setLang(t, ctx, lang)
				out := eval[[]string](t, ctx, rowsCovered)
				where := fmt.Sprintf("%d×%d, %s step %d in %s", size.w, size.h, d.lesson, d.at+1, lang)
				if out[0] == "0" || out[0] == "1" {
					t.Fatalf("%s: only %s row texts in view", where, out[0])
				}
				for _, o := range out[1:] {
					t.Errorf("%s: %s", where, o)
				}
			}
			setLang(t, ctx, "en")
		}
	}
}

// headsAligned is a script that lists the lifelines whose head is not
// above them.
const headsAligned = `(() => {
	const heads = [...document.querySelectorAll("[data-c~=lane-head] rect")];
	const lines = [...document.querySelectorAll("#diagram line[data-c~=lifeline]")];
	const mid = r => (r.left + r.right) / 2;
	const out = [];
	if (heads.length === 0 || heads.length !== lines.length) return ["heads " + heads.length + ", lifelines " + lines.length];
	heads.forEach((h, i) => {
		const a = mid(h.getBoundingClientRect()), b = mid(lines[i].getBoundingClientRect());
		if (Math.abs(a - b) > 1) out.push("lane " + i + ": head at " + a + ", lifeline at " + b);
	});
	return out;
})()`

// TestBrowserHeadsFollowSideways checks, on a phone, where the seven
// lifelines of wildcards scroll sideways, that the heads stay above their
// lifelines when the diagram follows a step and when the rows are
// scrolled sideways by hand, to either end.
func TestBrowserHeadsFollowSideways(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 500, 860)
	do(t, ctx, chromedp.EmulateViewport(390, 844))
	tr := runLesson(t, "wildcards")
	last := tr.Nodes[len(tr.Nodes)-1]
	at := -1
	for i, s := range tr.Steps {
		if s.Kind == trace.KindPacket && s.To == last {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatalf("wildcards sends nothing to %s", last)
	}
	open(t, ctx, base, "/lessons/wildcards")
	goToStep(t, ctx, at, len(tr.Steps))
	waitFor(t, ctx, `document.querySelector("#diagram-scroll").scrollLeft > 0`)
	if out := settle(t, ctx, headsAligned); len(out) > 0 {
		t.Errorf("step %d, followed: %v", at+1, out)
	}
	for _, left := range []string{"0", "1e6"} {
		eval[bool](t, ctx, `(document.querySelector("#diagram-scroll").scrollLeft = `+left+`, true)`)
		if out := settle(t, ctx, headsAligned); len(out) > 0 {
			t.Errorf("rows scrolled to %s: %v", left, out)
		}
	}
	if eval[bool](t, ctx, `document.querySelector("#diagram-scroll").scrollLeft === 0`) {
		t.Error("the rows did not scroll sideways: nothing was checked")
	}
}

// sideColumnReach is a script that scrolls the inspector's last field
// into view the way a browser does for the keyboard or a link (every box
// around it, the page too, as needed) and lists what is wrong: the page
// scrolled, the field is outside its box or the window, the state panel
// is outside the window.
const sideColumnReach = `(() => {
	const out = [];
	const y = scrollY;
	const fields = document.querySelectorAll(".inspector-panel .field");
	const last = fields[fields.length - 1];
	const box = last.closest(".fields-col");
	if (box.scrollHeight <= box.clientHeight) out.push("the field list does not scroll: nothing to reach");
	box.scrollTop = 0;
	last.scrollIntoView({block: "nearest"});
	if (scrollY !== y) out.push("the page scrolled from " + y + " to " + scrollY);
	const f = last.getBoundingClientRect(), b = box.getBoundingClientRect();
	if (f.top < b.top - 1 || f.bottom > b.bottom + 1) out.push("the last field " + f.top + "–" + f.bottom + " is outside its box " + b.top + "–" + b.bottom);
	if (f.top < 0 || f.bottom > innerHeight) out.push("the last field " + f.top + "–" + f.bottom + " is outside the window");
	const s = document.querySelector(".state-panel").getBoundingClientRect();
	if (s.top < 0 || s.bottom > innerHeight) out.push("the state panel " + s.top + "–" + s.bottom + " is outside the window");
	return out;
})()`

// TestBrowserSideColumnFits checks at 1280×800, at the CONNECT with a
// will of will-keepalive (the longest packet of the lessons), that with
// the page at its top, scrolled to the player and scrolled to its end,
// the inspector's last field scrolls into view inside the inspector's own
// box without the page moving, and the state panel stays in the window.
func TestBrowserSideColumnFits(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	do(t, ctx, chromedp.EmulateViewport(1280, 800))
	const lesson = "will-keepalive"
	tr := runLesson(t, lesson)
	at := -1
	for i, s := range tr.Steps {
		if f := codec.Annotate(s.Bytes).Fields; s.Packet == codec.CONNECT && f[len(f)-1].Name.EN == "Will Message" {
			at = i
			break
		}
	}
	if at < 0 {
		t.Fatalf("%s has no CONNECT with a will", lesson)
	}
	open(t, ctx, base, "/lessons/"+lesson)
	goToStep(t, ctx, at, len(tr.Steps))
	for _, where := range []struct{ name, y string }{
		{"at the top", "0"},
		{"at the player", `document.querySelector(".player-bar").getBoundingClientRect().top + scrollY`},
		{"at the end", "document.documentElement.scrollHeight"},
	} {
		eval[bool](t, ctx, `(window.scrollTo(0, `+where.y+`), true)`)
		if out := eval[[]string](t, ctx, sideColumnReach); len(out) > 0 {
			t.Errorf("page %s (scrollY %v): %v", where.name, eval[float64](t, ctx, "scrollY"), out)
		}
	}
}

// TestBrowserHeadsScreenshots saves, with -screenshots, qos1-lost-puback
// at step 22, the diagram scrolled down to it and its heads above the
// rows, at 1280×800 with the page at its top (the side column whole in
// the window) and at 390×844 scrolled to the player, in English and
// Chinese.
//
//	make build && go test -count=1 ./cmd/mqttviz -run TestBrowserHeadsScreenshots -screenshots
func TestBrowserHeadsScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("run with -screenshots to save them")
	}
	base := appURL(t)
	d := deepSteps(t)[1]
	for _, size := range []struct {
		name string
		w, h int64
	}{{"wide", 1280, 800}, {"phone", 390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		for _, lang := range []string{"en", "zh"} {
			// The page opened in its language: headless Chromium can
			// leave stale pixels in a screenshot right after a switch.
			open(t, ctx, base, "/lessons/"+d.lesson)
			setLang(t, ctx, lang)
			open(t, ctx, base, "/lessons/"+d.lesson)
			waitDeep(t, ctx, d)
			if size.name == "phone" {
				// The player bar at the top, the diagram under it.
				eval[bool](t, ctx, `(window.scrollTo(0, document.querySelector(".player-bar").getBoundingClientRect().top + scrollY), true)`)
			}
			time.Sleep(700 * time.Millisecond) // the packet's dot arrives
			shoot(t, ctx, "heads-lesson-"+size.name+"-"+lang)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// lostPuback is the instructor's change the browser tests make: in the
// qos1 lesson, the PUBACK of home/temp back to the sensor lost, the sensor
// then sending again what has no answer; worked out natively, to compare
// with what the page does.
type lostPuback struct {
	source, changed string
	// step is the PUBACK's index in the lesson's trace; at its index in
	// the changed one (where the cursor stays).
	step, at int
	before   *trace.Trace
	after    *trace.Trace
	// marked are the changed steps of the new run.
	marked []int
}

func newLostPuback(t *testing.T) lostPuback {
	t.Helper()
	src, _ := lessons.LessonSource("qos1")
	before, x, err := script.Rerun("qos1", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	l := lostPuback{source: src, before: before, step: -1}
	for i, s := range before.Steps {
		if r, ok := script.PacketOf(s); ok && r.Type == codec.PUBACK && r.Client == "sensor" && r.ID == 2 {
			l.step = i
			break
		}
	}
	if l.step < 0 {
		t.Fatal("qos1 has no PUBACK id=2 to the sensor")
	}
	l.changed, err = script.PacketChange{Kind: script.LosePacket, Then: script.ResendOnOpen}.Apply(src, x, l.step, before.Steps[l.step])
	if err != nil {
		t.Fatal(err)
	}
	if l.after, _, err = script.Rerun("qos1", l.changed, 1); err != nil {
		t.Fatal(err)
	}
	d := script.CompareSteps(before.Steps, l.after.Steps)
	l.at = d.NewIndex[l.step]
	for i, c := range d.Changed {
		if c {
			l.marked = append(l.marked, i)
		}
	}
	return l
}

// traceFile is a trace as Save trace writes it.
func traceFile(t *testing.T, tr *trace.Trace) []byte {
	b, err := json.MarshalIndent(tr, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// saveTrace presses Save trace and returns the file, name, written to dir.
func saveTrace(t *testing.T, ctx context.Context, dir, name string) []byte {
	t.Helper()
	os.Remove(filepath.Join(dir, name))
	do(t, ctx, chromedp.Click(chromedp.ID("trace-save")))
	return bytes.TrimSpace(waitDownload(t, dir, name))
}

// markedSteps are the steps the panel lists as changed.
func markedSteps(t *testing.T, ctx context.Context) []int {
	return eval[[]int](t, ctx, `[...document.querySelectorAll("ul.instructor-changed button[data-step]")].map(b => +b.dataset.step)`)
}

// TestBrowserInstructorLosePuback: on /lessons/qos1, in English and in
// Chinese, the instructor loses the PUBACK of home/temp from its arrow
// (a click on its ⋯ in English, Enter on it in Chinese): the DUP resend
// and the second delivery to the phone come out and are marked changed,
// the steps CompareSteps finds and no others; the cursor stays on the
// lost PUBACK; the two lines are in the scenario text at their place;
// Save trace gives the changed run. Ctrl+Z gives back the original trace
// byte for byte, Ctrl+Shift+Z the changed one; the link opens the
// changed lesson in a fresh browser, the same trace.
func TestBrowserInstructorLosePuback(t *testing.T) {
	base := appURL(t)
	l := newLostPuback(t)
	orig := bytes.TrimSpace(runJSON(t, "qos1"))
	changedJSON := traceFile(t, l.after)
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			ctx := newBrowser(t, 1280, 800)
			dir := t.TempDir()
			downloadsTo(t, ctx, dir)
			open(t, ctx, base, fmt.Sprintf("/lessons/qos1?lang=%s&step=%d", lang, l.step+1))
			if got := saveTrace(t, ctx, dir, "qos1.json"); !bytes.Equal(got, orig) {
				t.Fatal("the lesson's saved trace is not mqttviz run's")
			}
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-toggle")))
			waitFor(t, ctx, `document.getElementById("instructor-panel") !== null`)
			arrow := fmt.Sprintf(`[data-c~="step-actions"][data-actions="%d"]`, l.step)
			waitFor(t, ctx, `document.querySelector('`+arrow+`') !== null`)
			if lang == "en" {
				do(t, ctx, chromedp.Click(chromedp.CSS(arrow)))
			} else {
				openActionsByKey(t, ctx, l.step)
			}
			waitFor(t, ctx, `document.activeElement && document.activeElement.id === "instructor-menu"`)
			if !eval[bool](t, ctx, `document.getElementById("instructor-lose-resend").checked`) {
				t.Error("the resend after the loss is not offered checked")
			}
			shoot(t, ctx, "instructor-menu-1280-"+lang)
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			checkAxe(t, ctx, "/lessons/qos1 with a packet's actions open, "+lang)
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-lose")))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") !== null`)

			if got := markedSteps(t, ctx); !slices.Equal(got, l.marked) {
				t.Errorf("marked steps %v, want %v", got, l.marked)
			}
			// Among them the DUP resend and the second delivery.
			var dup, second bool
			for _, i := range l.marked {
				s := l.after.Steps[i]
				dup = dup || s.From == "sensor" && s.Packet == codec.PUBLISH && s.Bytes[0]&0x08 != 0
				second = second || s.To == "phone" && s.Packet == codec.PUBLISH && strings.Contains(s.Label.EN, "home/temp")
			}
			if !dup || !second {
				t.Errorf("the marked steps miss the DUP resend (%v) or the second delivery (%v)", dup, second)
			}
			want := fmt.Sprintf("Step %d of %d", l.at+1, len(l.after.Steps))
			if lang == "zh" {
				want = fmt.Sprintf("第 %d 步，共 %d 步", l.at+1, len(l.after.Steps))
			}
			if got := position(t, ctx); got != want {
				t.Errorf("the cursor is at %q, want %q (the lost PUBACK)", got, want)
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('#diagram [data-c~="changed"]').length`); n == 0 {
				t.Error("no changed row drawn in the diagram")
			}
			added := eval[[]string](t, ctx, `[...document.querySelectorAll("#instructor-text mark.added")].map(m => m.textContent)`)
			lines := strings.Split(l.changed, "\n")
			var wantAdded []string
			for i, line := range lines {
				if line == "drop next PUBACK to sensor id=2" || line == "resend sensor" {
					wantAdded = append(wantAdded, fmt.Sprintf("%d%s\n", i+1, line))
				}
			}
			if !slices.Equal(added, wantAdded) || len(added) != 2 {
				t.Errorf("added lines %q, want %q", added, wantAdded)
			}
			eval[bool](t, ctx, `(document.querySelector(".diagram-panel").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-lost-puback-1280-"+lang)
			eval[bool](t, ctx, `(document.getElementById("instructor-changed").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-panel-1280-"+lang)
			if got := saveTrace(t, ctx, dir, "qos1.json"); !bytes.Equal(got, changedJSON) {
				t.Error("the saved changed trace is not the changed scenario's run")
			}
			share := eval[string](t, ctx, `document.getElementById("instructor-share").getAttribute("href")`)

			// Undo with the keyboard, the focus outside any field.
			do(t, ctx, chromedp.Focus(chromedp.ID("announce")), chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") === null`)
			if got := saveTrace(t, ctx, dir, "qos1.json"); !bytes.Equal(got, orig) {
				t.Error("after undo the trace is not the original")
			}
			if n := eval[int](t, ctx, `document.querySelectorAll('#diagram [data-c~="changed"]').length`); n != 0 {
				t.Errorf("after undo %d rows are marked", n)
			}
			do(t, ctx, chromedp.Focus(chromedp.ID("announce")), chromedp.KeyEvent("Z", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift)))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") !== null`)
			if got := saveTrace(t, ctx, dir, "qos1.json"); !bytes.Equal(got, changedJSON) {
				t.Error("after redo the trace is not the changed one")
			}

			// The link, in a fresh browser: the same trace but its name.
			fresh := newBrowser(t, 1280, 800)
			fdir := t.TempDir()
			downloadsTo(t, fresh, fdir)
			path, frag, _ := strings.Cut(share, "#")
			open(t, fresh, base, path+"?lang="+lang+"#"+frag)
			waitFor(t, fresh, `document.getElementById("trace-save") !== null`)
			if got := eval[string](t, fresh, `document.getElementById("scenario-input").value`); got != l.changed {
				t.Errorf("the editor holds\n%s\nwant\n%s", got, l.changed)
			}
			got := saveTrace(t, fresh, fdir, "scenario.json")
			if a, b := withoutName(t, got), withoutName(t, changedJSON); a != b {
				t.Errorf("the link opens another trace:\n%s\nwant\n%s", a, b)
			}
			shoot(t, fresh, "instructor-shared-1280-"+lang)
		})
	}
}

// withoutName is a saved trace without its scenario's name, which a
// lesson and the scenario page give differently.
func withoutName(t *testing.T, b []byte) string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "scenario")
	out, _ := json.Marshal(m)
	return string(out)
}

// TestBrowserInstructorPerf prints how long re-running a built-in lesson
// after a change takes in the browser, from the change to the page drawn
// (the measure mqttviz-rerun): a lost packet, then undo and redo in turn.
// It runs only with -perf:
//
//	make build && go test -v ./cmd/mqttviz -run TestBrowserInstructorPerf -perf
func TestBrowserInstructorPerf(t *testing.T) {
	if !*perf {
		t.Skip("run with -perf to measure")
	}
	base := appURL(t)
	t.Logf("load average: %s", loadAverage())
	for _, name := range []string{"qos1", "qos2-lost-pubrec", "broker-restart"} {
		tr, err := lessons.RunLesson(name, 1)
		if err != nil {
			t.Fatal(err)
		}
		step := -1
		for i, s := range tr.Steps {
			if s.Packet == codec.PUBLISH && s.To == trace.BrokerName {
				step = i
			}
		}
		ctx := newBrowser(t, 1280, 800)
		open(t, ctx, base, fmt.Sprintf("/lessons/%s?step=%d", name, step+1))
		do(t, ctx, chromedp.Click(chromedp.ID("instructor-toggle")))
		waitFor(t, ctx, `document.getElementById("instructor-open-actions") !== null`)
		do(t, ctx, chromedp.Click(chromedp.ID("instructor-open-actions")))
		waitFor(t, ctx, `document.getElementById("instructor-lose") !== null`)
		eval[bool](t, ctx, `(performance.clearMeasures("mqttviz-rerun"), true)`)
		do(t, ctx, chromedp.Click(chromedp.ID("instructor-lose")))
		waitFor(t, ctx, `performance.getEntriesByName("mqttviz-rerun").length === 1`)
		for i := 0; i < 10; i++ {
			key := chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl))
			if i%2 == 1 {
				key = chromedp.KeyEvent("Z", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift))
			}
			do(t, ctx, chromedp.Focus(chromedp.ID("announce")), key)
			waitFor(t, ctx, fmt.Sprintf(`performance.getEntriesByName("mqttviz-rerun").length === %d`, i+2))
		}
		times := eval[[]float64](t, ctx, `performance.getEntriesByName("mqttviz-rerun").map(e => e.duration)`)
		first := times[0]
		slices.Sort(times)
		t.Logf("%s (%d steps): re-run after a change: the loss %.1f ms; all %d re-runs (the loss, undo, redo) median %.1f ms, max %.1f ms", name, len(tr.Steps), first, len(times), median(times), times[len(times)-1])
	}
	t.Logf("load average: %s", loadAverage())
}

// setInstructorField sets a field of the instructor's form as a person would leave
// it: its value (a checkbox's checked), then a change event.
func setInstructorField(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf(`document.getElementById(%q) !== null`, id))
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
		const el = document.getElementById(%q);
		if (el.type === "checkbox") { el.checked = %q === "true"; } else { el.value = %q; }
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`, id, value, value))
}

// addAction fills the form for an action of kind with the fields given
// (id suffix → value) and presses Add, waiting for the change to count.
func addAction(t *testing.T, ctx context.Context, kind string, fields map[string]string, changes int) {
	t.Helper()
	setInstructorField(t, ctx, "instructor-act-kind", kind)
	for id, v := range fields {
		setInstructorField(t, ctx, "instructor-act-"+id, v)
	}
	do(t, ctx, chromedp.Click(chromedp.ID("instructor-add-do")))
	waitFor(t, ctx, fmt.Sprintf(`document.getElementById("instructor-count").textContent.includes("%d")`, changes))
}

// TestBrowserInstructorActions: on the scenario page, on a phone's
// screen, in English and Chinese, the instructor adds at the last step a
// client with a will, connects it, has the phone subscribe to its topic
// and cuts it, each from the form: the lines go in that order after the
// statement of that step, the editor and the address hold the changed scenario,
// and the will's delivery to the phone is among the marked steps. An
// acknowledgement held for 2 s from its arrow adds its three lines.
func TestBrowserInstructorActions(t *testing.T) {
	base := appURL(t)
	src, _ := lessons.LessonSource("qos1")
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			ctx := newBrowser(t, 390, 844)
			open(t, ctx, base, "/scenario/?lang="+lang+"&src="+url.QueryEscape(src))
			waitFor(t, ctx, `document.getElementById("instructor-toggle") !== null`)
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-toggle")), chromedp.Click(chromedp.ID("ctl-end")))
			waitFor(t, ctx, `document.getElementById("instructor-add") !== null`)
			addAction(t, ctx, "client", map[string]string{"name": "lamp", "keepalive": "30", "will": "lamp/status", "willpayload": "gone", "willqos": "1"}, 1)
			addAction(t, ctx, "connect", map[string]string{"client": "lamp"}, 2)
			addAction(t, ctx, "subscribe", map[string]string{"client": "phone", "filter": "lamp/#", "qos": "1"}, 3)
			addAction(t, ctx, "cut", map[string]string{"client": "lamp"}, 4)
			text := eval[string](t, ctx, `document.getElementById("scenario-input").value`)
			// After the statement of the last step, the last publish, and
			// after the expect lines that check it: here the end.
			want := `expect broker session phone inflight 0` + "\n" +
				`client lamp clean=1 keepalive=30` + "\n" +
				`will lamp "lamp/status" "gone" qos=1 retain=0` + "\n" +
				"connect lamp\n" + `subscribe phone "lamp/#" qos=1` + "\ncut lamp\n"
			if !strings.Contains(text, want) {
				t.Errorf("the editor holds\n%s\nwant in it\n%s", text, want)
			}
			tr, err := script.Run("scenario", text, 1)
			if err != nil {
				t.Fatal(err)
			}
			will := false
			for _, i := range markedSteps(t, ctx) {
				s := tr.Steps[i]
				will = will || s.To == "phone" && s.Packet == codec.PUBLISH && strings.Contains(s.Label.EN, "lamp/status")
			}
			if !will {
				t.Error("the will's delivery to the phone is not marked")
			}
			if !strings.Contains(eval[string](t, ctx, `location.hash`), "#v1.") {
				t.Error("the address carries no link to the changed scenario")
			}
			eval[bool](t, ctx, `(document.getElementById("instructor-changed").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-actions-390-"+lang)
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			checkAxe(t, ctx, "/scenario/ with the instructor's panel, "+lang)
			eval[bool](t, ctx, `(document.querySelector(".diagram-panel").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-actions-diagram-390-"+lang)

			// Hold the phone's PUBACK of home/temp for 2 s, from its arrow.
			ack := -1
			for i, s := range tr.Steps {
				if s.From == "phone" && s.Packet == codec.PUBACK {
					ack = i
				}
			}
			do(t, ctx, chromedp.Click(chromedp.ID("ctl-start")))
			for range ack {
				do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
			}
			// The cursor there (the address keeps it), the rows drawn for it.
			waitFor(t, ctx, fmt.Sprintf(`new URLSearchParams(location.search).get("step") === "%d"`, ack+1))
			openActionsByKey(t, ctx, ack)
			setInstructorField(t, ctx, "instructor-hold-secs", "2")
			shoot(t, ctx, "instructor-hold-390-"+lang)
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-hold")))
			waitFor(t, ctx, `document.getElementById("instructor-count").textContent.includes("5")`)
			added := eval[[]string](t, ctx, `[...document.querySelectorAll("#instructor-text mark.added")].map(m => m.textContent.replace(/^\d+/, ""))`)
			for _, line := range []string{"hold phone PUBACK\n", "wait 2000ms\n", "release phone PUBACK\n"} {
				if !slices.Contains(added, line) {
					t.Errorf("no added line %q in %q", line, added)
				}
			}
		})
	}
}

// focusArrow gives the keyboard focus to the ⋯ on step i's arrow, once
// the diagram has drawn that row for good.
func focusArrow(t *testing.T, ctx context.Context, i int) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf(`(() => {
		const el = document.querySelector('[data-c~="step-actions"][data-actions="%d"]');
		if (!el) return false;
		el.focus();
		return document.activeElement === el;
	})()`, i))
}

// openActionsByKey opens step i's packet actions with the keyboard: the
// focus on its ⋯, Enter. The diagram may still be redrawing the rows
// around the cursor, taking the focused row away before the key: then it
// tries again, at most three times.
func openActionsByKey(t *testing.T, ctx context.Context, i int) {
	t.Helper()
	const opened = `document.activeElement && document.activeElement.id === "instructor-menu"`
	for try := 1; ; try++ {
		focusArrow(t, ctx, i)
		do(t, ctx, chromedp.KeyEvent("\r"))
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](opened, chromedp.WithPollingTimeout(3*time.Second))); err == nil {
			return
		}
		if try == 3 {
			t.Fatalf("Enter on step %d's ⋯ did not open its actions", i)
		}
		t.Logf("Enter on step %d's ⋯: no actions yet, again", i)
	}
}

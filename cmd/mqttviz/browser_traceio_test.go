package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// traceLesson is the lesson the trace tests save and open: a lost
// PUBACK, a reconnect and a resend with DUP, 30-odd steps.
const traceLesson = "qos1-lost-puback"

// runJSON is the lesson's trace as `mqttviz run LESSON --format json`
// writes it.
func runJSON(t *testing.T, lesson string) []byte {
	t.Helper()
	var out, errs bytes.Buffer
	if code := runRun([]string{lesson, "--format", "json"}, &out, &errs); code != 0 {
		t.Fatalf("mqttviz run %s: %d: %s", lesson, code, errs.String())
	}
	return out.Bytes()
}

// writeTempFile writes b to a file called name in a temporary directory and
// returns its path.
func writeTempFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// chooseFile opens the file at path through the page's file input, as
// a user choosing it does.
func chooseFile(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	do(t, ctx, chromedp.SetUploadFiles(chromedp.ID("trace-file"), []string{path}))
}

// dropFile drops a file called name holding text on the drop zone, as a
// file dragged from the desktop.
func dropFile(t *testing.T, ctx context.Context, name, text string) {
	t.Helper()
	dropOn(t, ctx, "#trace-drop", name, text)
}

// dropOn drops a file called name holding text on the element of the
// CSS selector sel.
func dropOn(t *testing.T, ctx context.Context, sel, name, text string) {
	t.Helper()
	q, _ := json.Marshal(text)
	n, _ := json.Marshal(name)
	s, _ := json.Marshal(sel)
	eval[bool](t, ctx, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([`+string(q)+`], `+string(n)+`, {type: "application/json"}));
		const zone = document.querySelector(`+string(s)+`);
		zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return zone.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`)
}

// pasteTrace puts text in the paste box and opens it.
func pasteTrace(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	q, _ := json.Marshal(text)
	eval[bool](t, ctx, `(() => { document.getElementById("trace-paste").value = `+string(q)+`; return true; })()`)
	do(t, ctx, chromedp.Click(chromedp.ID("trace-paste-open")))
}

// position is the player's "Step i of n".
func position(t *testing.T, ctx context.Context) string {
	return eval[string](t, ctx, `document.getElementById("position").textContent`)
}

// stepLabels reads the inspector's step line at the first few steps,
// stepping forward with the player.
func stepLabels(t *testing.T, ctx context.Context, n int) []string {
	t.Helper()
	do(t, ctx, chromedp.Click(chromedp.ID("ctl-start")))
	var out []string
	for i := 0; i < n; i++ {
		waitFor(t, ctx, fmt.Sprintf(`document.getElementById("position").textContent.startsWith("Step %d of")`, i+1))
		out = append(out, eval[string](t, ctx, `document.querySelector(".inspector-panel .step-label").textContent`))
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
	}
	return out
}

// waitDownload waits for the browser to finish writing dir/name.
func waitDownload(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(b) > 0 && json.Valid(b) {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no %s downloaded to %s (it holds %v)", name, dir, entries)
	return nil
}

// TestBrowserTraceIOSaveAndOpen saves a lesson's trace with Save trace
// (the real download, to a temporary directory), opens the file on
// /trace/ through the file input and finds the same steps; the output of
// `mqttviz run --format json`, pasted or dropped, opens too.
func TestBrowserTraceIOSaveAndOpen(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	dir := t.TempDir()
	downloadsTo(t, ctx, dir)
	want, err := lessons.RunLesson(traceLesson, 1)
	if err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base, "/lessons/"+traceLesson)
	lessonPos := position(t, ctx)
	lessonLabels := stepLabels(t, ctx, 6)
	shoot(t, ctx, "trace-save-lesson-1280-en")
	do(t, ctx, chromedp.Click(chromedp.ID("trace-save")))
	saved := waitDownload(t, dir, traceLesson+".json")
	if !bytes.Equal(saved, runJSON(t, traceLesson)) {
		t.Errorf("the saved file differs from mqttviz run %s --format json", traceLesson)
	}

	open(t, ctx, base, "/trace/")
	chooseFile(t, ctx, filepath.Join(dir, traceLesson+".json"))
	waitFor(t, ctx, `document.getElementById("trace-title") !== null`)
	if got := eval[string](t, ctx, `document.getElementById("trace-title").textContent`); got != want.Title.EN {
		t.Errorf("title %q, want %q", got, want.Title.EN)
	}
	if got := position(t, ctx); got != lessonPos {
		t.Errorf("opened at %q, the lesson at %q", got, lessonPos)
	}
	if got := stepLabels(t, ctx, 6); strings.Join(got, "\n") != strings.Join(lessonLabels, "\n") {
		t.Errorf("steps read\n%s\nthe lesson's\n%s", strings.Join(got, "\n"), strings.Join(lessonLabels, "\n"))
	}
	do(t, ctx, chromedp.Click(chromedp.ID("ctl-end")))
	waitFor(t, ctx, fmt.Sprintf(`document.getElementById("position").textContent === "Step %d of %d"`, len(want.Steps), len(want.Steps)))
	// The trace page saves too, the same bytes.
	os.Remove(filepath.Join(dir, traceLesson+".json"))
	do(t, ctx, chromedp.Click(chromedp.ID("trace-save")))
	if again := waitDownload(t, dir, traceLesson+".json"); !bytes.Equal(again, saved) {
		t.Error("saving the opened trace again gives other bytes")
	}

	// The scenario page saves its run as scenario.json, which opens.
	open(t, ctx, base, "/scenario/")
	waitFor(t, ctx, `document.getElementById("trace-save") !== null`)
	scenarioSteps := eval[string](t, ctx, `document.getElementById("position").textContent`)
	do(t, ctx, chromedp.Click(chromedp.ID("trace-save")))
	waitDownload(t, dir, "scenario.json")
	open(t, ctx, base, "/trace/")
	chooseFile(t, ctx, filepath.Join(dir, "scenario.json"))
	waitFor(t, ctx, `document.getElementById("trace-title") !== null`)
	if got := position(t, ctx); got != scenarioSteps {
		t.Errorf("the saved scenario opens at %q, the scenario page showed %q", got, scenarioSteps)
	}

	// mqttviz run output of another lesson, pasted, then dropped.
	other := lessons.LessonNames()[0]
	ot, _ := lessons.RunLesson(other, 1)
	pasteTrace(t, ctx, string(runJSON(t, other)))
	waitFor(t, ctx, fmt.Sprintf(`document.getElementById("position").textContent === "Step 1 of %d"`, len(ot.Steps)))
	dropFile(t, ctx, "dropped.json", string(saved))
	waitFor(t, ctx, fmt.Sprintf(`document.getElementById("position").textContent === "Step 1 of %d"`, len(want.Steps)))
	if got := eval[string](t, ctx, `document.getElementById("trace-status").textContent`); !strings.Contains(got, "dropped.json") {
		t.Errorf("status %q does not name the dropped file", got)
	}
	shoot(t, ctx, "trace-dropped-1280-en")
}

// badTrace is a file that must not open, and what its message says.
type badTrace struct {
	name   string
	body   []byte
	en, zh string
}

// badTraces are the files of every kind TestBrowserTraceIOBadFiles opens.
func badTraces(t *testing.T) []badTrace {
	good := string(runJSON(t, traceLesson))
	return []badTrace{
		{"binary.json", []byte{0x89, 'P', 'N', 'G', 0, 0xff, 0xfe}, "not JSON: line 1, column 1", "不是有效的 JSON：第 1 行第 1 列"},
		{"syntax.json", []byte(strings.Replace(good, `"seed": 1,`, `"seed": 1,,`, 1)), "not JSON: line ", "有语法错误"},
		{"other.json", []byte(`{"name": "mosquitto", "port": 1883}`), "JSON, but not a trace", "不是轨迹文件"},
		{"v3.json", []byte(strings.Replace(good, `"version": 2`, `"version": 3`, 1)), "version 3 is newer than version 2", "格式版本 3 比这里能读取的第 2 版新"},
		{"nodes.json", []byte(strings.Replace(good, `"from": "sensor"`, `"from": "ghost"`, 1)), `"from" "ghost" is not one of the lifelines`, `"from" 的 "ghost" 不是 "nodes" 中的生命线`},
		{"huge.json", bytes.Repeat([]byte(" "), trace.MaxReadBytes+1), "more than the 16.0 MB a trace may be", "超过了轨迹文件的上限 16.0 MB"},
	}
}

// TestBrowserTraceIOBadFiles opens a good trace, then a file of each
// kind that is not one: each says why in English and in Chinese, and
// the trace shown stays. A trace whose bytes are malformed opens, and
// the inspector shows the fault.
func TestBrowserTraceIOBadFiles(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/trace/")
	want, _ := lessons.RunLesson(traceLesson, 1)
	chooseFile(t, ctx, writeTempFile(t, "good.json", runJSON(t, traceLesson)))
	waitFor(t, ctx, `document.getElementById("trace-title") !== null`)
	do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")), chromedp.Click(chromedp.ID("ctl-forward")))
	waitFor(t, ctx, `document.getElementById("position").textContent.startsWith("Step 3 of")`)
	at := position(t, ctx)
	for _, bad := range badTraces(t) {
		setLang(t, ctx, "en")
		chooseFile(t, ctx, writeTempFile(t, bad.name, bad.body))
		waitFor(t, ctx, `(document.getElementById("trace-error") || {}).textContent?.includes("`+bad.name+`")`)
		msg := eval[string](t, ctx, `document.getElementById("trace-error").textContent`)
		if !strings.Contains(msg, bad.en) || !strings.Contains(msg, "still the one opened before") {
			t.Errorf("%s: message %q, want %q and that the trace stays", bad.name, msg, bad.en)
		}
		setLang(t, ctx, "zh")
		if msg := eval[string](t, ctx, `document.getElementById("trace-error").textContent`); !strings.Contains(msg, bad.zh) || !strings.Contains(msg, "仍是之前打开的轨迹") {
			t.Errorf("%s: message in Chinese %q, want %q", bad.name, msg, bad.zh)
		}
		if got := eval[string](t, ctx, `document.getElementById("trace-title").textContent`); got != want.Title.ZH {
			t.Errorf("%s: the trace shown became %q", bad.name, got)
		}
		setLang(t, ctx, "en")
		if got := position(t, ctx); got != at {
			t.Errorf("%s: the player moved from %q to %q", bad.name, at, got)
		}
	}
	// A bad file dropped and a paste of nothing are refused the same way;
	// a file dropped beside the drop zone, on the diagram, is taken too
	// (else the browser would leave the page for it).
	dropFile(t, ctx, "dropped-bad.json", "{oops")
	waitFor(t, ctx, `document.getElementById("trace-error").textContent.includes("dropped-bad.json")`)
	dropOn(t, ctx, ".diagram-panel", "beside.json", "[]")
	waitFor(t, ctx, `document.getElementById("trace-error").textContent.includes("beside.json")`)
	pasteTrace(t, ctx, "")
	waitFor(t, ctx, `document.getElementById("trace-error").textContent.includes("nothing to open")`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#trace-error").length`); n != 1 {
		t.Errorf("%d error lines", n)
	}

	// Malformed bytes open: the inspector shows the fault.
	malformed := strings.Replace(string(runJSON(t, traceLesson)), `"bytes": "10 `, `"bytes": "10 ff ff ff ff 01 `, 1)
	pasteTrace(t, ctx, malformed)
	waitFor(t, ctx, `document.getElementById("trace-status") !== null`)
	do(t, ctx, chromedp.Click(chromedp.ID("ctl-start")))
	for i, s := range want.Steps {
		if len(s.Bytes) > 0 && s.Bytes[0] == 0x10 {
			break
		}
		waitFor(t, ctx, fmt.Sprintf(`document.getElementById("position").textContent.startsWith("Step %d of")`, i+1))
		do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
	}
	waitFor(t, ctx, `document.querySelector(".inspector-panel .fault-rule") !== null`)
	if rule := eval[string](t, ctx, `document.querySelector(".inspector-panel .fault-rule").textContent`); !strings.HasPrefix(rule, "MQTT") {
		t.Errorf("the fault names %q, not a rule or section of the spec", rule)
	}
	shoot(t, ctx, "trace-malformed-1280-en")
}

// xssTrace is a trace whose every text holds markup that runs if it is
// ever parsed as HTML.
func xssTrace() []byte {
	evil := func(n int) string { return fmt.Sprintf(`<img src=x onerror=window.__xss=%d>"'&amp;`, n) }
	node := evil(1)
	t := &trace.Trace{
		Version: trace.Version, Source: trace.Source(evil(2)), Scenario: evil(3),
		Title:       trace.Text{EN: "<script>window.__xss=4</script>" + evil(5), ZH: evil(6)},
		Description: trace.Text{EN: evil(7), ZH: evil(8)},
		Nodes:       []string{trace.BrokerName, node},
		Steps: []trace.Step{
			{Index: 0, Kind: trace.KindConnect, From: node, To: trace.BrokerName, Conn: 1,
				Snapshot: &trace.State{Broker: &trace.BrokerState{
					Sessions: []*trace.SessionState{{ClientID: evil(9), Subscriptions: []trace.Subscription{{Filter: evil(10)}}}},
					Retained: []trace.Message{{Topic: evil(11), Payload: evil(12)}},
				}, Clients: []*trace.ClientState{{Name: node, ClientID: evil(13)}}}},
			{Index: 1, Kind: trace.KindPacket, From: node, To: trace.BrokerName, Conn: 1, Bytes: []byte{0x30, 2, 0, 0}, Packet: codec.PUBLISH, Label: trace.Text{EN: evil(14), ZH: evil(15)}, Outcome: trace.Delivered,
				Notes: []trace.Note{{Text: trace.Text{EN: evil(16), ZH: evil(17)}, Rule: evil(18)}}},
			{Index: 2, Kind: trace.KindNote, Notes: []trace.Note{{Text: trace.Text{EN: evil(19), ZH: evil(20)}}}},
		},
		Expectations: []trace.Expectation{{Line: 1, Col: 1, Text: evil(21), Why: &trace.Text{EN: evil(22), ZH: evil(23)}}},
	}
	b, _ := json.Marshal(t)
	return b
}

// TestBrowserTraceIOXSS opens a trace whose titles, node names, topics,
// labels and notes hold markup, on `mqttviz serve` and on the static
// site (no server): nothing runs, the title shows as written, and the
// file's name is text too.
func TestBrowserTraceIOXSS(t *testing.T) {
	for name, site := range map[string]func(*testing.T) string{"serve": appURL, "static": staticSite} {
		t.Run(name, func(t *testing.T) {
			base := site(t)
			ctx := newBrowser(t, 1280, 800)
			open(t, ctx, base, "/trace/")
			chooseFile(t, ctx, writeTempFile(t, `<img src=x onerror=window.__xss=99>.json`, xssTrace()))
			waitFor(t, ctx, `document.getElementById("trace-title") !== null`)
			for _, lang := range []string{"en", "zh"} {
				setLang(t, ctx, lang)
				for i := 0; i < 3; i++ {
					checkNothingRan(t, ctx, fmt.Sprintf("%s step %d in %s", name, i+1, lang))
					do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
				}
				do(t, ctx, chromedp.Click(chromedp.ID("ctl-start")))
			}
			setLang(t, ctx, "en")
			if got := eval[string](t, ctx, `document.getElementById("trace-title").textContent`); !strings.HasPrefix(got, "<script>window.__xss=4</script>") {
				t.Errorf("title shows as %q", got)
			}
			if name == "static" {
				if got := position(t, ctx); got != "Step 1 of 3" {
					t.Errorf("on the static site the trace plays at %q", got)
				}
			}
		})
	}
}

// TestBrowserTraceIOA11y runs axe-core on /trace/ empty, with a trace
// open and with a refusal shown, in English and Chinese, at 1280×800 and
// 390×844, and takes the screenshots of -screenshots.
func TestBrowserTraceIOA11y(t *testing.T) {
	base := appURL(t)
	axeSource(t)
	good := writeTempFile(t, traceLesson+".json", runJSON(t, traceLesson))
	bad := writeTempFile(t, "v3.json", []byte(`{"version":3,"nodes":["broker"],"steps":[]}`))
	for _, size := range []struct{ w, h int64 }{{1280, 800}, {390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		open(t, ctx, base, "/trace/")
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			checkAxe(t, ctx, fmt.Sprintf("/trace/ empty at %d×%d in %s", size.w, size.h, lang))
			shoot(t, ctx, fmt.Sprintf("trace-empty-%d-%s", size.w, lang))
		}
		chooseFile(t, ctx, good)
		waitFor(t, ctx, `document.getElementById("trace-title") !== null`)
		chooseFile(t, ctx, bad)
		waitFor(t, ctx, `document.getElementById("trace-error") !== null`)
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			checkAxe(t, ctx, fmt.Sprintf("/trace/ with a trace and a refusal at %d×%d in %s", size.w, size.h, lang))
			shoot(t, ctx, fmt.Sprintf("trace-open-%d-%s", size.w, lang))
		}
	}
}

// TestBrowserTraceFileButtonInPageLanguage: the trace page's file button
// speaks the page's language, not the browser's (Chromium's own file
// input said "Choose File · No file chosen" on the Chinese page), and the
// hidden input still takes the keyboard: Tab reaches it and its label
// shows the focus.
func TestBrowserTraceFileButtonInPageLanguage(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 390, 844)
	open(t, ctx, base, "/trace/")
	for _, c := range []struct{ lang, want string }{{"zh", "选择文件…"}, {"en", "Choose a file…"}} {
		setLang(t, ctx, c.lang)
		got := eval[struct {
			Text          string
			Width, Height float64
			InputArea     float64
		}](t, ctx, `(() => {
			const b = document.querySelector("#trace-drop .file-button"), r = b ? b.getBoundingClientRect() : {width: 0, height: 0};
			const i = document.getElementById("trace-file").getBoundingClientRect();
			return {text: b ? b.textContent : "", width: r.width, height: r.height, inputArea: i.width * i.height};
		})()`)
		if got.Text != c.want || got.Width < 40 || got.Height < 20 {
			t.Errorf("%s: the file button reads %q in a box of %.0f×%.0f px, want %q, shown", c.lang, got.Text, got.Width, got.Height, c.want)
		}
		if got.InputArea > 1 {
			t.Errorf("%s: the browser's own file button shows (%.0f px²), in the browser's language", c.lang, got.InputArea)
		}
	}
	for i := 0; i < 20 && !eval[bool](t, ctx, `document.activeElement && document.activeElement.id === "trace-file"`); i++ {
		pressKey(t, ctx, "\t")
	}
	if !eval[bool](t, ctx, `document.activeElement && document.activeElement.id === "trace-file"`) {
		t.Fatal("Tab never reached the file input")
	}
	if style := eval[string](t, ctx, `getComputedStyle(document.querySelector("#trace-drop .file-button")).outlineStyle`); style == "none" {
		t.Error("the file input has the focus and its label shows no outline")
	}
}

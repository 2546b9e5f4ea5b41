package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser tests of a lesson run against a real broker from /live/
// (wasm/ui/livelesson*.go), against a real mosquitto.

// overlapScenario is the known mosquitto difference: a client subscribed
// to a/# at QoS 2 and then a/+ at QoS 1 gets a QoS 2 message to a/b once
// at QoS 1 from mosquitto 2.0.11, where MQTT-3.3.5-1 wants the highest
// QoS granted (the simulated broker delivers at QoS 2).
const overlapScenario = `client sub
client pub
connect sub
connect pub
subscribe sub a/# qos=2
subscribe sub a/+ qos=1
wait 2s
publish pub a/b "x" qos=2
expect sub receives a/b "x" qos=2
expect broker session sub inflight 0
`

// runLiveLesson picks lesson (or pastes source when lesson is "") on the
// live page, runs it and waits for its outcome.
func runLiveLesson(t *testing.T, ctx context.Context, lesson, source string) {
	t.Helper()
	chooseOption(t, ctx, "livelesson-choice", lesson)
	if lesson == "" {
		waitFor(t, ctx, `document.getElementById("livelesson-source") !== null`)
		setField(t, ctx, "livelesson-source", source)
		eval[bool](t, ctx, `document.getElementById("livelesson-source").dispatchEvent(new Event("change", {bubbles: true})), true`)
	}
	click(t, ctx, "livelesson-run")
}

// waitOutcome waits for the outcome of a run (or its refusal).
func waitOutcome(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	waitForWithin(t, ctx, fmt.Sprintf(`document.getElementById(%q) !== null`, id), 30*time.Second)
}

// expectResults are the results of the run's expectations, "ok", "FAIL"
// or "not observable", one per expect line, each with its line.
func expectResults(t *testing.T, ctx context.Context) []string {
	t.Helper()
	got := eval[string](t, ctx, `[...document.querySelectorAll("#livelesson-expectations li")].map(li => li.querySelector(".result").textContent + " " + li.querySelector("code").textContent).join("\n")`)
	if got == "" {
		return nil
	}
	return strings.Split(got, "\n")
}

func TestBrowserLiveLesson(t *testing.T) {
	m := startMosquitto(t)
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	openLive(t, ctx, base, m.WSURL())
	if got := eval[string](t, ctx, `document.getElementById("livelesson-choice").value`); got != "qos1" {
		t.Errorf("the lesson offered first is %q, want qos1", got)
	}

	// A lesson whose broker-side expectations cannot be seen: every client
	// expectation holds on mosquitto, the broker's are not observable.
	runLiveLesson(t, ctx, "qos1", "")
	waitOutcome(t, ctx, "livelesson-outcome")
	res := expectResults(t, ctx)
	if len(res) == 0 {
		t.Fatal("the qos1 lesson reported no expectations")
	}
	for _, r := range res {
		broker := strings.Contains(r, "expect broker ")
		if broker && !strings.HasPrefix(r, "not observable ") || !broker && !strings.HasPrefix(r, "ok ") {
			t.Errorf("qos1 on mosquitto: %q", r)
		}
	}
	if got := eval[string](t, ctx, `document.getElementById("livelesson-diffs").textContent`); !strings.Contains(got, "No difference") {
		t.Errorf("qos1 on mosquitto: differences %q, want none", got)
	}
	if got := eval[string](t, ctx, `document.getElementById("position").textContent`); !strings.HasPrefix(got, "Step ") {
		t.Errorf("the run's steps are not in the views: position %q", got)
	}

	// The lesson's recording holds the lesson's clients only.
	if got := eval[string](t, ctx, `[...document.querySelectorAll('[data-c~="lane-head"] title')].map(e => e.textContent).join("|")`); strings.Contains(got, "c1") {
		t.Errorf("the lesson's lifelines %q hold the page's own client c1", got)
	}
	click(t, ctx, "live-c1-connect-do")
	waitFor(t, ctx, `(document.getElementById("live-c1-formerr")||{textContent: ""}).textContent.includes("New recording")`)

	// The known difference, as a pasted scenario: its wait line counts
	// down, its expectation fails and the difference says which QoS.
	runLiveLesson(t, ctx, "", overlapScenario)
	waitForWithin(t, ctx, `/Line 7: waiting, [0-9.]+ s left/.test(document.getElementById("livelesson-status").textContent)`, 15*time.Second)
	eval[bool](t, ctx, `document.getElementById("livelesson").scrollIntoView(), true`)
	shoot(t, ctx, "livelesson-countdown-1280-en")
	waitOutcome(t, ctx, "livelesson-outcome")
	res = expectResults(t, ctx)
	want := []string{`FAIL expect sub receives a/b "x" qos=2`, "not observable expect broker session sub inflight 0"}
	if strings.Join(res, "\n") != strings.Join(want, "\n") {
		t.Errorf("the overlap scenario on mosquitto: expectations\n%s\nwant\n%s", strings.Join(res, "\n"), strings.Join(want, "\n"))
	}
	diffs := eval[string](t, ctx, `[...document.querySelectorAll("#livelesson-diffs li")].map(li => li.textContent).join("\n")`)
	if !strings.Contains(diffs, "QoS 2") || !strings.Contains(diffs, "QoS 1") || !strings.Contains(diffs, `PUBLISH a/b "x" qos=1`) || !strings.Contains(diffs, `PUBLISH a/b "x" qos=2`) {
		t.Errorf("the overlap scenario on mosquitto: differences %q, want a/b at QoS 2 simulated and QoS 1 on mosquitto", diffs)
	}
	shoot(t, ctx, "livelesson-diff-1280-en")

	// A lesson that needs the broker's insides: refused at its line,
	// before anything connects.
	runLiveLesson(t, ctx, "broker-restart", "")
	waitOutcome(t, ctx, "livelesson-refused")
	refused := eval[string](t, ctx, `document.getElementById("livelesson-refused").textContent`)
	if !strings.Contains(refused, "restart broker") || !regexpLine.MatchString(refused) {
		t.Errorf("broker-restart: refusal %q does not name its line", refused)
	}
}

// regexpLine finds "line N" in a refusal.
var regexpLine = regexp.MustCompile(`line \d+`)

func TestBrowserLiveLessonA11y(t *testing.T) {
	m := startMosquitto(t)
	base := appURL(t)
	axeSource(t)
	for _, size := range []struct{ w, h int64 }{{1280, 800}, {390, 844}} {
		ctx := newBrowser(t, 1280, 800)
		do(t, ctx, chromedp.EmulateViewport(size.w, size.h))
		openLive(t, ctx, base, m.WSURL())
		runLiveLesson(t, ctx, "", overlapScenario)
		waitOutcome(t, ctx, "livelesson-outcome")
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			checkAxe(t, ctx, fmt.Sprintf("/live/ lesson run at %d×%d in %s", size.w, size.h, lang))
			eval[bool](t, ctx, `document.getElementById("livelesson").scrollIntoView(), true`)
			shoot(t, ctx, fmt.Sprintf("livelesson-%d-%s", size.w, lang))
		}
		setLang(t, ctx, "en")
		runLiveLesson(t, ctx, "broker-restart", "")
		waitOutcome(t, ctx, "livelesson-refused")
		for _, lang := range []string{"en", "zh"} {
			setLang(t, ctx, lang)
			checkAxe(t, ctx, fmt.Sprintf("/live/ lesson refused at %d×%d in %s", size.w, size.h, lang))
			eval[bool](t, ctx, `document.getElementById("livelesson").scrollIntoView(), true`)
			shoot(t, ctx, fmt.Sprintf("livelesson-refused-%d-%s", size.w, lang))
		}
		setLang(t, ctx, "en")
	}
}

func TestBrowserLessonRunLiveLink(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/lessons/qos2?broker=ws%3A%2F%2F127.0.0.1%3A9001%2Fmqtt")
	waitFor(t, ctx, `document.getElementById("lesson-runlive") !== null`)
	shoot(t, ctx, "livelesson-lessonlink-1280-en")
	click(t, ctx, "lesson-runlive")
	waitFor(t, ctx, `location.pathname.endsWith("/live/") && document.getElementById("livelesson-choice") !== null`)
	if got := eval[string](t, ctx, `document.getElementById("livelesson-choice").value`); got != "qos2" {
		t.Errorf("the lesson's link chose %q, want qos2", got)
	}
	if got := eval[string](t, ctx, `document.getElementById("live-broker").value`); got != "ws://127.0.0.1:9001/mqtt" {
		t.Errorf("the lesson's link filled the broker %q", got)
	}
}

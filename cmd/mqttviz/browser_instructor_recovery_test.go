package main

import (
	"fmt"
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserInstructorRecovery: the "lose this packet" menu says, in
// both languages, what MQTT 3.1.1 requires of the client left waiting
// (a resend on a reconnect with clean session 0, MQTT-4.4.0-1) and
// offers its three choices: wait, resend on the open connection (checked
// first), reconnect and resend. In qos1 the sensor has clean session 1:
// the reconnect is offered disabled, saying why (MQTT-3.1.2-6). With
// clean session 0 (qos1 so changed, on the scenario page) the reconnect
// gives the CONNACK with session present, the DUP resend and the second
// delivery to the phone, marked changed. Losing the phone's PUBACK, the
// broker is left waiting: the menu says when it must resend instead.
func TestBrowserInstructorRecovery(t *testing.T) {
	base := appURL(t)
	l := newLostPuback(t)
	src, _ := lessons.LessonSource("qos1")
	persistent := strings.Replace(src, "client sensor\n", "client sensor clean=0\n", 1)
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			ctx := newBrowser(t, 1280, 800)
			open(t, ctx, base, fmt.Sprintf("/lessons/qos1?lang=%s&step=%d", lang, l.step+1))
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-toggle")))
			openActionsByKey(t, ctx, l.step)
			spec := eval[string](t, ctx, `document.getElementById("instructor-then-spec").textContent`)
			if !strings.Contains(spec, "MQTT-4.4.0-1") {
				t.Errorf("the menu does not name MQTT-4.4.0-1: %q", spec)
			}
			if got := eval[[]bool](t, ctx, `["wait", "resend", "reconnect"].map(k => document.getElementById("instructor-lose-" + k).checked)`); !slices.Equal(got, []bool{false, true, false}) {
				t.Errorf("checked %v, want the resend on the open connection", got)
			}
			if !eval[bool](t, ctx, `document.getElementById("instructor-lose-reconnect").disabled`) {
				t.Error("the reconnect is offered to a client with clean session 1")
			}
			why := eval[string](t, ctx, `document.getElementById(document.getElementById("instructor-lose-reconnect").getAttribute("aria-describedby")).textContent`)
			if !strings.Contains(why, "MQTT-3.1.2-6") {
				t.Errorf("the disabled reconnect says %q", why)
			}
			eval[bool](t, ctx, `(document.getElementById("instructor-menu").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-lose-then-1280-"+lang)
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			checkAxe(t, ctx, "/lessons/qos1 with the lose menu's choices, "+lang)

			// The phone's PUBACK: the broker is the one left waiting.
			phoneAck := -1
			for i, s := range l.before.Steps {
				if s.From == "phone" && s.Packet == codec.PUBACK {
					phoneAck = i
					break
				}
			}
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-menu-close")))
			waitFor(t, ctx, `document.getElementById("instructor-menu") === null`)
			do(t, ctx, chromedp.Click(chromedp.ID("ctl-start")))
			for range phoneAck {
				do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
			}
			waitFor(t, ctx, fmt.Sprintf(`new URLSearchParams(location.search).get("step") === "%d"`, phoneAck+1))
			openActionsByKey(t, ctx, phoneAck)
			if got := eval[string](t, ctx, `(document.getElementById("instructor-lose-broker-waits") || {}).textContent || ""`); !strings.Contains(got, "MQTT-4.4.0-1") || !strings.Contains(got, "retry=") {
				t.Errorf("losing the phone's PUBACK, the menu says %q", got)
			}
			if eval[bool](t, ctx, `document.getElementById("instructor-lose-then") !== null`) {
				t.Error("the client's choices are offered where the broker waits")
			}
			eval[bool](t, ctx, `(document.getElementById("instructor-menu").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-lose-broker-waits-1280-"+lang)

			// Clean session 0: the reconnect and its resend.
			ctx = newBrowser(t, 390, 844)
			open(t, ctx, base, fmt.Sprintf("/scenario/?lang=%s&step=%d&src=%s", lang, l.step+1, url.QueryEscape(persistent)))
			waitFor(t, ctx, `document.getElementById("instructor-toggle") !== null`)
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-toggle")))
			openActionsByKey(t, ctx, l.step)
			if eval[bool](t, ctx, `document.getElementById("instructor-lose-reconnect").disabled`) {
				t.Fatal("the reconnect is not offered to a client with clean session 0")
			}
			eval[bool](t, ctx, `(document.getElementById("instructor-menu").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-lose-then-390-"+lang)
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			checkAxe(t, ctx, "/scenario/ on a phone with the lose menu's choices, clean session 0, "+lang)
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-lose-reconnect")), chromedp.Click(chromedp.ID("instructor-lose")))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") !== null`)
			text := eval[string](t, ctx, `document.getElementById("scenario-input").value`)
			if !strings.Contains(text, "drop next PUBACK to sensor id=2\npublish sensor home/temp \"21.5\" qos=1\ncut sensor\nconnect sensor\n") {
				t.Fatalf("the changed scenario:\n%s", text)
			}
			tr, err := script.Run("scenario", text, 1)
			if err != nil {
				t.Fatal(err)
			}
			var dup, second, present bool
			for _, i := range markedSteps(t, ctx) {
				s := tr.Steps[i]
				dup = dup || s.From == "sensor" && s.Packet == codec.PUBLISH && s.Bytes[0]&0x08 != 0
				second = second || s.To == "phone" && s.Packet == codec.PUBLISH && strings.Contains(s.Label.EN, "home/temp")
				present = present || s.To == "sensor" && s.Packet == codec.CONNACK && len(s.Bytes) > 2 && s.Bytes[2] == 1
			}
			if !dup || !second || !present {
				t.Errorf("marked: DUP resend %v, second delivery %v, CONNACK session present %v", dup, second, present)
			}
			eval[bool](t, ctx, `(document.querySelector(".diagram-panel").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-lose-reconnect-390-"+lang)
		})
	}
}

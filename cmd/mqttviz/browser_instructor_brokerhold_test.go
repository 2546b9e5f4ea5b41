package main

import (
	"context"
	"encoding/json"
	"fmt"
	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserInstructorBrokerHold: on /lessons/qos1, in both languages,
// the instructor holds the broker's PUBACK of home/temp to the sensor
// from its arrow: for 2 s, the three lines go in (hold broker, wait,
// release broker) and the PUBACK arrives 2 s after the PUBLISH, marked
// changed; undone and held until released, the sensor gets no PUBACK
// id=2 until the action "the broker sends the acknowledgements it holds"
// is added, which brings it.
func TestBrowserInstructorBrokerHold(t *testing.T) {
	base := appURL(t)
	l := newLostPuback(t)
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			ctx := newBrowser(t, 1280, 800)
			dir := t.TempDir()
			downloadsTo(t, ctx, dir)
			open(t, ctx, base, fmt.Sprintf("/lessons/qos1?lang=%s&step=%d", lang, l.step+1))
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-toggle")))
			openActionsByKey(t, ctx, l.step)
			setInstructorField(t, ctx, "instructor-hold-secs", "2")
			eval[bool](t, ctx, `(document.getElementById("instructor-menu").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-broker-hold-1280-"+lang)
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-hold")))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") !== null`)
			added := eval[[]string](t, ctx, `[...document.querySelectorAll("#instructor-text mark.added")].map(m => m.textContent.replace(/^\d+/, ""))`)
			if want := []string{"hold broker sensor PUBACK\n", "wait 2000ms\n", "release broker sensor PUBACK\n"}; !slices.Equal(added, want) {
				t.Errorf("added lines %q, want %q", added, want)
			}
			src := changedSource(t, l.source, added)
			tr, err := script.Run("qos1", src, 1)
			if err != nil {
				t.Fatal(err)
			}
			var sent, acked int64 = -1, -1
			ack := -1
			for i, s := range tr.Steps {
				r, ok := script.PacketOf(s)
				switch {
				case ok && r.Type == codec.PUBLISH && r.Dir == sim.Up && r.ID == 2:
					sent = s.Time
				case ok && r.Type == codec.PUBACK && r.Client == "sensor" && r.ID == 2 && r.Dir == sim.Down:
					acked, ack = s.Time, i
				}
			}
			if ack < 0 || acked-sent < 2000 {
				t.Fatalf("the PUBACK id=2 to the sensor at %d ms, its PUBLISH at %d ms", acked, sent)
			}
			if !slices.Contains(markedSteps(t, ctx), ack) {
				t.Errorf("the late PUBACK (step %d) is not marked changed: %v", ack, markedSteps(t, ctx))
			}
			eval[bool](t, ctx, `(document.querySelector(".diagram-panel").scrollIntoView(), true)`)
			shoot(t, ctx, "instructor-broker-held-1280-"+lang)

			// Undo, then hold until released.
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-undo")))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") === null`)
			openActionsByKey(t, ctx, l.step)
			setInstructorField(t, ctx, "instructor-hold-secs", "")
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-hold")))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") !== null`)
			if got := eval[string](t, ctx, `[...document.querySelectorAll("#instructor-text mark.added")].map(m => m.textContent.replace(/^\d+/, "")).join("")`); got != "hold broker sensor PUBACK\n" {
				t.Errorf("held until released: added %q", got)
			}
			if n := ackCount(t, ctx, dir); n != 0 {
				t.Errorf("%d PUBACK id=2 to the sensor while the broker holds it", n)
			}
			do(t, ctx, chromedp.Click(chromedp.ID("ctl-end")))
			addAction(t, ctx, "release-broker", map[string]string{"client": "sensor"}, 2)
			if n := ackCount(t, ctx, dir); n != 1 {
				t.Errorf("%d PUBACK id=2 to the sensor after the release, want 1", n)
			}
		})
	}
}

// changedSource is the lesson's source with the lines added where the
// panel shows them: here in one run, after the line they follow.
func changedSource(t *testing.T, src string, added []string) string {
	t.Helper()
	lines := strings.SplitAfter(src, "\n")
	var out strings.Builder
	for _, line := range lines {
		if line == "publish sensor home/temp \"21.5\" qos=1\n" {
			out.WriteString(added[0] + line + strings.Join(added[1:], ""))
			continue
		}
		out.WriteString(line)
	}
	return out.String()
}

// ackCount is how many of the broker's PUBACK id=2 to the sensor the
// page's trace holds, as Save trace writes it to dir.
func ackCount(t *testing.T, ctx context.Context, dir string) int {
	t.Helper()
	var tr trace.Trace
	if err := json.Unmarshal(saveTrace(t, ctx, dir, "qos1.json"), &tr); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range tr.Steps {
		if r, ok := script.PacketOf(s); ok && r.Type == codec.PUBACK && r.Client == "sensor" && r.ID == 2 && r.Dir == sim.Down {
			n++
		}
	}
	return n
}

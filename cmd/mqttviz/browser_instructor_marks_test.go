package main

import (
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserInstructorEventMarks: after the instructor loses the PUBACK
// of home/temp in qos1, in both languages and at both widths, the event
// list marks exactly the steps the panel lists as changed, each with the
// word (changed, 有变化) in its row as well as the bar (what a screen
// reader reads for the option), the listbox described by a note saying
// what the word means; after undo no row is marked.
func TestBrowserInstructorEventMarks(t *testing.T) {
	base := appURL(t)
	l := newLostPuback(t)
	for _, c := range []struct {
		lang, word string
		w, h       int
	}{{"en", "changed", 1280, 800}, {"zh", "有变化", 390, 844}, {"zh", "有变化", 1280, 800}, {"en", "changed", 390, 844}} {
		t.Run(fmt.Sprintf("%s-%d", c.lang, c.w), func(t *testing.T) {
			ctx := newBrowser(t, c.w, c.h)
			open(t, ctx, base, fmt.Sprintf("/lessons/qos1?lang=%s&step=%d", c.lang, l.step+1))
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-toggle")))
			openActionsByKey(t, ctx, l.step)
			do(t, ctx, chromedp.Click(chromedp.ID("instructor-lose")))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") !== null`)
			if got := markedSteps(t, ctx); !slices.Equal(got, l.marked) {
				t.Fatalf("the panel lists %v, want %v", got, l.marked)
			}
			// Every row, brought into view in turn (the list draws only
			// the rows in view): marked exactly when the step changed.
			for i := range l.after.Steps {
				want := slices.Contains(l.marked, i)
				waitFor(t, ctx, fmt.Sprintf(`(() => {
					const box = document.getElementById("events-scroll");
					const row = document.getElementById("event-%d");
					if (!row) {
						const any = box.querySelector(".event");
						box.scrollTop = %d * (any ? any.offsetHeight : 30);
						box.dispatchEvent(new Event("scroll"));
						return false;
					}
					const badge = row.querySelector(".ev-changed");
					return row.classList.contains("changed") === %v &&
						(badge !== null) === %v &&
						(!badge || badge.textContent === %q && row.textContent.includes(%q));
				})()`, i, i, want, want, c.word, c.word))
			}
			if got := eval[string](t, ctx, `document.getElementById("events-scroll").getAttribute("aria-describedby")`); got != "events-keys events-changed-note" {
				t.Errorf("the listbox is described by %q", got)
			}
			if eval[string](t, ctx, `document.getElementById("events-changed-note").textContent`) == "" {
				t.Error("the note on changed rows is empty")
			}
			// The cursor's row, the lost PUBACK, in view for the picture: a
			// step forward and one back, each waited for (two clicks in one
			// frame leave the cursor where it was, and the list where the
			// loop above scrolled it).
			do(t, ctx, chromedp.Click(chromedp.ID("ctl-forward")))
			waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#event-%d.current") !== null`, l.at+1))
			do(t, ctx, chromedp.Click(chromedp.ID("ctl-back")))
			waitFor(t, ctx, fmt.Sprintf(`document.querySelector("#event-%d.current") !== null`, l.at))
			eval[bool](t, ctx, `(document.querySelector(".events-panel").scrollIntoView(), true)`)
			shoot(t, ctx, fmt.Sprintf("instructor-events-changed-%d-%s", c.w, c.lang))
			eval[bool](t, ctx, `(window.scrollTo(0, 0), true)`)
			checkAxe(t, ctx, "/lessons/qos1 with changed steps in the event list, "+c.lang)

			do(t, ctx, chromedp.Click(chromedp.ID("instructor-undo")))
			waitFor(t, ctx, `document.querySelector("ul.instructor-changed") === null`)
			waitFor(t, ctx, `document.querySelectorAll(".event.changed, .ev-changed, #events-changed-note").length === 0`)
		})
	}
}

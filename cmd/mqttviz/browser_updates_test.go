package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserEventListAfterSmallScroll moves the event list's active row
// away from the cursor's with ↓, scrolls the list by a few pixels (the
// same rows stay in view: nothing to draw) and clicks the cursor's row:
// the active row must come back to it. The list's scroll handler used
// go-app's PreventUpdate, which marks the component until it is next
// updated, so the click's own update was dropped: the step stayed the
// same, nothing updated the list from above, and the active row stayed
// where ↓ had put it.
func TestBrowserEventListAfterSmallScroll(t *testing.T) {
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, appURL(t), "/lessons/qos2/")
	const active = `document.getElementById("events-scroll").getAttribute("aria-activedescendant")`
	eval[bool](t, ctx, `(document.getElementById("events-scroll").focus(), true)`)
	cursorRow := eval[string](t, ctx, active)
	do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	waitFor(t, ctx, fmt.Sprintf(`%s !== %q`, active, cursorRow))
	// A scroll of 4 px, and the scroll event handled: go-app's handler
	// ran once the next frames came.
	eval[bool](t, ctx, `(document.getElementById("events-scroll").scrollTop = 4, true)`)
	do(t, ctx, chromedp.Sleep(300*time.Millisecond))
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Click(chromedp.ID(cursorRow)))
	cond := fmt.Sprintf(`%s === %q`, active, cursorRow)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("after a small scroll, a click on the cursor's row %s left the active row at %s", cursorRow, eval[string](t, ctx, active))
	}
}

// TestBrowserInspectorHoverAfterSameField points at a field of the
// inspector twice (the second time nothing changes), then at another
// field: that one must light up. The hover handler used go-app's
// PreventUpdate when nothing changed, which marks the component until it
// is next updated from above, so the next pointer move lit nothing. The
// pointer leaving for another field lights that one; leaving the list
// puts the light out (one listener on the list serves every field).
func TestBrowserInspectorHoverAfterSameField(t *testing.T) {
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, appURL(t), "/lessons/qos2/?step=2")
	waitFor(t, ctx, `document.querySelectorAll(".inspector li.field").length >= 3`)
	enter := func(field int) {
		eval[bool](t, ctx, fmt.Sprintf(`(document.querySelector('.inspector li.field[data-field="%d"]').dispatchEvent(new MouseEvent("mouseover", {bubbles: true})), true)`, field))
	}
	lit := func(field int) string {
		return fmt.Sprintf(`document.querySelector('.inspector li.field[data-field="%d"]').classList.contains("lit")`, field)
	}
	enter(0)
	waitFor(t, ctx, lit(0))
	enter(0)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => setTimeout(() => r(true), 300))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	enter(2)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](lit(2), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("after the pointer came over field 0 twice, coming over field 2 did not light it")
	}
	// The pointer leaves for another field: that one lights, not none;
	// then for outside the list: the light goes out.
	out := func(field int, to string) {
		eval[bool](t, ctx, fmt.Sprintf(`(document.querySelector('.inspector li.field[data-field="%d"]').dispatchEvent(new MouseEvent("mouseout", {bubbles: true, relatedTarget: %s})), true)`, field, to))
	}
	out(2, `document.querySelector('.inspector li.field[data-field="1"] .field-name')`)
	enter(1)
	waitFor(t, ctx, lit(1))
	out(1, "document.body")
	waitFor(t, ctx, `!document.querySelector(".inspector .field.lit") && !document.querySelector(".inspector .byte.lit")`)
}

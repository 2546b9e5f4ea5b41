package main

import (
	"context"
	"testing"
)

// presentButtons measures every button of the player bar in presenter
// mode: the contrast of its text or glyph with its own background, of
// its edge (border or fill) with the page around it, and its opacity.
const presentButtons = `(() => {
	const rgb = s => { const m = s.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
	const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
	const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
	const bgOf = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c && c.a > 0) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
	const opacity = el => { let o = 1; for (let e = el; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity); return o; };
	return [...document.querySelectorAll(".presenting .player-bar button")].filter(b => b.getClientRects().length > 0).map(b => {
		const cs = getComputedStyle(b), own = bgOf(b), around = bgOf(b.parentElement);
		const border = parseFloat(cs.borderTopWidth) > 0 ? ratio(rgb(cs.borderTopColor), around) : 0;
		return {id: b.id, text: b.querySelector("svg") === null, fg: ratio(rgb(cs.color), own), edge: Math.max(border, ratio(own, around)), opacity: opacity(b)};
	});
})()`

// presentButton is what presentButtons measures of one button.
type presentButton struct {
	ID      string  `json:"id"`
	Text    bool    `json:"text"`
	FG      float64 `json:"fg"`
	Edge    float64 `json:"edge"`
	Opacity float64 `json:"opacity"`
}

// TestBrowserPresenterButtons: in presenter mode at 1920×1080 every
// button of the player bar stands out on a projector, those that cannot
// act now too: text at least 4.5:1 on its background, a glyph and the
// button's edge at least 3:1, nothing faded; and the diagram fills the
// height left below the bar, in both languages.
func TestBrowserPresenterButtons(t *testing.T) {
	base := appURL(t)
	ctx := newViewport(t, 1920, 1080)
	// Step 1: To start and Back cannot act.
	open(t, ctx, base, "/lessons/qos1/?step=1")
	positionIs(t, ctx, 1)
	for _, lang := range []string{"en", "zh"} {
		setLang(t, ctx, lang)
		pressKey(t, ctx, "p")
		waitFor(t, ctx, `!!document.querySelector(".player-view.presenting #diagram-scroll")`)
		buttons := eval[[]presentButton](t, ctx, presentButtons)
		if len(buttons) < 7 {
			t.Fatalf("%s: %d buttons in the player bar: %+v", lang, len(buttons), buttons)
		}
		for _, b := range buttons {
			want := 3.0
			if b.Text {
				want = 4.5
			}
			if b.FG < want || b.Edge < 3 || b.Opacity < 1 {
				t.Errorf("%s: #%s: contrast %.2f:1 (want %.1f), edge %.2f:1 (want 3), opacity %.2f", lang, b.ID, b.FG, want, b.Edge, b.Opacity)
			}
		}
		checkDiagramFills(t, ctx, lang)
		// With predict mode's question above it, the diagram takes what
		// is left.
		click(t, ctx, "predict-toggle")
		waitFor(t, ctx, `!!document.querySelector(".presenting .predict")`)
		checkDiagramFills(t, ctx, lang+" with predict mode")
		click(t, ctx, "predict-toggle")
		waitFor(t, ctx, `!document.querySelector(".presenting .predict")`)
		pressKey(t, ctx, "p")
		waitFor(t, ctx, `!document.querySelector(".presenting")`)
	}
}

// checkDiagramFills checks that the presenter's diagram reaches down to
// the bottom of the window, less the panel's padding and border, and not
// past it.
func checkDiagramFills(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	gap := eval[float64](t, ctx, `innerHeight - document.querySelector("#diagram-scroll").getBoundingClientRect().bottom`)
	if gap < 0 || gap > 60 {
		t.Errorf("%s: the diagram ends %.0f px above the bottom of the window, want it to fill the height (0–60 px)", where, gap)
	}
}

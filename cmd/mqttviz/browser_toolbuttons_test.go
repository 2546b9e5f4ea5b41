package main

import (
	"testing"
)

// toolButtons is how each tool button of the lesson page looks: its
// background, edge, corners, padding and cursor, with Save trace's first.
const toolButtons = `(() => {
	const look = el => { const cs = getComputedStyle(el); return {background: cs.backgroundColor, border: cs.borderTopWidth + " " + cs.borderTopStyle, radius: cs.borderTopLeftRadius, padding: cs.paddingTop + " " + cs.paddingLeft, cursor: cs.cursor, size: cs.fontSize}; };
	const ids = ["trace-save", "instructor-toggle", "present-toggle", "predict-toggle"];
	const out = ids.map(id => { const el = document.getElementById(id); return {id, found: !!el, look: el ? look(el) : null}; });
	const exp = document.querySelector("#export > summary");
	out.push({id: "export", found: !!exp, look: exp ? look(exp) : null});
	return out;
})()`

// toolButton is what toolButtons reads of one button.
type toolButton struct {
	ID    string            `json:"id"`
	Found bool              `json:"found"`
	Look  map[string]string `json:"look"`
}

// TestBrowserLessonToolButtons: the lesson page's tool buttons (Save
// trace, Export, Instructor, Presenter mode, Predict mode) look alike,
// in both languages: the three toggles were the browser's plain grey
// buttons beside the others. Pressed, a toggle is filled.
func TestBrowserLessonToolButtons(t *testing.T) {
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	open(t, ctx, base, "/lessons/qos1/")
	for _, lang := range []string{"en", "zh"} {
		setLang(t, ctx, lang)
		buttons := eval[[]toolButton](t, ctx, toolButtons)
		want := buttons[0]
		for _, b := range buttons {
			if !b.Found {
				t.Errorf("%s: no #%s on the lesson page", lang, b.ID)
				continue
			}
			for k, v := range want.Look {
				if b.Look[k] != v {
					t.Errorf("%s: #%s's %s is %q, Save trace's %q", lang, b.ID, k, b.Look[k], v)
				}
			}
		}
	}
	pressKey(t, ctx, "p")
	waitFor(t, ctx, `document.getElementById("present-toggle").getAttribute("aria-pressed") === "true"`)
	if bg := eval[string](t, ctx, `getComputedStyle(document.getElementById("present-toggle")).backgroundColor`); bg == eval[string](t, ctx, `getComputedStyle(document.getElementById("predict-toggle")).backgroundColor`) {
		t.Errorf("Presenter mode, pressed, looks as Predict mode does, not pressed (background %s)", bg)
	}
}

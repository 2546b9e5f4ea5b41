package main

import (
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserVocabLabels checks, in Chinese and in English, that every
// arrow of a lesson's diagram and every row of its event list reads the
// packet's summary in that language and the outcome's name, as the codec
// and the trace give them. With -screenshots it saves the Chinese lesson
// page at 1280×800 as vocab-lesson-zh.
func TestBrowserVocabLabels(t *testing.T) {
	const lesson = "qos1-lost-puback"
	tr, err := lessons.RunLesson(lesson, 1)
	if err != nil {
		t.Fatal(err)
	}
	base := appURL(t)
	ctx := newBrowser(t, 1280, 800)
	do(t, ctx, chromedp.EmulateViewport(1280, 800))
	open(t, ctx, base, "/")
	for _, lang := range []string{"en", "zh"} {
		do(t, ctx, chromedp.Click(chromedp.ID("lang-"+lang)))
		open(t, ctx, base, "/lessons/"+lesson)
		play := map[string]string{"en": "Play", "zh": "播放"}[lang]
		waitFor(t, ctx, `document.querySelector("#ctl-play").getAttribute("aria-label") === "`+play+`"`)
		// The diagram and the list draw the rows in view: check those.
		arrows := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("g[data-kind=packet]")].map(g => [g.dataset.step, g.querySelector("title").textContent]))`)
		rows := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll("li[id^=event-]")].map(li => [li.dataset.step, li.textContent]))`)
		seen := 0
		for _, s := range tr.Steps {
			title, drawn := arrows[strconv.Itoa(s.Index)]
			row, listed := rows[strconv.Itoa(s.Index)]
			if s.Kind != trace.KindPacket || !drawn || !listed {
				continue
			}
			seen++
			want := codec.Summary(s.Bytes).In(lang)
			if title != want {
				t.Errorf("%s: step %d arrow reads %q, want %q", lang, s.Index, title, want)
			}
			if !strings.Contains(row, want) {
				t.Errorf("%s: step %d event row %q lacks %q", lang, s.Index, row, want)
			}
			if s.Outcome == trace.Dropped && !strings.Contains(row, map[string]string{"en": "dropped", "zh": "被丢弃"}[lang]) {
				t.Errorf("%s: step %d event row %q does not say dropped", lang, s.Index, row)
			}
		}
		if seen < 4 {
			t.Errorf("%s: only %d packet steps both drawn and listed", lang, seen)
		}
		if lang == "zh" {
			shoot(t, ctx, "vocab-lesson-zh")
		}
	}
}

package views

import (
	"regexp"
	"strings"
	"testing"

	"mqttviz/sim/lessons"
	"mqttviz/wasm/i18n"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestEventListMarksChanged: a changed step's row has the class changed
// and the word "changed" (有变化) in its text, which is what a screen
// reader reads for the option; the listbox is then described by a note
// saying what the word means. Rows not changed have neither.
func TestEventListMarksChanged(t *testing.T) {
	tr, err := lessons.RunLesson("qos1", 1)
	if err != nil {
		t.Fatal(err)
	}
	changed := make([]bool, len(tr.Steps))
	changed[3] = true
	for lang, word := range map[string]string{i18n.EN: "changed", i18n.ZH: "有变化"} {
		l := NewEventList(tr, 0, lang).WithMarks(Marks{Changed: changed})
		d := app.NewClientTester(l)
		html := app.HTMLString(l)
		d.Close()
		rows := regexp.MustCompile(`(?s)<li [^>]*id="event-(\d+)"[^>]*>.*?</li>`).FindAllStringSubmatch(html, -1)
		if len(rows) < 5 {
			t.Fatalf("%s: %d rows drawn", lang, len(rows))
		}
		for _, r := range rows {
			tag := regexp.MustCompile(`<li [^>]*>`).FindString(r[0])
			mark := regexp.MustCompile(`class="[^"]*\bchanged\b`).MatchString(tag) && strings.Contains(r[0], `<span class="ev-changed">`+word+`</span>`)
			if want := r[1] == "3"; mark != want || strings.Contains(r[0], "ev-changed") != want {
				t.Errorf("%s: row %s marked %v, want %v: %s", lang, r[1], mark, want, r[0])
			}
		}
		if !strings.Contains(html, `id="events-changed-note"`) || !strings.Contains(html, `events-keys events-changed-note`) {
			t.Errorf("%s: the listbox is not described by the note on changed rows", lang)
		}
	}
	l := NewEventList(tr, 0, i18n.EN)
	d := app.NewClientTester(l)
	defer d.Close()
	if html := app.HTMLString(l); strings.Contains(html, "changed") {
		t.Error("a list with no marks mentions changed steps")
	}
}

package views

import (
	"mqttviz/sim/lessons"
	"mqttviz/wasm/i18n"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func TestEventKey(t *testing.T) {
	tests := []struct {
		key     string
		pos, n  int
		want    int
		handled bool
	}{
		{"ArrowDown", 0, 10, 1, true},
		{"ArrowDown", 9, 10, 9, true},
		{"ArrowUp", 0, 10, 0, true},
		{"ArrowUp", 5, 10, 4, true},
		{"PageDown", 1, 10, 8, true},
		{"PageDown", 8, 10, 9, true},
		{"PageUp", 8, 10, 1, true},
		{"PageUp", 3, 10, 0, true},
		{"Home", 6, 10, 0, true},
		{"End", 2, 10, 9, true},
		// The player's keys and Enter are not the list's to move.
		{"ArrowLeft", 2, 10, 0, false},
		{" ", 2, 10, 0, false},
		{"Enter", 2, 10, 0, false},
		{"ArrowDown", 0, 0, 0, false},
	}
	for _, tt := range tests {
		got, ok := eventKey(tt.key, tt.pos, tt.n, 7)
		if got != tt.want || ok != tt.handled {
			t.Errorf("eventKey(%q, %d, %d) = %d, %v; want %d, %v", tt.key, tt.pos, tt.n, got, ok, tt.want, tt.handled)
		}
	}
	if got, _ := eventKey("PageDown", 0, 10, 0); got != 1 {
		t.Errorf("a page of no rows moves %d, want 1", got)
	}
}

// TestEventListIsOneTabStop checks the list's markup: a listbox that takes
// the focus, whose rows are options and hold nothing focusable, the
// current step's row selected and active.
func TestEventListIsOneTabStop(t *testing.T) {
	tr, err := lessons.RunLesson("qos1", 1)
	if err != nil {
		t.Fatal(err)
	}
	l := NewEventList(tr, 2, i18n.EN)
	d := app.NewClientTester(l)
	defer d.Close()
	html := app.HTMLString(l)
	for _, want := range []string{
		`role="listbox"`, `tabindex="0"`, `aria-activedescendant="event-2"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the event list lacks %s", want)
		}
	}
	// go-app writes attributes in map order: find the row's tag first.
	row := regexp.MustCompile(`<li [^>]*id="event-2"[^>]*>`).FindString(html)
	if !strings.Contains(row, `class="event flow-`) || !strings.Contains(row, `role="option"`) {
		t.Errorf("step 2's row is %q, want an option of class event", row)
	}
	if n := strings.Count(html, `tabindex=`); n != 1 {
		t.Errorf("%d elements with a tabindex, want the listbox alone", n)
	}
	if strings.Contains(html, "<button") || strings.Contains(html, "<a ") {
		t.Error("an event row holds a button or a link")
	}
	// go-app writes a "true" attribute bare, as HTML's booleans.
	if n := len(regexp.MustCompile(`aria-selected(="true")?[ >]`).FindAllString(html, -1)); n != 1 {
		t.Errorf("%d rows selected, want the current step's", n)
	}
	if !strings.Contains(html, `aria-selected="false"`) {
		t.Error("the other rows are not marked aria-selected=false")
	}
}

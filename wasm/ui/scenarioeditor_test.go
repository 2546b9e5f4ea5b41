package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func TestLineRange(t *testing.T) {
	src := "title en: Two expectations\ndescribe en: The second one fails.\nclient a\nconnect a\nexpect a connected\nexpect a disconnected\n"
	for _, tt := range []struct {
		src           string
		line, col     int
		wantAt, wantE int
	}{
		{src, 6, 1, 100, 121},
		{src, 1, 1, 0, 26},
		{src, 1, 7, 6, 26},
		{src, 7, 1, 122, 122},
		{src, 9, 1, 122, 122},
		{src, 3, 40, 70, 70},
		{"a\n中文 x\n", 2, 4, 2 + 3, 2 + 4},
		{"😀 x\nb", 1, 3, 3, 4},
		{"😀 x\nb", 2, 1, 5, 6},
		{"", 1, 1, 0, 0},
	} {
		at, end := lineRange(tt.src, tt.line, tt.col)
		if at != tt.wantAt || end != tt.wantE {
			t.Errorf("lineRange(%q, %d, %d) = %d, %d; want %d, %d", tt.src, tt.line, tt.col, at, end, tt.wantAt, tt.wantE)
		}
	}
}

// TestEditorOnServer: the server's page shows the example in the box,
// escaped, read only, and a number for each of its lines.
func TestEditorOnServer(t *testing.T) {
	e := &scenarioEditor{Source: exampleScenario, Marks: []editorMark{{Line: 2, Kind: markError}}}
	d := app.NewServerTester(e)
	defer d.Close()
	html := app.HTMLString(e)
	if !strings.Contains(html, escapeText(`publish sensor devices/sensor/temp "21.5" qos=1`)) {
		t.Errorf("the box does not hold the example: %s", html)
	}
	if !strings.Contains(html, "readonly") {
		t.Error("the server's box can be typed into")
	}
	if want := `<span class="mark-error">2</span>`; !strings.Contains(html, want) {
		t.Errorf("line 2 is not marked %s", want)
	}
	n := lineCount(exampleScenario)
	if !strings.Contains(html, "\n"+strconv.Itoa(n)+"\n") || strings.Contains(html, "\n"+strconv.Itoa(n+1)+"\n") {
		t.Errorf("the gutter does not number %d lines", n)
	}
}

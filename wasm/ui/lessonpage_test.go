package ui

import (
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestExpectationsOpenOnlyOnFailure checks the expectations' <details>
// as the server writes it: open="" when one failed, no open attribute at
// all otherwise (HTML reads open="false" as open).
func TestExpectationsOpenOnlyOnFailure(t *testing.T) {
	held := []trace.Expectation{{Text: "expect a connected", OK: true}}
	failed := []trace.Expectation{{Text: "expect a connected", OK: true}, {Text: "expect b connected", Why: &trace.Text{EN: "b is offline", ZH: "b 离线"}}}
	if html := app.HTMLString(renderExpectations(i18n.EN, held, nil)); strings.Contains(html, "open") {
		t.Errorf("all held, yet the list opens: %s", html)
	}
	if html := app.HTMLString(renderExpectations(i18n.EN, failed, nil)); !strings.Contains(html, "open") {
		t.Errorf("one failed, yet the list is closed: %s", html)
	}
}

// TestAnnounceNote checks the announce line of note steps: a lesson's
// note reads "Note: …", a client's "phone: note — …", no ": note" alone;
// every note is read, with the rule it names.
func TestAnnounceNote(t *testing.T) {
	note := []trace.Note{{Text: trace.Text{EN: "Watch the bytes.", ZH: "注意这些字节。"}}}
	tests := []struct {
		step     trace.Step
		lang     string
		announce string
	}{
		{trace.Step{Kind: trace.KindNote, Notes: note}, i18n.EN, "Note: Watch the bytes."},
		{trace.Step{Kind: trace.KindNote, Notes: note}, i18n.ZH, "说明：注意这些字节。"},
		{trace.Step{Kind: trace.KindNote, From: "phone", Notes: note}, i18n.EN, "phone: note — Watch the bytes."},
		{trace.Step{Kind: trace.KindNote, From: "phone", Notes: append(note, trace.Note{Rule: "MQTT-4.4.0-1", Text: trace.Text{EN: "phone resends PUBLISH id=1 with DUP 1", ZH: "phone 重发 PUBLISH id=1，重发标志 DUP 置 1"}})}, i18n.ZH,
			"phone：说明 — 注意这些字节。 — phone 重发 PUBLISH id=1，重发标志 DUP 置 1 [MQTT-4.4.0-1]"},
	}
	for _, tt := range tests {
		p := app.P().Body(renderAnnounce(tt.lang, tt.step)...)
		html := app.HTMLString(p)
		text := strings.NewReplacer("<p>", "", "</p>", "", "<span class=\"announce-step\">", "", "<span class=\"announce-note\">", "", "</span>", "", "\n", "").Replace(html)
		if text != tt.announce {
			t.Errorf("announce %q, want %q", text, tt.announce)
		}
	}
}

// TestExpectationMarksDrawnByStyle checks that a lesson's ✓ and ✗ are not
// text: axe-core cannot decide the contrast of such a glyph, and the
// scenario page draws them the same way, from the style sheet.
func TestExpectationMarksDrawnByStyle(t *testing.T) {
	exps := []trace.Expectation{{Text: "expect a connected", OK: true}, {Text: "expect b connected"}}
	html := app.HTMLString(renderExpectations(i18n.EN, exps, nil))
	if strings.ContainsAny(html, "✓✗") {
		t.Errorf("the marks are text: %s", html)
	}
	if n := strings.Count(html, `class="mark-icon"`); n != 2 {
		t.Errorf("%d mark icons for 2 expectations: %s", n, html)
	}
}

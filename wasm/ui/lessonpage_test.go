package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/sim"
)

// TestExpectationsOpenOnlyOnFailure checks the expectations' <details>
// as the server writes it: open="" when one failed, no open attribute at
// all otherwise (HTML reads open="false" as open).
func TestExpectationsOpenOnlyOnFailure(t *testing.T) {
	held := []sim.Expectation{{Text: "expect a connected", OK: true}}
	failed := []sim.Expectation{{Text: "expect a connected", OK: true}, {Text: "expect b connected", Why: &sim.Text{EN: "b is offline", ZH: "b 离线"}}}
	if html := app.HTMLString(renderExpectations(langEN, held)); strings.Contains(html, "open") {
		t.Errorf("all held, yet the list opens: %s", html)
	}
	if html := app.HTMLString(renderExpectations(langEN, failed)); !strings.Contains(html, "open") {
		t.Errorf("one failed, yet the list is closed: %s", html)
	}
}

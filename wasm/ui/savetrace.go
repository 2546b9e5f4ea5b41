package ui

import (
	"encoding/json"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// actSaveTrace asks the page's player to download its trace.
const actSaveTrace = "mqttviz/save-trace"

// traceJSON is the trace as `mqttviz run --format json` writes it.
func traceJSON(t *trace.Trace) ([]byte, error) {
	b, err := json.MarshalIndent(t, "", "  ")
	return append(b, '\n'), err
}

// traceFileName is the name a saved trace gets: its scenario's name,
// NAME.json, or for a live trace live-START.json, kept to letters,
// digits, '.', '-' and '_' ("trace.json" when nothing is left).
func traceFileName(t *trace.Trace) string {
	base := t.Scenario
	if base == "" && t.Start != "" {
		base = "live-" + strings.NewReplacer(":", "", ".", "-").Replace(strings.TrimSuffix(t.Start, "Z"))
	}
	name := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '-'
	}, strings.TrimSuffix(base, ".json"))
	name = strings.Trim(name, ".-")
	if name == "" {
		name = "trace"
	}
	return name + ".json"
}

// save downloads the player's trace as NAME.json, redacted as the page
// shows it.
func (p *player) save() error {
	if p.trace == nil {
		return nil
	}
	b, err := traceJSON(redactedTrace(p.trace, p.redact))
	if err != nil {
		return err
	}
	return jsb.Download(traceFileName(p.trace), "application/json", b)
}

// renderSaveButton is the Save trace button of a player page.
func renderSaveButton(lang string) app.UI {
	return app.Button().ID("trace-save").Class("save-trace").Type("button").
		Title(tr(lang, "trace.save.title")).
		OnClick(post(actSaveTrace, nil)).
		Text(tr(lang, "trace.save"))
}

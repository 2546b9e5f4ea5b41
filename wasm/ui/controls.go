package ui

import (
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// controls is the player: to start, back, play/pause, forward, to end and
// the speed. Its buttons post actions to the page.
type controls struct {
	app.Compo

	Cursor int
	Steps  int
	Status playStatus
	Speed  float64
	Lang   string
}

// Icons of the player's buttons: SVG paths in a 16×16 box.
const (
	iconStart   = "M2 3h2v10H2z M9 3 4 8l5 5z M15 3l-5 5 5 5z"
	iconBack    = "M11 3 5 8l6 5z"
	iconPlay    = "M4 2l10 6-10 6z"
	iconPause   = "M3 2h4v12H3z M9 2h4v12H9z"
	iconForward = "M5 3l6 5-6 5z"
	iconEnd     = "M12 3h2v10h-2z M7 3l5 5-5 5z M1 3l5 5-5 5z"
)

// icon draws a button's glyph; the button's aria-label names it.
func icon(path string) app.UI {
	return views.SVG("svg").
		Attr("viewBox", "0 0 16 16").Attr("width", 16).Attr("height", 16).
		Attr("aria-hidden", "true").Attr("focusable", "false").
		Body(views.SVG("path").Attr("d", path).Attr("fill", "currentColor"))
}

func newControls(cursor, steps int, status playStatus, speed float64, lang string) *controls {
	return &controls{Cursor: cursor, Steps: steps, Status: status, Speed: speed, Lang: lang}
}

// button is one of the player's buttons. One that cannot act now (back at
// the first step) is aria-disabled rather than disabled: a disabled button
// drops the keyboard focus, so a student who pressed To end would be
// thrown back to the top of the page. Its press then does nothing.
func (c *controls) button(id, key, glyph string, disabled bool, h app.EventHandler) app.UI {
	if disabled {
		h = func(ctx app.Context, e app.Event) {}
	}
	return app.Button().
		ID(id).
		Class("ctl").
		Type("button").
		Aria("label", tr(c.Lang, key)).
		Aria("disabled", disabled).
		Title(tr(c.Lang, key)).
		OnClick(h, disabled).
		Body(icon(glyph))
}

func post(name string, v any) app.EventHandler {
	return func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(name, v) }
}

func (c *controls) Render() app.UI {
	atStart := c.Cursor <= 0
	atEnd := c.Cursor >= c.Steps-1
	playKey, playGlyph := "player.play", iconPlay
	if c.Status == playing {
		playKey, playGlyph = "player.pause", iconPause
	}
	opts := make([]app.UI, len(speeds))
	for i, s := range speeds {
		v := strconv.FormatFloat(s, 'g', -1, 64)
		opts[i] = app.Option().Value(v).Selected(s == c.Speed).Text(v + "×")
	}
	return app.Div().Class("controls").Role("toolbar").Aria("label", tr(c.Lang, "player.label")).Body(
		c.button("ctl-start", "player.start", iconStart, atStart, post(views.ActEdge, false)),
		c.button("ctl-back", "player.back", iconBack, atStart, post(views.ActStep, -1)),
		c.button("ctl-play", playKey, playGlyph, c.Steps == 0, post(views.ActToggle, nil)),
		c.button("ctl-forward", "player.forward", iconForward, atEnd, post(views.ActStep, 1)),
		c.button("ctl-end", "player.end", iconEnd, atEnd, post(views.ActEdge, true)),
		app.Label().Class("speed").Body(
			// A phone hides the word, not from screen readers, to keep
			// the player on one line.
			app.Span().Class("speed-word").Text(tr(c.Lang, "player.speed")+" "),
			app.Select().ID("ctl-speed").OnChange(c.onSpeed).Body(opts...),
		),
		app.Span().ID("position").Class("position").Text(tr(c.Lang, "player.position", min(c.Cursor+1, c.Steps), c.Steps)),
		app.Span().Class("keys-hint").Text(tr(c.Lang, "player.keys")),
	)
}

func (c *controls) onSpeed(ctx app.Context, e app.Event) {
	v, err := strconv.ParseFloat(jsb.StringProp(ctx.JSSrc(), "value"), 64)
	if err == nil {
		ctx.NewActionWithValue(views.ActSpeed, v)
	}
}

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

// ctlButton is one of the player's buttons, a component of its own so
// that a step, which changes the position line, draws none of them
// again unless one becomes able or unable to act. One that cannot act
// now (back at the first step) is aria-disabled rather than disabled: a
// disabled button drops the keyboard focus, so a student who pressed To
// end would be thrown back to the top of the page. Its press then does
// nothing; otherwise it posts action Act with Value to the page.
type ctlButton struct {
	app.Compo
	ID, Key, Glyph string
	Disabled       bool
	Act            string
	Value          any
	Lang           string
}

func (b *ctlButton) Render() app.UI {
	h := func(ctx app.Context, e app.Event) {}
	if !b.Disabled {
		h = post(b.Act, b.Value)
	}
	return app.Button().
		ID(b.ID).
		Class("ctl").
		Type("button").
		Aria("label", tr(b.Lang, b.Key)).
		Aria("disabled", b.Disabled).
		Title(tr(b.Lang, b.Key)).
		OnClick(h, b.Disabled).
		Body(icon(b.Glyph))
}

// button is the player's button id, labelled by the string key.
func (c *controls) button(id, key, glyph string, disabled bool, act string, v any) app.UI {
	return &ctlButton{ID: id, Key: key, Glyph: glyph, Disabled: disabled, Act: act, Value: v, Lang: c.Lang}
}

// post is a handler that posts action name with value v to the page.
func post(name string, v any) app.EventHandler {
	return func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(name, v) }
}

// speedSelect is the player's speed, a component so that a step does not
// draw its options again.
type speedSelect struct {
	app.Compo
	Speed float64
	Lang  string
}

func (s *speedSelect) Render() app.UI {
	opts := make([]app.UI, len(speeds))
	for i, v := range speeds {
		text := strconv.FormatFloat(v, 'g', -1, 64)
		opts[i] = app.Option().Value(text).Selected(v == s.Speed).Text(text + "×")
	}
	return app.Label().Class("speed").Body(
		// A phone hides the word, not from screen readers, to keep the
		// player on one line.
		app.Span().Class("speed-word").Text(tr(s.Lang, "player.speed")+" "),
		app.Select().ID("ctl-speed").OnChange(onSpeed).Body(opts...),
	)
}

func (c *controls) Render() app.UI {
	atStart := c.Cursor <= 0
	atEnd := c.Cursor >= c.Steps-1
	playKey, playGlyph := "player.play", iconPlay
	if c.Status == playing {
		playKey, playGlyph = "player.pause", iconPause
	}
	return app.Div().Class("controls").Role("toolbar").Aria("label", tr(c.Lang, "player.label")).Body(
		c.button("ctl-start", "player.start", iconStart, atStart, views.ActEdge, false),
		c.button("ctl-back", "player.back", iconBack, atStart, views.ActStep, -1),
		c.button("ctl-play", playKey, playGlyph, c.Steps == 0, views.ActToggle, nil),
		c.button("ctl-forward", "player.forward", iconForward, atEnd, views.ActStep, 1),
		c.button("ctl-end", "player.end", iconEnd, atEnd, views.ActEdge, true),
		&speedSelect{Speed: c.Speed, Lang: c.Lang},
		app.Span().ID("position").Class("position").Text(tr(c.Lang, "player.position", min(c.Cursor+1, c.Steps), c.Steps)),
		app.Span().Class("keys-hint").Text(tr(c.Lang, "player.keys")),
	)
}

// onSpeed posts the speed chosen.
func onSpeed(ctx app.Context, e app.Event) {
	v, err := strconv.ParseFloat(jsb.StringProp(ctx.JSSrc(), "value"), 64)
	if err == nil {
		ctx.NewActionWithValue(views.ActSpeed, v)
	}
}

package ui

import (
	"math"
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The messages between an embed and the page that embeds it, documented
// in docs/embed.md: each an object {type: "mqttviz:…", v: 1, …}. The
// frame tells its parent its height, that it is ready and which step it
// is on; the parent may ask it to play, pause, go to a step and switch
// language. The frame reads only messages from its parent window
// (jsb.ListenParent) and acts only on those of this version whose
// fields have the right type and range (parseHostCommand).
const (
	// embedVersion is the version of the messages, in every one as v.
	embedVersion = 1

	msgHeight = "mqttviz:height"
	msgReady  = "mqttviz:ready"
	msgStep   = "mqttviz:step"
	msgPlay   = "mqttviz:play"
	msgPause  = "mqttviz:pause"
	msgGoto   = "mqttviz:goto"
	msgLang   = "mqttviz:lang"
)

// hostCommand is what the host page asks of the player.
type hostCommand struct {
	// Type is msgPlay, msgPause, msgGoto or msgLang.
	Type string
	// Step is the step of a goto, from 1.
	Step int
	// Lang is the language of a lang, i18n.EN or i18n.ZH.
	Lang string
}

// parseHostCommand returns the command m carries for a player of steps
// steps, and false for anything else: another version, an unknown type,
// a step that is no whole number from 1 to steps, a language the app
// does not speak.
func parseHostCommand(m jsb.ParentMessage, steps int) (hostCommand, bool) {
	if !m.HasV || m.V != embedVersion {
		return hostCommand{}, false
	}
	switch m.Type {
	case msgPlay, msgPause:
		return hostCommand{Type: m.Type}, steps > 0
	case msgGoto:
		if !m.HasStep || m.Step != math.Trunc(m.Step) || m.Step < 1 || m.Step > float64(steps) {
			return hostCommand{}, false
		}
		return hostCommand{Type: msgGoto, Step: int(m.Step)}, true
	case msgLang:
		if m.Lang != i18n.EN && m.Lang != i18n.ZH {
			return hostCommand{}, false
		}
		return hostCommand{Type: msgLang, Lang: m.Lang}, true
	}
	return hostCommand{}, false
}

// embedReport is what the frame tells its parent of the player: the step
// shown (from 1; 0 when there is nothing to play), of how many, whether
// it plays, in which language.
type embedReport struct {
	Step, Steps int
	Playing     bool
	Lang        string
}

// message is the report as a message of type typ.
func (r embedReport) message(typ string) map[string]any {
	return map[string]any{"type": typ, "v": embedVersion, "step": r.Step, "steps": r.Steps, "playing": r.Playing, "lang": i18n.Norm(r.Lang)}
}

// embedHost is an embed's link with its parent window.
type embedHost struct {
	// isReady is set once the frame has said it is ready; last is what it
	// said since.
	isReady bool
	last    embedReport
	stop    []func()
}

// listen carries out the parent's commands on the player p (lang through
// setLang) and keeps the parent told of the page's height.
func (h *embedHost) listen(ctx app.Context, p *player, setLang func(app.Context, string)) {
	if !jsb.InFrame() {
		return
	}
	h.stop = append(h.stop,
		jsb.WatchHeight(func(height int) {
			jsb.PostToParent(map[string]any{"type": msgHeight, "v": embedVersion, "height": height})
		}),
		jsb.ListenParent(func(m jsb.ParentMessage) {
			ctx.Dispatch(func(ctx app.Context) {
				c, ok := parseHostCommand(m, p.steps())
				if ok {
					h.obey(ctx, p, c, setLang)
				}
			})
		}),
	)
}

// obey carries out one command.
func (h *embedHost) obey(ctx app.Context, p *player, c hostCommand, setLang func(app.Context, string)) {
	switch c.Type {
	case msgPlay:
		if p.status != playing {
			p.toggle(ctx)
		}
	case msgPause:
		if p.status == playing {
			p.toggle(ctx)
		}
	case msgGoto:
		p.goTo(ctx, c.Step-1)
	case msgLang:
		setLang(ctx, c.Lang)
	}
}

// release stops listening.
func (h *embedHost) release() {
	for _, stop := range h.stop {
		stop()
	}
	h.stop = nil
}

// ready tells the parent the player is ready, and where it stands.
func (h *embedHost) ready(r embedReport) {
	h.isReady, h.last = true, r
	jsb.PostToParent(r.message(msgReady))
}

// tell tells the parent where the player stands, if that changed since
// it last said: called on every render, it reports every step.
func (h *embedHost) tell(r embedReport) {
	if !h.isReady || r == h.last {
		return
	}
	h.last = r
	jsb.PostToParent(r.message(msgStep))
}

package ui

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The targets of each page's Share dialog: what its address must carry
// to show the same view again. Each page's canShare says, cheaply, whether
// there is one: the Share button asks on every render (every step), and
// the scenario page's target decodes its address's fragment, a
// 5,000-line scenario's on every step of a 20,000-step trace.

func (p *lessonPage) canShare() bool { return p.trace != nil && p.info.Name != "" }

func (p *scenarioPage) canShare() bool {
	return p.trace != nil && len(p.trace.Steps) > 0 && app.IsClient
}

func (p *tracePage) canShare() bool { return p.trace != nil && len(p.trace.Steps) > 0 }

func (p *decodePage) canShare() bool { return len(p.packets) > 0 && app.IsClient }

// shareTarget of the lesson page: the lesson (its seed when not the
// usual one), whose picture the site serves; a lesson the instructor
// changed is a scenario, carried in the fragment.
func (p *lessonPage) shareTarget(lang string) (shareTarget, bool) {
	if !p.canShare() {
		return shareTarget{}, false
	}
	title := p.info.Title.In(lang)
	if frag := p.instr.changedFragment(); frag != "" {
		return shareTarget{page: "/scenario/", fragment: frag, stepped: true, title: title}, true
	}
	t := shareTarget{page: "/lessons/" + p.name + "/", stepped: true, title: title, lesson: p.name}
	if p.seed != 1 {
		// The site's picture is of the usual run.
		t.query, t.lesson = url.Values{"seed": {strconv.FormatInt(p.seed, 10)}}, ""
	}
	return t, true
}

// shareTarget of the scenario page: the scenario of the address's
// fragment (the last run's, or the instructor's change), else the one
// in the editor.
func (p *scenarioPage) shareTarget(lang string) (shareTarget, bool) {
	if !p.canShare() {
		return shareTarget{}, false
	}
	frag := app.Window().URL().Fragment
	if _, err := decodeShare(frag); err != nil {
		frag = encodeShare(p.source)
	}
	title := p.trace.Title.In(lang)
	if title == "" {
		title = tr(lang, "scenario.untitled")
	}
	return shareTarget{page: "/scenario/", fragment: frag, stepped: true, title: title}, true
}

// shareTarget of the trace page: no address opens a file, so the dialog
// has only the picture and the Mermaid text.
func (p *tracePage) shareTarget(lang string) (shareTarget, bool) {
	if !p.canShare() {
		return shareTarget{}, false
	}
	return shareTarget{title: p.traceTitle(lang)}, true
}

// shareTarget of the decode page: the bytes of its address's ?hex=,
// unless they are too many for an address (the page then has none).
func (p *decodePage) shareTarget(lang string) (shareTarget, bool) {
	if !p.canShare() {
		return shareTarget{}, false
	}
	t := shareTarget{title: tr(lang, "decode.title")}
	if h := app.Window().URL().Query().Get("hex"); h != "" && !p.unshared {
		t.page, t.query = "/decode/", url.Values{"hex": {h}}
	}
	return t, true
}

// shareTrace is the packets the decode page draws as a trace, for the
// dialog's picture and Mermaid text.
func (p *decodePage) shareTrace() *trace.Trace {
	return decodeTrace(p.packets, codec.Text{EN: tr(i18n.EN, "decode.title"), ZH: tr(i18n.ZH, "decode.title")})
}

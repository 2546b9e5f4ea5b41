package ui

import (
	"errors"
	"mqttviz/sim/lessons"
	"mqttviz/sim/script"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// embedKind is what an embed shows.
type embedKind int

// The kinds of embed.
const (
	// embedLesson is /embed/lessons/NAME/: a built-in lesson.
	embedLesson embedKind = iota
	// embedScenario is /embed/scenario/#…: a scenario a link carries.
	embedScenario
)

// embedPage is the player of a lesson or of a scenario link, without the
// site's header, for an iframe. The server pre-renders its poster
// (embedposter.go); the browser, once the reader has clicked the poster,
// renders the player (embedview.go) and talks to the host page
// (embedhost.go).
type embedPage struct {
	app.Compo
	language
	player

	kind embedKind
	opts embedOptions
	// name and info are the lesson's; title is the trace's, for a
	// scenario.
	name string
	info lessons.LessonInfo
	// problem is why there is nothing to play: no such lesson, a link
	// that does not open, a scenario that does not run.
	problem string
	// autoplayed is set once ?autoplay=1 has started the player.
	autoplayed bool
	// host is what the host page was last told and how it is listened to.
	host embedHost
}

func newEmbedLessonPage() *embedPage {
	return &embedPage{kind: embedLesson, player: player{speed: 1, addr: stepKeeper{keep: true}, noModes: true}}
}

func newEmbedScenarioPage() *embedPage {
	return &embedPage{kind: embedScenario, player: player{speed: 1, addr: stepKeeper{keep: true}, noModes: true}}
}

// OnPreRender names the lesson of the path, for the poster. A scenario's
// poster is the same for every link: the server never sees a fragment.
func (p *embedPage) OnPreRender(ctx app.Context) {
	p.name = lessonName(ctx.Page().URL().Path)
	p.info, _ = lessons.Lesson(p.name)
	p.retitle(ctx, p.pageTitle)
}

// OnMount sets the language of the address, not persisted: an embed's
// language comes from its address alone.
func (p *embedPage) OnMount(ctx app.Context) {
	ctx.SetState(views.StateLang, parseEmbedOptions(app.Window().URL().Query()).Lang)
	p.observe(ctx, p.pageTitle)
	p.player.mount(ctx)
	p.host.listen(ctx, &p.player, p.hostLang)
	jsb.KeepForOffline()
}

func (p *embedPage) OnDismount() {
	p.host.release()
	p.player.dismount()
}

// OnNav opens what the address names, at its step and speed.
func (p *embedPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	p.opts = parseEmbedOptions(u.Query())
	p.speed = p.opts.Speed
	p.addr.aim(u)
	p.problem = ""
	switch p.kind {
	case embedLesson:
		p.openLesson(u)
	case embedScenario:
		p.openScenario(u)
	}
	p.retitle(ctx, p.pageTitle)
	if p.opts.Autoplay && !p.autoplayed && p.steps() > 1 {
		p.autoplayed = true
		p.toggle(ctx)
	}
	ctx.Defer(func(ctx app.Context) {
		p.host.ready(p.report())
		jsb.MarkInteractive()
	})
}

// openLesson runs the lesson the path names.
func (p *embedPage) openLesson(u *url.URL) {
	p.name, _ = lessonAt(u)
	p.info, _ = lessons.Lesson(p.name)
	t, err := lessons.RunLesson(p.name, 1)
	if err != nil {
		p.load(nil)
		p.problem = tr(p.opts.Lang, "lesson.notfound", strconv.Quote(p.name))
		return
	}
	p.load(t)
}

// openScenario runs the scenario of the fragment, as a scenario link
// carries it (sharelink.go). Embedded scenarios are short; it runs at
// once, not in slices.
func (p *embedPage) openScenario(u *url.URL) {
	p.load(nil)
	src, err := decodeShare(u.Fragment)
	var se *shareError
	switch {
	case errors.As(err, &se):
		p.problem = se.message(p.opts.Lang)
		return
	case err != nil || strings.TrimSpace(src) == "":
		p.problem = tr(p.opts.Lang, "embed.noscenario")
		return
	}
	t, err := script.Run("scenario", src, 1)
	if err != nil {
		p.problem = problemOf(err).Msg.In(p.opts.Lang)
		return
	}
	if len(t.Steps) == 0 {
		p.problem = tr(p.opts.Lang, "scenario.nosteps")
		return
	}
	p.load(t)
}

// hostLang switches the language, as the host page asks: not persisted,
// and kept in the address like the step.
func (p *embedPage) hostLang(ctx app.Context, lang string) {
	ctx.SetState(views.StateLang, lang)
}

// title is what the embed shows: the lesson's, the scenario's own, or
// the kind of embed.
func (p *embedPage) title(lang string) string {
	switch {
	case p.kind == embedLesson && p.info.Name != "":
		return p.info.Title.In(lang)
	case p.kind == embedScenario && p.trace != nil && p.trace.Title.In(lang) != "":
		return p.trace.Title.In(lang)
	case p.kind == embedScenario:
		return tr(lang, "embed.scenario")
	}
	return tr(lang, "title.nolesson")
}

func (p *embedPage) pageTitle(lang string) string { return tr(lang, "embed.pagetitle", p.title(lang)) }

// report is what the host page is told of the player now.
func (p *embedPage) report() embedReport {
	return embedReport{Step: min(p.cursor+1, p.steps()), Steps: p.steps(), Playing: p.status == playing, Lang: p.lang}
}

func (p *embedPage) Render() app.UI {
	if app.IsServer {
		if p.kind == embedLesson {
			return renderLessonPoster(p.name, p.info)
		}
		return renderPoster(embedScenarioPoster)
	}
	p.host.tell(p.report())
	var view app.UI
	switch {
	case p.trace != nil && len(p.trace.Steps) > 0:
		view = p.renderEmbedView()
	case p.problem != "":
		view = app.P().ID("embed-error").Class("error").Role("alert").Text(p.problem)
	default:
		view = app.P().Class("embed-loading").Text(tr(p.lang, "loading"))
	}
	return renderEmbed(p.lang, p.title(p.lang), fullPage(app.Window().URL(), p.cursor+1, p.lang), view)
}

package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

func (p *watchPage) Render() app.UI {
	lang := p.lang
	var view app.UI
	if p.trace != nil && len(p.trace.Steps) > 0 {
		var follow app.UI
		// Once the stream ended nothing new comes to follow.
		if p.status == watchOpen || p.cursor < len(p.trace.Steps)-1 {
			follow = renderFollow(lang, p.cursor, len(p.trace.Steps), p.backToLive)
		}
		view = p.renderView([]app.UI{follow}, lang)
	} else if p.status == watchOpen {
		view = app.P().ID("watch-empty").Class("live-empty").Text(tr(lang, "watch.waiting"))
	}
	return app.Div().Class("page").Body(
		newHeader(lang),
		app.Main().ID(mainID).Class("content live-page watch-page").Body(
			app.H1().ID("watch-heading").Text(tr(lang, "watch.heading")),
			app.P().Class("intro").Text(tr(lang, "watch.intro")),
			app.P().ID("watch-masked").Class("hint").Text(tr(lang, "watch.masked")),
			p.renderStatus(),
			p.renderMissed(),
			view,
		),
	)
}

// renderStatus says where the stream stands; an end is an alert.
func (p *watchPage) renderStatus() app.UI {
	lang := p.lang
	switch p.status {
	case watchOpen:
		return app.P().ID("watch-status").Class("live-status").Role("status").Text(tr(lang, "watch.open"))
	case watchClosed:
		return app.P().ID("watch-status").Class("live-problem error").Role("alert").Text(tr(lang, "watch.closed"))
	case watchFailed:
		return app.P().ID("watch-status").Class("live-problem error").Role("alert").Text(tr(lang, "watch.failed"))
	case watchChecking:
		return app.P().ID("watch-status").Class("live-status").Role("status").Text(tr(lang, "watch.checking"))
	case watchDropped:
		return app.P().ID("watch-status").Class("live-problem error").Role("alert").Text(tr(lang, "watch.dropped"))
	case watchRestarted:
		return app.P().ID("watch-status").Class("live-problem error").Role("alert").Text(tr(lang, "watch.restarted"))
	case watchBad:
		return app.P().ID("watch-status").Class("live-problem error").Role("alert").Text(tr(lang, "watch.bad", p.badText.In(lang)))
	}
	return app.P().ID("watch-status").Class("live-status").Role("status").Text(tr(lang, "watch.connecting"))
}

// renderMissed says how many steps the newest gap missed, once one came.
func (p *watchPage) renderMissed() app.UI {
	if p.lastMissed == 0 {
		return nil
	}
	return app.P().ID("watch-missed").Class("live-keep").Role("status").Text(tr(p.lang, "watch.missed", p.lastMissed, p.missed))
}

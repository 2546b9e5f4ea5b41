package ui

import (
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/wasm/i18n"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// An embed's poster is what the server pre-renders at its address: the
// title, a still of the diagram and a button that starts the app. The
// server serves the page without go-app's loader (cmd/mqttviz/embed.go):
// until the reader presses the button, web/embed-poster.js is the only
// script, and nothing asks for app.wasm. The poster is written in both
// languages, the one the address does not ask for hidden by the script,
// which also resolves the addresses of data-src and data-page (written
// from the site's root, for a site served under any sub-path).

// poster is what a poster shows.
type poster struct {
	// Title is the lesson's; TitleKey the string key of the title of a
	// poster with none.
	Title    codec.Text
	TitleKey string
	// Still is the still's address in each language from the site's
	// root, "" for none.
	Still codec.Text
	// Play is the string key of the button's label.
	Play string
	// Full is the site's own page, from its root.
	Full string
}

// The posters of the embeds that are no lesson: the server never sees
// the scenario or the bytes.
var (
	embedScenarioPoster = poster{TitleKey: "embed.scenario", Play: "embed.play.scenario", Full: "scenario/"}
	embedDecodePoster   = poster{TitleKey: "embed.decode", Play: "embed.play.decode", Full: "decode/"}
)

// posterStill is the address of a lesson's still in lang, from the
// site's root, as cmd/mqttviz writes it.
func posterStill(name, lang string) string {
	file := "poster.svg"
	if lang == i18n.ZH {
		file = "poster.zh.svg"
	}
	return "embed/lessons/" + name + "/" + file
}

// renderLessonPoster is the poster of the lesson name.
func renderLessonPoster(name string, info lessons.LessonInfo) app.UI {
	if info.Name == "" {
		return renderPoster(poster{TitleKey: "title.nolesson", Play: "embed.play.lesson"})
	}
	return renderPoster(poster{
		Title: info.Title,
		Still: codec.Text{EN: posterStill(name, i18n.EN), ZH: posterStill(name, i18n.ZH)},
		Play:  "embed.play.lesson",
		Full:  "lessons/" + name + "/",
	})
}

// renderPoster is the poster ps in both languages, English shown.
func renderPoster(ps poster) app.UI {
	return app.Div().ID(embedRootID).Class("embed embed-poster").Body(
		app.Main().ID(mainID).Class("poster-main").Body(
			renderPosterIn(ps, i18n.EN, "en"),
			renderPosterIn(ps, i18n.ZH, "zh-CN"),
		),
	)
}

// renderPosterIn is the poster in one language; tag is its lang
// attribute.
func renderPosterIn(ps poster, lang, tag string) app.UI {
	title := ps.Title.In(lang)
	if title == "" {
		title = tr(lang, ps.TitleKey)
	}
	var still app.UI
	if s := ps.Still.In(lang); s != "" {
		still = app.Img().Class("poster-still").Alt("").Attr("loading", "lazy").DataSet("src", s)
	} else {
		still = app.Span().Class("poster-still poster-blank").Aria("hidden", "true")
	}
	return app.Div().Class("poster").Lang(tag).DataSet("lang", lang).Hidden(lang != i18n.EN).Body(
		app.H1().Class("poster-title").Text(title),
		app.Button().Type("button").Class("poster-start").DataSet("embed-start", "").DataSet("loading", tr(lang, "embed.poster.loading")).Body(
			still,
			app.Span().Class("poster-play").Body(
				icon(iconPlay),
				app.Span().Class("poster-play-label").Text(tr(lang, ps.Play)),
			),
		),
		app.P().Class("poster-note").Body(
			app.Text(tr(lang, "embed.poster.note")+" "),
			app.A().Class("poster-open").DataSet("page", ps.Full).Target("_blank").Rel("noopener").Text(tr(lang, "embed.open")),
		),
	)
}

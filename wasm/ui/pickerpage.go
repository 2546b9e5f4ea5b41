package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// pickerPage is /: the built-in lessons with their titles and
// descriptions, each a link to its own address.
type pickerPage struct {
	app.Compo
	language
}

func newPickerPage() *pickerPage { return &pickerPage{} }

func (p *pickerPage) pageTitle(lang string) string { return tr(lang, "title.home") }

func (p *pickerPage) OnPreRender(ctx app.Context) { p.prerender(ctx, p.pageTitle) }

func (p *pickerPage) OnMount(ctx app.Context) {
	p.observe(ctx, p.pageTitle)
	ctx.Defer(func(app.Context) { jsb.MarkInteractive() })
}

func (p *pickerPage) Render() app.UI {
	lessons := lessons.Lessons()
	cards := make([]app.UI, len(lessons))
	for i, l := range lessons {
		cards[i] = app.Li().Class("lesson-card").DataSet("lesson", l.Name).Body(
			app.A().Href(link("/lessons/"+l.Name+"/")).Body(
				app.H2().Text(l.Title.In(p.lang)),
				app.P().Text(l.Description.In(p.lang)),
				app.Span().Class("lesson-name").Text(l.Name),
			),
		)
	}
	var empty app.UI
	if len(lessons) == 0 {
		empty = app.P().Class("empty").Text(tr(p.lang, "picker.none"))
	}
	return app.Div().Class("page").Body(
		newHeader(p.lang),
		app.Main().ID(mainID).Class("content picker").Body(
			app.H1().ID("picker-title").Text(tr(p.lang, "picker.title")),
			app.P().Class("intro").Text(tr(p.lang, "picker.intro")),
			app.Ul().Class("lesson-list").Body(cards...),
			empty,
		),
	)
}

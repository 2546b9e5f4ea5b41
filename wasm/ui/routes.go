package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/sim"
)

// Register routes the app's pages. The server calls it before serving or
// writing the static site, the browser before app.RunWhenOnBrowser.
func Register() {
	// In the browser, the Go program starts here: the browser tests time
	// the app's start-up from this mark.
	perfMark("mqttviz-start")
	app.RouteFunc("/", func() app.Composer { return newPickerPage() })
	// /lessons/ with no name left on it is the picker too, not a 404.
	app.RouteWithRegexpFunc("^/lessons/?$", func() app.Composer { return newPickerPage() })
	app.RouteFunc("/decode", func() app.Composer { return newDecodePage() })
	app.RouteFunc("/scenario", func() app.Composer { return newScenarioPage() })
	app.RouteWithRegexpFunc("^/lessons/[^/]+/?$", func() app.Composer { return newLessonPage() })
}

// Pages lists every page of the static site: the picker, the decoder and
// the scenario editor and one page per built-in lesson.
func Pages() []string {
	pages := []string{"/", "/decode", "/scenario"}
	for _, l := range sim.Lessons() {
		pages = append(pages, "/lessons/"+l.Name)
	}
	return pages
}

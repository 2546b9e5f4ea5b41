package ui

import "github.com/maxence-charriere/go-app/v9/pkg/app"

// WatchEnv names the app's environment variable (go-app's Handler.Env)
// that `mqttviz broker --http` sets to its watch page's path: only there
// does a broker stream to /watch/, so only there the header links to it.
// `serve` and `static` leave it out.
const WatchEnv = "MQTTVIZ_WATCH"

// renderWatchLink is the header's link to the watch page, nil where no
// broker serves the app. It is drawn in the browser only: the server
// pre-renders from the path alone, the same for every command.
func renderWatchLink(lang string) app.UI {
	if !app.IsClient || app.Getenv(WatchEnv) == "" {
		return nil
	}
	return app.A().ID("nav-watch").Href(link("/watch/")).Text(tr(lang, "nav.watch"))
}

package ui

import (
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The notices of the app's offline copy (cmd/mqttviz/offline_worker.js):
// a new version is installed and waits, or this page is the first of a
// new version.

// versionKey is where the browser keeps the version of the app it ran
// last.
const versionKey = "mqttviz.version"

// noteVersion keeps the version of the app running now and reports
// whether it replaced another: on the first page of a new version. The
// version is go-app's, the hash of app.wasm.
func noteVersion(ctx app.Context) bool {
	now := app.Getenv("GOAPP_VERSION")
	if !app.IsClient || now == "" {
		return false
	}
	var seen string
	_ = ctx.LocalStorage().Get(versionKey, &seen)
	if seen == now {
		return false
	}
	_ = ctx.LocalStorage().Set(versionKey, now)
	return seen != ""
}

// renderUpdateNotice says that a new version is ready; its button lets
// the new version take over and reloads the page. Until then the page
// keeps running the version it started with, every file from its cache.
func renderUpdateNotice(lang string) app.UI {
	return app.Div().ID("update-notice").Class("update-notice").Role("status").Body(
		app.Span().Text(tr(lang, "update.ready")),
		app.Button().ID("update-reload").Type("button").
			OnClick(func(app.Context, app.Event) { jsb.ActivateUpdate() }).
			Text(tr(lang, "update.reload")),
	)
}

// renderUpdatedNotice says, quietly, that the app has been updated; its
// button closes it (dismiss).
func renderUpdatedNotice(lang string, dismiss func()) app.UI {
	return app.Div().ID("update-done").Class("update-notice quiet").Role("status").Body(
		app.Span().Text(tr(lang, "update.done")),
		app.Button().ID("update-dismiss").Type("button").
			OnClick(func(app.Context, app.Event) { dismiss() }).
			Text(tr(lang, "update.dismiss")),
	)
}

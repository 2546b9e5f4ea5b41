package ui

import (
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// docsPage is an address under /docs/ opened inside the app: the
// documentation's pages are not the app's (internal/docsite writes them
// and the server sends them), so the page is loaded from the server.
// Loaded from the server and answered with the app, the address is no
// page of the documentation: the not-found page.
type docsPage struct {
	notFoundPage
}

func newDocsPage() *docsPage { return &docsPage{} }

// OnNav loads the documentation's page when the app opened it in place.
func (p *docsPage) OnNav(ctx app.Context) { jsb.ReloadIfOpenedInPlace() }

// docsLink is the address of the documentation in lang ("en" or "zh").
func docsLink(lang string) string { return link("/docs/" + lang + "/") }

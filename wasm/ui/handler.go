package ui

import (
	"mqttviz/wasm/i18n"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// NewHandler returns the go-app handler that serves the app's pages. The
// resource provider says where /web/ and app.wasm are found; the icons
// are local files in web/, never the framework's default on the internet.
func NewHandler(resources app.ResourceProvider, version string) *app.Handler {
	return &app.Handler{
		Name:            "mqttviz",
		ShortName:       "mqttviz",
		Title:           "mqttviz · MQTT made visible",
		Description:     Description(i18n.EN),
		Lang:            "en",
		BackgroundColor: "#f7f7f5",
		ThemeColor:      "#24405f",
		LoadingLabel:    "mqttviz {progress}%",
		Icon: app.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		Styles:    []string{"/web/mqttviz.css"},
		Resources: resources,
		Version:   version,
		// No preload of app.wasm: the server's loader fetches it once the
		// pre-rendered page has painted (cmd/mqttviz/loader.go).
		RawHeaders: []string{contentSecurityPolicy},
		// go-app's default worker downloads every resource again, app.wasm
		// included, while the page starts: a second 2 MB fetch competing
		// with the first render. The server replaces this one with the
		// app's own, which knows every file of the build
		// (cmd/mqttviz/offline.go).
		ServiceWorkerTemplate: serviceWorker,
	}
}

// Description is the site's description in lang, as the pages' heads
// give it (<meta name="description">, og:description).
func Description(lang string) string { return tr(lang, "site.description") }

// contentSecurityPolicy lets only the app's own scripts and its
// WebAssembly run: no inline script and no event attribute (onfocus=…),
// so that text which ever reached the page's markup could not run. It is
// a <meta>, so that static hosts send it too.
const contentSecurityPolicy = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'">`

// serviceWorker stands for the app's service worker until the server,
// which alone knows the build's files, writes it.
const serviceWorker = "// mqttviz: cmd/mqttviz writes the service worker.\n"

package ui

import (
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/views"
)

// catalogue holds every string of the pages in English and Simplified
// Chinese, gathered from one table per part of the app (strings_*.go), and the views' own.
var catalogue = i18n.Gather(coreStrings, decodeStrings, scenarioStrings, shellStrings, a11yStrings, traceioStrings, liveStrings, livelessonStrings, watchStrings, offlineStrings, exportStrings, instructorStrings, recoveryStrings, presentStrings, shareStrings, docsStrings, embedStrings, views.Strings)

// tr returns the catalogue string key in lang, formatted with args.
func tr(lang, key string, args ...any) string { return catalogue.Tr(lang, key, args...) }

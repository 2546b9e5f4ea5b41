package views

import "mqttviz/wasm/i18n"

// catalogue holds every string the views draw, in English and Simplified
// Chinese.
var catalogue = i18n.Gather(Strings)

// tr returns the catalogue string key in lang, formatted with args.
func tr(lang, key string, args ...any) string { return catalogue.Tr(lang, key, args...) }

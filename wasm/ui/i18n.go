package ui

import (
	"fmt"

	"mqttviz/codec"
)

// Languages the app speaks, in the order the switch shows them.
const (
	langEN = "en"
	langZH = "zh"
)

// catalogue holds every string of the user interface in English and
// Simplified Chinese, gathered from one table per part of the app
// (strings_*.go). Explanations of packets and decisions come from the
// codec and the simulator, which carry both languages themselves.
var catalogue = gather(coreStrings, decodeStrings, scenarioStrings, shellStrings, viewsStrings, a11yStrings)

// gather merges string tables into one; a key defined twice panics at
// start-up, so that no table silently overrides another.
func gather(tables ...map[string]codec.Text) map[string]codec.Text {
	out := map[string]codec.Text{}
	for _, t := range tables {
		for k, v := range t {
			if _, dup := out[k]; dup {
				panic("ui: catalogue key defined twice: " + k)
			}
			out[k] = v
		}
	}
	return out
}

// tr returns the catalogue string key in lang, formatted with args when
// there are any. An unknown key returns the key itself so that a missing
// entry is visible on the page and caught by the catalogue test.
func tr(lang, key string, args ...any) string {
	t, ok := catalogue[key]
	if !ok {
		return key
	}
	s := t.In(lang)
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// normLang returns lang when the app speaks it and English otherwise.
func normLang(lang string) string {
	if lang == langZH {
		return langZH
	}
	return langEN
}

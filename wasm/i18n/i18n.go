// Package i18n is how the browser app speaks two languages: string
// tables in English and Simplified Chinese, gathered into one catalogue
// per package that draws text (the views, the pages). i18ntest checks
// a package's use of its catalogue.
//
// Explanations of packets and decisions do not live here: the codec and
// the simulator carry both languages themselves (codec.Text).
package i18n

import (
	"fmt"

	"mqttviz/codec"
)

// The languages the app speaks, in the order the switch shows them.
const (
	EN = "en"
	ZH = "zh"
)

// Norm returns lang when the app speaks it and English otherwise.
func Norm(lang string) string {
	if lang == ZH {
		return ZH
	}
	return EN
}

// Tag returns the BCP 47 tag of lang, as <html lang> and a lang
// attribute take it: en, zh-CN.
func Tag(lang string) string {
	if lang == ZH {
		return "zh-CN"
	}
	return "en"
}

// Catalogue maps a key to its text in both languages.
type Catalogue map[string]codec.Text

// Gather merges string tables into one catalogue; a key defined twice
// panics at start-up, so that no table silently overrides another.
func Gather(tables ...map[string]codec.Text) Catalogue {
	out := Catalogue{}
	for _, t := range tables {
		for k, v := range t {
			if _, dup := out[k]; dup {
				panic("i18n: catalogue key defined twice: " + k)
			}
			out[k] = v
		}
	}
	return out
}

// Tr returns the string key in lang, formatted with args when there are
// any. An unknown key returns the key itself so that a missing entry is
// visible on the page and caught by i18ntest.CheckKeys.
func (c Catalogue) Tr(lang, key string, args ...any) string {
	t, ok := c[key]
	if !ok {
		return key
	}
	s := t.In(lang)
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

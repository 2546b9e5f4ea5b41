package views

import (
	"mqttviz/wasm/i18n/i18ntest"
	"testing"
)

// TestCatalogueComplete checks that every entry speaks both languages
// with the same format verbs.
func TestCatalogueComplete(t *testing.T) { i18ntest.CheckComplete(t, catalogue) }

// TestCatalogueKeysUsed checks that every key passed to tr is in the
// catalogue.
func TestCatalogueKeysUsed(t *testing.T) { i18ntest.CheckKeys(t, "tr", catalogue) }

package ui

import (
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/i18n/i18ntest"
	"testing"
)

// TestCatalogueComplete checks that every entry speaks both languages
// with the same format verbs.
func TestCatalogueComplete(t *testing.T) { i18ntest.CheckComplete(t, catalogue) }

// TestCatalogueKeysUsed checks that every key passed to tr is in the
// catalogue.
func TestCatalogueKeysUsed(t *testing.T) { i18ntest.CheckKeys(t, "tr", catalogue) }

func TestTr(t *testing.T) {
	if got := tr(i18n.ZH, "player.position", 2, 9); got != "第 2 步，共 9 步" {
		t.Errorf("zh position: %q", got)
	}
	if got := tr(i18n.EN, "player.position", 2, 9); got != "Step 2 of 9" {
		t.Errorf("en position: %q", got)
	}
	if got := tr("fr", "player.play"); got != "Play" {
		t.Errorf("unknown language: %q", got)
	}
	if got := tr(i18n.EN, "no.such.key"); got != "no.such.key" {
		t.Errorf("missing key: %q", got)
	}
}

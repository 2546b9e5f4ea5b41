package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/wasm/i18n"
)

// TestUpdateNotice: the header says a new version is ready only when one
// is, in the page's language, with a button to reload.
func TestUpdateNotice(t *testing.T) {
	for lang, want := range map[string][]string{
		i18n.EN: {"A new version is ready.", "Reload"},
		i18n.ZH: {"新版本已就绪。", "重新加载"},
	} {
		if html := app.HTMLString(newHeader(lang)); strings.Contains(html, "update-notice") {
			t.Errorf("%s: the notice shows with no new version", lang)
		}
		h := newHeader(lang)
		h.updateReady = true
		html := app.HTMLString(h)
		for _, w := range append(want, `id="update-notice"`, `role="status"`, `id="update-reload"`) {
			if !strings.Contains(html, w) {
				t.Errorf("%s: the notice lacks %s: %s", lang, w, html)
			}
		}
	}
}

// TestUpdatedNotice: the first page of a new version says so quietly, in
// the page's language, and the notice of a waiting version wins.
func TestUpdatedNotice(t *testing.T) {
	for lang, want := range map[string]string{i18n.EN: "mqttviz has been updated.", i18n.ZH: "mqttviz 已更新到新版本。"} {
		h := newHeader(lang)
		h.updated = true
		if html := app.HTMLString(h); !strings.Contains(html, want) || !strings.Contains(html, `id="update-done"`) {
			t.Errorf("%s: the quiet notice lacks %q: %s", lang, want, html)
		}
		both := newHeader(lang)
		both.updated, both.updateReady = true, true
		if html := app.HTMLString(both); strings.Contains(html, `id="update-done"`) || !strings.Contains(html, `id="update-notice"`) {
			t.Errorf("%s: with a version waiting, the page shows %s", lang, html)
		}
	}
}

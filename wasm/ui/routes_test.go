package ui

import (
	"mqttviz/sim/lessons"
	"mqttviz/wasm/i18n"
	"testing"
)

func TestPagePath(t *testing.T) {
	lesson := lessons.Lessons()[0].Name
	tests := map[string]string{
		"/":                                  "/",
		"/index.html":                        "/",
		"/lessons":                           "/lessons/",
		"/lessons/index.html":                "/lessons/",
		"/decode":                            "/decode/",
		"/decode/":                           "/decode/",
		"/decode/index.html":                 "/decode/",
		"/scenario":                          "/scenario/",
		"/trace":                             "/trace/",
		"/trace/index.html":                  "/trace/",
		"/lessons/" + lesson:                 "/lessons/" + lesson + "/",
		"/lessons/" + lesson + "/":           "/lessons/" + lesson + "/",
		"/lessons/" + lesson + "/index.html": "/lessons/" + lesson + "/",
		// Not pages: nothing else is ever pre-rendered.
		"/lessons/no-such-lesson":      "",
		"/lessons/" + lesson + ".html": "",
		"/decodeindex.html":            "",
		"/decode.html":                 "",
		"/decode//":                    "",
		"/lessons/" + lesson + "/x":    "",
		"/lessons/<script>":            "",
		"/web/app.wasm":                "",
		NotFoundPath:                   "",
		"":                             "/",
	}
	for in, want := range tests {
		got, ok := PagePath(in)
		if got != want || ok != (want != "") {
			t.Errorf("PagePath(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestTitles: every page has its own title, in each language.
func TestTitles(t *testing.T) {
	lesson := newLessonPage()
	lesson.info = lessons.Lessons()[0]
	titles := map[string]func(string) string{
		"picker":   newPickerPage().pageTitle,
		"decode":   newDecodePage().pageTitle,
		"scenario": newScenarioPage().pageTitle,
		"trace":    newTracePage().pageTitle,
		"lesson":   lesson.pageTitle,
		"none":     newLessonPage().pageTitle,
		"notfound": newNotFoundPage().pageTitle,
	}
	seen := map[string]string{}
	for page, title := range titles {
		for _, lang := range []string{i18n.EN, i18n.ZH} {
			s := title(lang)
			if other, dup := seen[s]; dup {
				t.Errorf("%s and %s are both titled %q", page, other, s)
			}
			seen[s] = page + " " + lang
		}
	}
	if got, want := lesson.pageTitle(i18n.ZH), lesson.info.Title.ZH+" · mqttviz"; got != want {
		t.Errorf("lesson title in Chinese %q, want %q", got, want)
	}
}

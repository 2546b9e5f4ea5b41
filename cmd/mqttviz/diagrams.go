package main

import (
	"net/http"

	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"mqttviz/wasm/ui"
)

// diagramLangs are the languages each lesson's picture is drawn in
// (ui.LessonDiagramPath names the files).
var diagramLangs = []string{i18n.EN, i18n.ZH}

// addLessonDiagrams adds to the assets the whole diagram of every
// built-in lesson, as trace.FormatSVG draws it (the Export menu's file),
// in both languages. Like the pages, each is made once from built-in
// names alone, before the service worker lists what it keeps offline.
func addLessonDiagrams(assets map[string]*asset) error {
	for _, name := range lessons.LessonNames() {
		t, err := lessons.RunLesson(name, 1)
		if err != nil {
			return err
		}
		for _, lang := range diagramLangs {
			assets[ui.LessonDiagramPath(name, lang)] = newAsset(http.StatusOK, textTypes[".svg"], []byte(trace.FormatSVG(t, lang)))
		}
	}
	return nil
}

package main

import (
	"net/http"

	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
)

// diagramFiles are the pictures of a lesson's sequence diagram, by the
// name of the file beside the lesson's page and the language they are
// drawn in: /lessons/qos2/diagram.svg is English, diagram.zh.svg 简体中文.
// A writer's Markdown links them (the Share dialog gives the snippet).
var diagramFiles = []struct{ name, lang string }{
	{"diagram.svg", i18n.EN},
	{"diagram.zh.svg", i18n.ZH},
}

// diagramPath is the address of the picture file of lesson name.
func diagramPath(name, file string) string {
	return "/lessons/" + name + "/" + file
}

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
		for _, f := range diagramFiles {
			assets[diagramPath(name, f.name)] = newAsset(http.StatusOK, textTypes[".svg"], []byte(trace.FormatSVG(t, f.lang)))
		}
	}
	return nil
}

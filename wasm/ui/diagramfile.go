package ui

import "mqttviz/wasm/i18n"

// LessonDiagramPath is the address inside the site of the picture of
// lesson name's whole sequence diagram in lang, an SVG file beside the
// lesson's page: /lessons/qos2/diagram.svg in English,
// /lessons/qos2/diagram.zh.svg in Chinese. `mqttviz serve` and `mqttviz
// static` write them; the Share dialog's Markdown shows them.
func LessonDiagramPath(name, lang string) string {
	file := "diagram.svg"
	if i18n.Norm(lang) == i18n.ZH {
		file = "diagram.zh.svg"
	}
	return "/lessons/" + name + "/" + file
}

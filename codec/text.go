package codec

// Text is a sentence or a name in English and in Simplified Chinese. Every
// explanation the codec gives comes in both.
type Text struct {
	EN string `json:"en"`
	ZH string `json:"zh"`
}

// In returns the text in the language lang ("en" or "zh"); any other value
// gives English.
func (t Text) In(lang string) string {
	if lang == "zh" && t.ZH != "" {
		return t.ZH
	}
	return t.EN
}

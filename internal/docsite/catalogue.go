package docsite

import (
	"bytes"
	"fmt"
	"html/template"

	"mqttviz/sim/lessons"
)

// cataloguePage is the name of the page the catalogue is.
const cataloguePage = "catalogue"

// catalogueEntry is one lesson on the catalogue page, in one language.
type catalogueEntry struct {
	Name, Title, Description, Level string
	Page, Embed                     string
}

var catalogueTemplate = template.Must(template.New("catalogue").Parse(`<p class="docs-lead">{{.Intro}}{{with .How}} {{.Text}} <a href="{{.Href}}">{{.Title}}</a>{{end}}</p>
<ol class="docs-catalogue">
{{- range .Lessons}}
<li id="lesson-{{.Name}}"><h2><a href="{{.Page}}">{{.Title}}</a></h2>
<p class="docs-meta"><span class="docs-level">{{$.LevelLabel}}: {{.Level}}</span> · <span class="visually-hidden">{{$.NameLabel}}: </span><code>{{.Name}}</code></p>
<p>{{.Description}}</p>
<p class="docs-actions"><a href="{{.Page}}">{{$.Open}}</a> · <a href="{{.Embed}}">{{$.EmbedLabel}}</a></p></li>
{{- end}}
</ol>
`))

// renderCatalogue is the body of the catalogue page in lang: every
// built-in lesson in catalogue order, its title, level, name and
// description, a link to its page and one to its embedded view, both in
// lang; and a link to the page on embedding, embed, when there is one.
func renderCatalogue(base, lang string, embed *navLink) ([]byte, error) {
	var entries []catalogueEntry
	for _, l := range lessons.Lessons() {
		lv, ok := levels[l.Name]
		if !ok {
			return nil, fmt.Errorf("the lesson %s has no level in internal/docsite/levels.go", l.Name)
		}
		entries = append(entries, catalogueEntry{
			Name:        l.Name,
			Title:       l.Title.In(lang),
			Description: l.Description.In(lang),
			Level:       tr(lang, string(lv)),
			Page:        base + "lessons/" + l.Name + "/?lang=" + lang,
			Embed:       base + "embed/lessons/" + l.Name + "/?lang=" + lang,
		})
	}
	var out bytes.Buffer
	var how map[string]string
	if embed != nil {
		how = map[string]string{"Text": tr(lang, "catalogue.how"), "Href": embed.Href, "Title": embed.Text}
	}
	err := catalogueTemplate.Execute(&out, map[string]any{
		"Intro": tr(lang, "catalogue.intro"), "How": how, "Lessons": entries,
		"LevelLabel": tr(lang, "catalogue.level"), "NameLabel": tr(lang, "catalogue.name"),
		"Open": tr(lang, "catalogue.open"), "EmbedLabel": tr(lang, "catalogue.embed"),
	})
	return out.Bytes(), err
}

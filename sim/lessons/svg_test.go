package lessons

import (
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/trace"
)

// TestSVGGolden compares the diagrams of two lessons, in English and in
// Chinese, with testdata/svg/LESSON.LANG.svg (rewrite with -update and
// look at them in a browser).
func TestSVGGolden(t *testing.T) {
	for _, name := range []string{"qos2-lost-pubrec", "will-keepalive"} {
		tr, err := RunLesson(name, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "zh"} {
			simtest.Golden(t, filepath.Join("testdata", "svg", name+"."+lang+".svg"), trace.FormatSVG(tr, lang))
		}
	}
}

// TestSVGLessons parses every lesson's diagram, in both languages, with
// encoding/xml, and checks that every packet's whole label is in it as
// the tooltip of its arrow.
func TestSVGLessons(t *testing.T) {
	for _, l := range Lessons() {
		tr, err := RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "zh"} {
			titles := map[string]bool{}
			dec := xml.NewDecoder(strings.NewReader(trace.FormatSVG(tr, lang)))
			inTitle := false
			for {
				tok, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("%s (%s): not well-formed: %v", l.Name, lang, err)
				}
				switch tok := tok.(type) {
				case xml.StartElement:
					inTitle = tok.Name.Local == "title"
				case xml.CharData:
					if inTitle {
						titles[string(tok)] = true
					}
				case xml.EndElement:
					inTitle = false
				}
			}
			for _, s := range tr.Steps {
				if s.Kind != trace.KindPacket {
					continue
				}
				label := s.Label.In(lang)
				found := false
				for title := range titles {
					found = found || strings.HasPrefix(title, label)
				}
				if !found {
					t.Errorf("%s (%s): step %d's label %q is not in the diagram", l.Name, lang, s.Index, label)
				}
			}
		}
	}
}

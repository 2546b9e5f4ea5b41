package trace

import (
	"math"
	"strconv"
	"strings"
)

// svgXML writes the elements of an SVG document. Every attribute value
// and every text goes through escape: markup characters become
// references and characters XML cannot hold (control characters,
// U+FFFE, ill-formed UTF-8) become U+FFFD, so that no topic, client id,
// payload or note breaks the file.
type svgXML struct {
	b strings.Builder
}

// attrs are an element's attributes, name then value, in order; a value
// is a string, an int or a float64 (written to one decimal).
type attrs []any

// open writes a start tag.
func (x *svgXML) open(tag string, a attrs) {
	x.b.WriteByte('<')
	x.b.WriteString(tag)
	x.attrs(a)
	x.b.WriteString(">")
}

// close writes an end tag and a line break.
func (x *svgXML) close(tag string) {
	x.b.WriteString("</" + tag + ">\n")
}

// empty writes an element without content.
func (x *svgXML) empty(tag string, a attrs) {
	x.b.WriteByte('<')
	x.b.WriteString(tag)
	x.attrs(a)
	x.b.WriteString("/>\n")
}

// text writes an element holding the text s.
func (x *svgXML) text(tag string, a attrs, s string) {
	x.open(tag, a)
	x.escape(s)
	x.close(tag)
}

// inline writes an element holding s with no line break after it, for
// the <tspan>s of one <text>.
func (x *svgXML) inline(tag string, a attrs, s string) {
	x.open(tag, a)
	x.escape(s)
	x.b.WriteString("</" + tag + ">")
}

func (x *svgXML) attrs(a attrs) {
	for i := 0; i+1 < len(a); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(a[i].(string))
		x.b.WriteString(`="`)
		switch v := a[i+1].(type) {
		case int:
			x.b.WriteString(strconv.Itoa(v))
		case float64:
			x.b.WriteString(strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64))
		case string:
			x.escape(v)
		}
		x.b.WriteByte('"')
	}
}

// xmlEscapes are the characters written as references: markup, and the
// white space an attribute value would otherwise normalise.
var xmlEscapes = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;",
	"\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")

// escape writes s as XML character data or an attribute value (in double
// quotes): ill-formed UTF-8 and characters XML 1.0 cannot hold become
// U+FFFD, markup characters references.
func (x *svgXML) escape(s string) {
	x.b.WriteString(xmlEscapes.Replace(strings.Map(xmlChar, s)))
}

// xmlChar is r when XML 1.0 can hold it (its production Char), else
// U+FFFD.
func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r',
		r >= 0x20 && r <= 0xd7ff,
		r >= 0xe000 && r <= 0xfffd,
		r >= 0x10000 && r <= 0x10ffff:
		return r
	}
	return '\ufffd'
}

package views

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const svgNS = "http://www.w3.org/2000/svg"

// SVG returns an SVG element: go-app creates it in the SVG namespace only
// when XMLNS is set, so every SVG element goes through here.
//
// SVG elements take their CSS classes from a data-c attribute, matched in
// the style sheet with [data-c~=name]: go-app sets a class through the
// className property, which SVG elements do not let a script write.
func SVG(tag string) app.HTMLElem {
	return app.Elem(tag).XMLNS(svgNS)
}

// svgText is an SVG <text> at x, y holding s as a text node.
func svgText(x, y int, class, s string) app.HTMLElem {
	return SVG("text").Attr("x", x).Attr("y", y).Attr("data-c", class).Text(s)
}

// svgLine is an SVG <line>.
func svgLine(x1, y1, x2, y2 int, class string) app.HTMLElem {
	return SVG("line").Attr("x1", x1).Attr("y1", y1).Attr("x2", x2).Attr("y2", y2).Attr("data-c", class)
}

// px formats n as a CSS length.
func px(n int) string { return strconv.Itoa(n) + "px" }

package ui

import (
	"math"
	"os"
	"regexp"
	"strconv"
	"testing"
)

// styleSheet is the app's CSS, served from web/.
const styleSheet = "../../web/mqttviz.css"

// cssColours reads the #rrggbb custom properties of the style sheet's
// :root block.
func cssColours(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(styleSheet)
	if err != nil {
		t.Fatal(err)
	}
	root := regexp.MustCompile(`(?s):root\s*\{(.*?)\n\}`).FindSubmatch(b)
	if root == nil {
		t.Fatalf("%s has no :root block", styleSheet)
	}
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;`).FindAllSubmatch(root[1], -1) {
		out[string(m[1])] = string(m[2])
	}
	return out
}

// luminance is the WCAG 2 relative luminance of #rrggbb.
func luminance(hex string) float64 {
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestTextContrast checks that every colour the app writes small text in
// keeps 4.5:1 (WCAG 2 AA) on every background such text sits on: the
// panels, the page, the diagram, a hovered row and the current step's
// highlight. The flows' colours are text too: arrow labels and the
// event list's packets.
func TestTextContrast(t *testing.T) {
	col := cssColours(t)
	texts := []string{"ink", "muted", "accent", "flow-connect", "flow-publish", "flow-ack", "flow-subscribe", "flow-ping"}
	backs := []string{"panel", "bg", "diagram-bg", "hover", "current"}
	for _, fg := range texts {
		for _, bg := range backs {
			f, okf := col[fg]
			b, okb := col[bg]
			if !okf || !okb {
				t.Fatalf("%s lacks --%s or --%s", styleSheet, fg, bg)
			}
			if r := contrast(f, b); r < 4.5 {
				t.Errorf("--%s %s on --%s %s: %.2f:1, small text needs 4.5:1", fg, f, bg, b, r)
			}
		}
	}
	// The broker's name, white on its dark head.
	if r := contrast("#ffffff", col["accent"]); r < 4.5 {
		t.Errorf("white on --accent %s: %.2f:1", col["accent"], r)
	}
}

func TestContrastKnownValues(t *testing.T) {
	// The ratios the issue measured with axe-core before the fix.
	for _, c := range []struct {
		fg, bg string
		want   float64
	}{
		{"#3b7fc4", "#ffffff", 4.18},
		{"#d9822b", "#fff4d6", 2.66},
		{"#000000", "#ffffff", 21},
	} {
		if got := contrast(c.fg, c.bg); got < c.want-0.01 || got > c.want+0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", c.fg, c.bg, got, c.want)
		}
	}
}

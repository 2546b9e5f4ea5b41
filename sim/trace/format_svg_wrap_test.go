package trace

import (
	"strings"
	"testing"
)

// TestWrapText checks the notes' line breaks: between words in English,
// between any two characters in Chinese, no line wider than the column,
// and a cut marked with "…" past the last line.
func TestWrapText(t *testing.T) {
	f := svgFont{colW: 10}
	for _, c := range []struct {
		s    string
		maxW float64
		n    int
		want []string
	}{
		{"", 100, 3, []string{""}},
		{"one two three", 100, 3, []string{"one two", "three"}},
		{"one two three four five six", 90, 2, []string{"one two", "three…"}},
		{"保留消息与遗嘱", 80, 3, []string{"保留消息", "与遗嘱"}},
		{"QoS 2 的消息已送达", 80, 3, []string{"QoS 2 的", "消息已送", "达"}},
		{"abcdefghijkl", 50, 3, []string{"abcde", "fghij", "kl"}},
		{"one two three", 80, 3, []string{"one two", "three"}},
		{"ab cd ef", 50, 3, []string{"ab cd", "ef"}},
		{"a\nb\tc", 100, 3, []string{"a b c"}},
		{"保留消息，遗嘱", 40, 4, []string{"保留", "消", "息，", "遗嘱"}},
		{"保留消息，遗嘱", 40, 3, []string{"保留", "消", "息…"}},
		{"标识符是 2；服务端", 90, 3, []string{"标识符是", "2；服务端"}},
	} {
		got := wrapText(f, c.s, c.maxW, c.n)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapText(%q, %v, %d) = %q, want %q", c.s, c.maxW, c.n, got, c.want)
		}
		for _, l := range got {
			if f.width(l) > c.maxW {
				t.Errorf("line %q is %v wide, over %v", l, f.width(l), c.maxW)
			}
		}
	}
}

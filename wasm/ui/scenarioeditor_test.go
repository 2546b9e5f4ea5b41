package ui

import "testing"

func TestLineRange(t *testing.T) {
	src := "title en: Two expectations\ndescribe en: The second one fails.\nclient a\nconnect a\nexpect a connected\nexpect a disconnected\n"
	for _, tt := range []struct {
		src           string
		line, col     int
		wantAt, wantE int
	}{
		{src, 6, 1, 100, 121},
		{src, 1, 1, 0, 26},
		{src, 1, 7, 6, 26},
		{src, 7, 1, 122, 122},
		{src, 9, 1, 122, 122},
		{src, 3, 40, 70, 70},
		{"a\n中文 x\n", 2, 4, 2 + 3, 2 + 4},
		{"😀 x\nb", 1, 3, 3, 4},
		{"😀 x\nb", 2, 1, 5, 6},
		{"", 1, 1, 0, 0},
	} {
		at, end := lineRange(tt.src, tt.line, tt.col)
		if at != tt.wantAt || end != tt.wantE {
			t.Errorf("lineRange(%q, %d, %d) = %d, %d; want %d, %d", tt.src, tt.line, tt.col, at, end, tt.wantAt, tt.wantE)
		}
	}
}

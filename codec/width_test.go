package codec

import "testing"

func TestDisplayWidth(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"CONNECT 0x10", 12},
		{"Remaining Length", 16},
		{"剩余长度", 8},            // CJK ideographs
		{"固定报头 = CONNECT", 18}, // mixed
		{"遗嘱，保留消息。", 16},       // CJK punctuation and a fullwidth comma
		{"ＭＱＴＴ１", 10},          // fullwidth Latin and digits
		{"ｱｲ", 2},              // halfwidth katakana are narrow
		{"カタカナ", 8},            // katakana
		{"한국어", 6},             // Hangul syllables
		{"\u1100\u1161", 3},    // a Hangul initial Jamo (wide) and a medial one (narrow)
		{"e\u0301", 1},         // e and a combining acute accent
		{"a\u200bb", 2},        // a zero-width space
		{"→ · … — ✓", 9},       // arrows and punctuation that terminals show narrow
		{"\u303f", 1},          // the half-width ideographic space
		{"𠀀", 2},               // a supplementary-plane ideograph
		{"🙂", 2},               // an emoji
		{"\xff\xfe", 2},        // ill-formed UTF-8: a column a byte
		{"\ufffd", 1},          // the replacement character itself
		{"\u00ad", 1},          // the soft hyphen, which terminals show
		{"第 7 位", 7},
	} {
		if got := DisplayWidth(c.s); got != c.want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

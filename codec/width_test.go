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

// TestRuneWidth: DisplayWidth is the sum of RuneWidth, and the three
// widths each have their kind of character.
func TestRuneWidth(t *testing.T) {
	for r, want := range map[rune]int{'a': 1, '中': 2, '！': 2, '\u0301': 0, '\u200b': 0, '→': 1, '한': 2} {
		if got := RuneWidth(r); got != want {
			t.Errorf("RuneWidth(%q) = %d, want %d", r, got, want)
		}
	}
	s := "a中！\u0301→한"
	sum := 0
	for _, r := range s {
		sum += RuneWidth(r)
	}
	if DisplayWidth(s) != sum {
		t.Errorf("DisplayWidth %d, sum of RuneWidth %d", DisplayWidth(s), sum)
	}
}

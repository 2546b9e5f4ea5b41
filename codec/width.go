package codec

import "unicode"

// DisplayWidth is the number of terminal columns s takes in a monospaced
// font, as the native command's tables and the trace's text writer align
// it: two for a wide or fullwidth East Asian character (Unicode's East
// Asian Width W or F: CJK ideographs and punctuation, kana, Hangul,
// fullwidth forms, the common emoji blocks), none for a combining mark or
// a zero-width format character from U+0300 on (marks draw on the
// character before them; the soft hyphen U+00AD, which terminals show,
// counts one), one for anything else. Ambiguous characters (·, →, …) count one,
// as terminals set for Chinese mostly show them too. Ill-formed UTF-8
// counts one column a byte, as U+FFFD.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += RuneWidth(r)
	}
	return n
}

// RuneWidth is the number of terminal columns r takes: 2 for an East
// Asian wide or fullwidth character, 0 for a combining mark or a format
// character, 1 otherwise. DisplayWidth is the sum over a string; the
// diagram's label fitting weighs each rune by it too.
func RuneWidth(r rune) int {
	switch {
	case r < 0x300: // ASCII and Latin: no wide or zero-width character
		return 1
	case isWide(r):
		return 2
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	}
	return 1
}

// isWide reports whether r is East Asian Wide or Fullwidth, by blocks:
// Hangul Jamo initials, CJK radicals to Yi (but U+303F, a half-width
// space), Hangul Jamo Extended-A, Hangul syllables, CJK compatibility
// ideographs, vertical forms, CJK compatibility forms and small form
// variants, fullwidth forms, the emoji of the Miscellaneous Symbols and
// Pictographs to Emoticons and the Supplemental Symbols and Pictographs
// blocks, and the supplementary ideographic planes.
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115F:
		return true
	case r < 0x2E80:
		return false
	case r <= 0xA4CF:
		return r != 0x303F
	}
	return 0xA960 <= r && r <= 0xA97F || 0xAC00 <= r && r <= 0xD7A3 ||
		0xF900 <= r && r <= 0xFAFF || 0xFE10 <= r && r <= 0xFE19 ||
		0xFE30 <= r && r <= 0xFE6F || 0xFF00 <= r && r <= 0xFF60 ||
		0xFFE0 <= r && r <= 0xFFE6 || 0x1F300 <= r && r <= 0x1F64F ||
		0x1F900 <= r && r <= 0x1F9FF || 0x20000 <= r && r <= 0x3FFFD
}

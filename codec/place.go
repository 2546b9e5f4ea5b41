package codec

import (
	"errors"
	"strconv"
	"strings"
)

// Place is where a Part sits in its field: a range of bits of a flags
// byte, or one byte of a multi-byte field such as the Remaining Length.
// The annotator fills it; readers switch on IsByte instead of parsing
// its text.
type Place struct {
	// Byte is the part's byte counted from 1 within the fixed header (the
	// Remaining Length starts at byte 1), or 0 for a bit range.
	Byte int
	// Hi and Lo are the highest and lowest bit of a bit range, 7 the most
	// significant; equal for a single bit.
	Hi, Lo int
}

// BitPlace is the single bit n of a flags byte.
func BitPlace(n int) Place { return Place{Hi: n, Lo: n} }

// BitsPlace is bits hi down to lo of a flags byte.
func BitsPlace(hi, lo int) Place { return Place{Hi: hi, Lo: lo} }

// BytePlace is byte n of a multi-byte field.
func BytePlace(n int) Place { return Place{Byte: n} }

// IsByte reports whether the place is a byte rather than a bit range.
func (p Place) IsByte() bool { return p.Byte > 0 }

// String is the place as a bit table writes it: "7-4", "3", or "byte 1".
func (p Place) String() string {
	switch {
	case p.IsByte():
		return "byte " + strconv.Itoa(p.Byte)
	case p.Hi == p.Lo:
		return strconv.Itoa(p.Hi)
	}
	return strconv.Itoa(p.Hi) + "-" + strconv.Itoa(p.Lo)
}

// Name is the place in words, in English and Chinese: "bits 2-1"
// (第 2-1 位), "bit 0" (第 0 位), "byte 1" (第 1 字节).
func (p Place) Name() Text {
	if p.IsByte() {
		n := strconv.Itoa(p.Byte)
		return Text{EN: "byte " + n, ZH: "第 " + n + " 字节"}
	}
	bits, word := p.String(), "bits "
	if p.Hi == p.Lo {
		word = "bit "
	}
	return Text{EN: word + bits, ZH: "第 " + bits + " 位"}
}

// MarshalText writes the place as String does.
func (p Place) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads what MarshalText writes.
func (p *Place) UnmarshalText(b []byte) error {
	s := string(b)
	if n, ok := strings.CutPrefix(s, "byte "); ok {
		i, err := strconv.Atoi(n)
		if err != nil || i < 1 {
			return errors.New("codec: bad byte place " + strconv.Quote(s))
		}
		*p = BytePlace(i)
		return nil
	}
	hi, lo, ok := strings.Cut(s, "-")
	if !ok {
		lo = hi
	}
	h, err1 := strconv.Atoi(hi)
	l, err2 := strconv.Atoi(lo)
	if err1 != nil || err2 != nil || h < l || l < 0 || h > 7 {
		return errors.New("codec: bad bit place " + strconv.Quote(s))
	}
	*p = BitsPlace(h, l)
	return nil
}

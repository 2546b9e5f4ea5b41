package ui

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestParseHex(t *testing.T) {
	tests := []struct {
		in   string
		want []byte
		bad  bool
	}{
		{in: "30 0b 00 04", want: []byte{0x30, 0x0b, 0x00, 0x04}},
		{in: "300b0004", want: []byte{0x30, 0x0b, 0x00, 0x04}},
		{in: "0x30, 0x0B,\n0X00;04", want: []byte{0x30, 0x0b, 0x00, 0x04}},
		{in: "  ", want: nil},
		{in: "3", bad: true},
		{in: "30 zz", bad: true},
		{in: "30 0b0", bad: true},
		{in: "30-0b", bad: true},
		{in: "é0", bad: true},
	}
	for _, tt := range tests {
		got, err := parseHex(tt.in)
		if (err != nil) != tt.bad {
			t.Errorf("parseHex(%q) error %v, want error %v", tt.in, err, tt.bad)
			continue
		}
		if !bytes.Equal(got, tt.want) {
			t.Errorf("parseHex(%q) = % x, want % x", tt.in, got, tt.want)
		}
	}
}

func TestHexByte(t *testing.T) {
	for b := 0; b < 256; b++ {
		got, err := parseHex(hexByte(byte(b)))
		if err != nil || len(got) != 1 || got[0] != byte(b) {
			t.Fatalf("hexByte(%d) = %q does not parse back", b, hexByte(byte(b)))
		}
	}
}

// TestParseHexErrorSpeaksBoth checks that a bad paste is explained in
// the page's language, with a long piece of it cut short.
func TestParseHexErrorSpeaksBoth(t *testing.T) {
	for _, in := range []string{"30 0b 0", "30 zz", strings.Repeat("a", 10001), "30-0b", "30 0b 中"} {
		_, err := parseHex(in)
		var he *hexError
		if !errors.As(err, &he) {
			t.Fatalf("parseHex(%.20q): %v is not a *hexError", in, err)
		}
		if he.Text.EN == "" || he.Text.ZH == "" || !strings.ContainsAny(he.Text.ZH, "奇数十六进制") {
			t.Errorf("parseHex(%.20q): %+v", in, he.Text)
		}
		if len(he.Text.EN) > 140 {
			t.Errorf("parseHex(%.20q): a %d-byte message", in, len(he.Text.EN))
		}
	}
}

func TestPartPlace(t *testing.T) {
	for _, tt := range []struct{ lang, bits, want string }{
		{langEN, "7-4", "7-4"},
		{langZH, "7-4", "7-4"},
		{langEN, "byte 2", "byte 2"},
		{langZH, "byte 2", "第 2 字节"},
	} {
		if got := partPlace(tt.lang, tt.bits); got != tt.want {
			t.Errorf("partPlace(%s, %q) = %q, want %q", tt.lang, tt.bits, got, tt.want)
		}
	}
}

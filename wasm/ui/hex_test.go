package ui

import (
	"bytes"
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

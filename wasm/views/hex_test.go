package views

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/wasm/i18n"
)

func TestHexByte(t *testing.T) {
	for b := 0; b < 256; b++ {
		got, err := codec.ParseHex(hexByte(byte(b)))
		if err != nil || len(got) != 1 || got[0] != byte(b) {
			t.Fatalf("hexByte(%d) = %q does not parse back", b, hexByte(byte(b)))
		}
	}
}

func TestPartPlace(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		place codec.Place
		want  string
	}{
		{i18n.EN, codec.BitsPlace(7, 4), "7-4"},
		{i18n.ZH, codec.BitsPlace(7, 4), "7-4"},
		{i18n.ZH, codec.BitPlace(0), "0"},
		{i18n.EN, codec.BytePlace(2), "byte 2"},
		{i18n.ZH, codec.BytePlace(2), "第 2 字节"},
	} {
		if got := partPlace(tt.lang, tt.place); got != tt.want {
			t.Errorf("partPlace(%s, %v) = %q, want %q", tt.lang, tt.place, got, tt.want)
		}
	}
}

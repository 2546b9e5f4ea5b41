package codec

import (
	"strings"
	"testing"
)

// TestValueTexts: values that carry words come in both languages; numbers,
// hex and quoted strings read the same in both.
func TestValueTexts(t *testing.T) {
	long := strings.Repeat("x", 70)
	bin := make([]byte, 70)
	cases := []struct {
		name   string
		got    Text
		en, zh string
	}{
		{"empty bytes", showBytes(nil), "(empty)", "（空）"},
		{"text bytes", showBytes([]byte("on")), `"on"`, `"on"`},
		{"short binary", showBytes([]byte{0, 0xff}), "00 ff", "00 ff"},
		{"long binary", showBytes(bin), strings.Repeat("00 ", 63) + "00 … (70 bytes)", strings.Repeat("00 ", 63) + "00 …（共 70 个字节）"},
		{"short string", quote("a/b"), `"a/b"`, `"a/b"`},
		{"long string", quote(long), `"` + long[:64] + `"… (70 bytes)`, `"` + long[:64] + `"…（共 70 个字节）`},
		{"keep alive", seconds(60), "60 s", "60 秒"},
		{"CONNACK code", codeValue("0", ConnackCode(0).Meaning()), "0 = connection accepted", "0 = 连接已接受"},
	}
	for _, c := range cases {
		if c.got.EN != c.en || c.got.ZH != c.zh {
			t.Errorf("%s: %q / %q, want %q / %q", c.name, c.got.EN, c.got.ZH, c.en, c.zh)
		}
	}
}

// TestAnnotateValueLanguages: a field's value follows the language asked
// for, and no value is left without its Chinese.
func TestAnnotateValueLanguages(t *testing.T) {
	a := Annotate([]byte{0x3b, 0x05, 0x00, 0x01, 'a', 0x00, 0x01})
	if got := a.Fields[0].Value; got.EN != "PUBLISH, QoS 1, DUP, RETAIN" || got.ZH != "PUBLISH，QoS 1，DUP，RETAIN" {
		t.Errorf("first byte value %+v", got)
	}
	for _, f := range fixtures {
		for _, fl := range Annotate(f.raw).Fields {
			if fl.Value.EN == "" || fl.Value.ZH == "" {
				t.Errorf("%s: %s value %+v lacks a language", f.name, fl.Name.EN, fl.Value)
			}
			for _, p := range fl.Parts {
				if p.Value.EN == "" || p.Value.ZH == "" {
					t.Errorf("%s: %s part %s value %+v lacks a language", f.name, fl.Name.EN, p.Place, p.Value)
				}
			}
		}
	}
}

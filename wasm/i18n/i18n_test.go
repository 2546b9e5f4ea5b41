package i18n

import (
	"testing"

	"mqttviz/codec"
)

func TestTr(t *testing.T) {
	c := Gather(map[string]codec.Text{"pos": {EN: "Step %d of %d", ZH: "第 %d 步，共 %d 步"}, "play": {EN: "Play", ZH: "播放"}})
	for _, tt := range []struct {
		lang, key string
		args      []any
		want      string
	}{
		{ZH, "pos", []any{2, 9}, "第 2 步，共 9 步"},
		{EN, "pos", []any{2, 9}, "Step 2 of 9"},
		{"fr", "play", nil, "Play"},
		{EN, "no.such.key", nil, "no.such.key"},
	} {
		if got := c.Tr(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("Tr(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
}

func TestGatherRefusesTwice(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a key defined twice did not panic")
		}
	}()
	Gather(map[string]codec.Text{"a": {EN: "x"}}, map[string]codec.Text{"a": {EN: "y"}})
}

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{"zh": ZH, "en": EN, "fr": EN, "": EN, "ZH": EN} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

package trace

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestHexBytesJSON(t *testing.T) {
	for _, tc := range []struct {
		b    HexBytes
		json string
	}{
		{HexBytes{0x10, 0x22, 0x00, 0x04}, `"10 22 00 04"`},
		{HexBytes{0xc0}, `"c0"`},
		{HexBytes{}, `""`},
	} {
		got, err := json.Marshal(tc.b)
		if err != nil || string(got) != tc.json {
			t.Errorf("Marshal(% x) = %s, %v; want %s", []byte(tc.b), got, err, tc.json)
		}
		var back HexBytes
		if err := json.Unmarshal(got, &back); err != nil || !bytes.Equal(back, tc.b) {
			t.Errorf("Unmarshal(%s) = % x, %v", got, []byte(back), err)
		}
	}
	var h HexBytes
	if err := json.Unmarshal([]byte(`"3A 0b  00"`), &h); err != nil || !bytes.Equal(h, []byte{0x3a, 0x0b, 0x00}) {
		t.Errorf("upper case and extra spaces: % x, %v", []byte(h), err)
	}
	for _, bad := range []string{`"1"`, `"zz"`, `"100"`, `12`} {
		if err := json.Unmarshal([]byte(bad), &h); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
	if err := json.Unmarshal([]byte(`null`), &h); err != nil || h != nil {
		t.Errorf("Unmarshal(null) = % x, %v; want nil", []byte(h), err)
	}
	// A step omits empty bytes.
	s, _ := json.Marshal(Step{Kind: KindNote})
	if bytes.Contains(s, []byte("bytes")) {
		t.Errorf("empty bytes not omitted: %s", s)
	}
}

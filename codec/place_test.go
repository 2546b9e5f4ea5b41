package codec

import (
	"encoding/json"
	"testing"
)

// TestPlaceNames checks each kind of place: its table text, its name in
// both languages, and that its JSON reads back the same.
func TestPlaceNames(t *testing.T) {
	for _, tt := range []struct {
		p            Place
		text, en, zh string
		isByte       bool
	}{
		{BitsPlace(7, 4), "7-4", "bits 7-4", "第 7-4 位", false},
		{BitPlace(0), "0", "bit 0", "第 0 位", false},
		{BitPlace(3), "3", "bit 3", "第 3 位", false},
		{BytePlace(1), "byte 1", "byte 1", "第 1 字节", true},
		{BytePlace(4), "byte 4", "byte 4", "第 4 字节", true},
	} {
		if got := tt.p.String(); got != tt.text {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.text)
		}
		if got := tt.p.Name(); got.EN != tt.en || got.ZH != tt.zh {
			t.Errorf("%+v.Name() = %+v, want %q / %q", tt.p, got, tt.en, tt.zh)
		}
		if tt.p.IsByte() != tt.isByte {
			t.Errorf("%+v.IsByte() = %v", tt.p, !tt.isByte)
		}
		b, err := json.Marshal(tt.p)
		var back Place
		if err != nil || json.Unmarshal(b, &back) != nil || back != tt.p {
			t.Errorf("%+v: JSON %s reads back as %+v (%v)", tt.p, b, back, err)
		}
	}
	for _, bad := range []string{`"byte 0"`, `"byte x"`, `"1-4"`, `"8"`, `""`, `"bits 7-4"`} {
		var p Place
		if err := json.Unmarshal([]byte(bad), &p); err == nil {
			t.Errorf("%s read as %+v, want an error", bad, p)
		}
	}
}

// TestAnnotatePlaces checks that the annotator places the Remaining
// Length's parts on bytes and every flags part on bits.
func TestAnnotatePlaces(t *testing.T) {
	a := Annotate([]byte{0x32, 0x81, 0x01}) // a PUBLISH cut short: Remaining Length 129 in two bytes
	var places []string
	for _, f := range a.Fields {
		for _, p := range f.Parts {
			places = append(places, p.Place.Name().EN)
		}
	}
	want := []string{"bits 7-4", "bit 3", "bits 2-1", "bit 0", "byte 1", "byte 2"}
	if len(places) != len(want) {
		t.Fatalf("places %q, want %q", places, want)
	}
	for i := range want {
		if places[i] != want[i] {
			t.Errorf("place %d = %q, want %q", i, places[i], want[i])
		}
	}
}

// TestPacketTypeText checks that every packet type's JSON is its name and
// reads back, and that an unknown name is an error.
func TestPacketTypeText(t *testing.T) {
	for i := range 16 {
		typ := PacketType(i)
		b, err := json.Marshal(typ)
		if err != nil || string(b) != `"`+typ.String()+`"` {
			t.Errorf("%v: JSON %s, %v", typ, b, err)
		}
		var back PacketType
		if err := json.Unmarshal(b, &back); err != nil || back != typ {
			t.Errorf("%s reads back as %v (%v)", b, back, err)
		}
	}
	for _, bad := range []string{`"publish"`, `"PacketType(16)"`, `""`, `3`} {
		var typ PacketType
		if err := json.Unmarshal([]byte(bad), &typ); err == nil {
			t.Errorf("%s read as %v, want an error", bad, typ)
		}
	}
	if _, err := json.Marshal(PacketType(16)); err == nil {
		t.Error("PacketType(16) marshalled, want an error")
	}
}

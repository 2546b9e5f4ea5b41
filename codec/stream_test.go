package codec

import (
	"bytes"
	"errors"
	"slices"
	"testing"
)

func TestSplitStream(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		offsets []int
		missing int // of the last packet
		lastErr *Error
	}{
		{"PINGREQ then PINGRESP", []byte{0xc0, 0, 0xd0, 0}, []int{0, 2}, 0, nil},
		{"one packet", []byte{0x20, 2, 0, 0}, []int{0}, 0, nil},
		{"the seed's PUBLISH: Remaining Length 11, 9 bytes follow", []byte{0x30, 0x0b, 0, 4, '1', '1', '1', '1', '9', '9', '9'}, []int{0}, 2, ErrIncomplete},
		{"a complete packet, then one cut short", []byte{0xc0, 0, 0x40, 2, 0}, []int{0, 2}, 1, ErrIncomplete},
		{"cut inside the fixed header", []byte{0xc0, 0, 0x30, 0x80}, []int{0, 2}, 0, ErrIncomplete},
		{"a malformed Remaining Length ends the cutting", []byte{0xc0, 0, 0x30, 0x80, 0x80, 0x80, 0x80, 0x01, 0xc0, 0}, []int{0, 2}, 0, ErrRemainingLengthTooLong},
		{"a malformed packet does not stop the stream", []byte{0x60, 2, 0, 1, 0xe0, 0}, []int{0, 4}, 0, nil},
		{"a reserved type is still framed", []byte{0xf0, 0, 0xc0, 0}, []int{0, 2}, 0, nil},
		{"nothing", nil, nil, 0, nil},
	}
	for _, tt := range tests {
		ps := SplitStream(tt.in)
		var offsets []int
		for _, p := range ps {
			offsets = append(offsets, p.Offset)
		}
		if !slices.Equal(offsets, tt.offsets) {
			t.Errorf("%s: offsets %v, want %v", tt.name, offsets, tt.offsets)
			continue
		}
		if len(ps) == 0 {
			continue
		}
		last := ps[len(ps)-1]
		if last.Missing != tt.missing {
			t.Errorf("%s: %d bytes missing, want %d", tt.name, last.Missing, tt.missing)
		}
		a := Annotate(last.Bytes)
		if tt.lastErr == nil && a.Err != nil && !a.Err.Malformed() || tt.lastErr != nil && !errors.Is(a.Err, tt.lastErr) {
			t.Errorf("%s: the last packet's verdict %v, want %v", tt.name, a.Err, tt.lastErr)
		}
	}
}

// TestSplitStreamSeedExplained: the seed's PUBLISH read as a stream is
// explained as it is read alone.
func TestSplitStreamSeedExplained(t *testing.T) {
	seed := []byte{0x30, 0x0b, 0, 4, '1', '1', '1', '1', '9', '9', '9'}
	ps := SplitStream(seed)
	got := Annotate(ps[0].Bytes).Err
	want := "Remaining Length says 11 but 9 bytes follow: the packet is incomplete, or the Remaining Length is wrong."
	if got == nil || got.Offset != 1 || got.Message.EN != want || got.Message.ZH == "" {
		t.Errorf("the seed's fault %+v, want %q at offset 1", got, want)
	}
}

// FuzzSplitStream: the packets cover the stream in order, every packet
// but the last is exactly one frame, and a stream of whole packets is
// cut back into them.
func FuzzSplitStream(f *testing.F) {
	addFixtureSeeds(f)
	f.Add([]byte{0xc0, 0, 0xd0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		ps := SplitStream(b)
		var joined []byte
		for i, p := range ps {
			if p.Offset != len(joined) || len(p.Bytes) == 0 {
				t.Fatalf("% x: packet %d at %d of %d bytes, after %d", b, i, p.Offset, len(p.Bytes), len(joined))
			}
			joined = append(joined, p.Bytes...)
			n, err := FrameLength(p.Bytes)
			if i < len(ps)-1 && (err != nil || n != len(p.Bytes) || p.Missing != 0) {
				t.Fatalf("% x: packet %d (% x) is not one frame", b, i, p.Bytes)
			}
			if p.Missing < 0 || p.Missing > 0 && (err != nil || n != len(p.Bytes)+p.Missing) {
				t.Fatalf("% x: packet %d misses %d", b, i, p.Missing)
			}
		}
		if !bytes.Equal(joined, b) {
			t.Fatalf("% x: packets join to % x", b, joined)
		}
		if len(ps) > 0 {
			last := ps[len(ps)-1].Bytes
			if n, err := FrameLength(last); err == nil && n == len(last) {
				more := SplitStream(append(append([]byte{}, b...), 0xc0, 0))
				if len(more) != len(ps)+1 || !bytes.Equal(more[len(ps)].Bytes, []byte{0xc0, 0}) {
					t.Fatalf("% x: a PINGREQ after whole packets is not a packet of its own", b)
				}
			}
		}
	})
}

package codec

import (
	"bytes"
	"errors"
	"testing"
)

// stream is every valid fixture back to back, and the frames it holds.
func stream() ([]byte, [][]byte) {
	var all []byte
	var frames [][]byte
	for _, f := range fixtures {
		if f.valid() {
			all = append(all, f.raw...)
			frames = append(frames, f.raw)
		}
	}
	return all, frames
}

// splitAll feeds b to a splitter in chunks of n bytes and collects the
// frames.
func splitAll(t *testing.T, b []byte, n int) [][]byte {
	t.Helper()
	var s Splitter
	var got [][]byte
	for len(b) > 0 {
		k := min(n, len(b))
		s.Feed(b[:k])
		b = b[k:]
		for {
			frame, err := s.Next()
			if err != nil {
				t.Fatalf("chunk %d: %v", n, err)
			}
			if frame == nil {
				break
			}
			got = append(got, bytes.Clone(frame))
		}
	}
	if s.Buffered() != 0 {
		t.Fatalf("chunk %d: %d bytes left over", n, s.Buffered())
	}
	return got
}

// TestSplitter cuts the stream of all fixtures, fed in chunks of every
// size from 1 byte to all at once, into the same frames.
func TestSplitter(t *testing.T) {
	all, want := stream()
	for n := 1; n <= len(all); n += max(1, n/3) {
		got := splitAll(t, all, n)
		if len(got) != len(want) {
			t.Fatalf("chunk %d: %d frames, want %d", n, len(got), len(want))
		}
		for i := range got {
			if !bytes.Equal(got[i], want[i]) {
				t.Fatalf("chunk %d: frame %d = % x, want % x", n, i, got[i], want[i])
			}
		}
	}
}

// TestSplitterKeepsFrames checks that every frame cut from one Feed
// stays intact until the next Feed, however many are cut.
func TestSplitterKeepsFrames(t *testing.T) {
	var s Splitter
	s.Feed([]byte{0xc0, 0x00, 0x30})
	if first, _ := s.Next(); !bytes.Equal(first, []byte{0xc0, 0x00}) {
		t.Fatalf("first frame % x", first)
	}
	s.Feed([]byte{0x03, 0x00, 0x01, 'a', 0xd0, 0x00, 0xe0})
	second, err := s.Next()
	if err != nil || !bytes.Equal(second, []byte{0x30, 0x03, 0x00, 0x01, 'a'}) {
		t.Fatalf("second frame % x, %v", second, err)
	}
	third, err := s.Next()
	if err != nil || !bytes.Equal(third, []byte{0xd0, 0x00}) {
		t.Fatalf("third frame % x, %v", third, err)
	}
	if f, err := s.Next(); f != nil || err != nil {
		t.Fatalf("a lone first byte gave % x, %v", f, err)
	}
	if !bytes.Equal(second, []byte{0x30, 0x03, 0x00, 0x01, 'a'}) {
		t.Fatalf("second frame changed to % x before the next Feed", second)
	}
	s.Feed([]byte{0x00})
	if f, err := s.Next(); err != nil || !bytes.Equal(f, []byte{0xe0, 0x00}) {
		t.Fatalf("fourth frame % x, %v", f, err)
	}
}

// TestSplitterReusesBuffer checks that a stream of packets, fed in
// chunks that split packets, allocates nothing once the buffer has
// grown, and that a packet larger than the buffer still comes out whole.
func TestSplitterReusesBuffer(t *testing.T) {
	all, want := stream()
	var s Splitter
	feed := func() {
		for b := all; len(b) > 0; {
			k := min(13, len(b))
			s.Feed(b[:k])
			b = b[k:]
			for {
				frame, err := s.Next()
				if err != nil {
					t.Fatal(err)
				}
				if frame == nil {
					break
				}
			}
		}
	}
	feed()
	if allocs := testing.AllocsPerRun(10, feed); allocs != 0 {
		t.Errorf("%v allocations per pass over the stream, want 0", allocs)
	}
	big, err := Append(nil, &Publish{Topic: "a", Payload: make([]byte, 4*len(all))})
	if err != nil {
		t.Fatal(err)
	}
	s.Feed(big[:3])
	s.Feed(big[3:])
	if f, err := s.Next(); err != nil || !bytes.Equal(f, big) {
		t.Fatalf("big frame of %d bytes: %d bytes, %v", len(big), len(f), err)
	}
	if got := splitAll(t, all, 5); len(got) != len(want) {
		t.Fatalf("%d frames, want %d", len(got), len(want))
	}
}

// TestSplitterRemainingLengthTooLong stops the stream at a five-byte
// Remaining Length, for good.
func TestSplitterRemainingLengthTooLong(t *testing.T) {
	var s Splitter
	s.Feed([]byte{0xc0, 0x00, 0x30, 0x80, 0x80})
	if f, err := s.Next(); err != nil || !bytes.Equal(f, []byte{0xc0, 0x00}) {
		t.Fatalf("first frame % x, %v", f, err)
	}
	if f, err := s.Next(); f != nil || err != nil {
		t.Fatalf("partial header gave % x, %v", f, err)
	}
	s.Feed([]byte{0x80, 0x80})
	for range 2 {
		if _, err := s.Next(); !errors.Is(err, ErrRemainingLengthTooLong) {
			t.Fatalf("Next = %v, want ErrRemainingLengthTooLong", err)
		}
	}
}

// TestSplitterHeld checks that Held is the part of a packet not yet cut,
// and everything from a malformed Remaining Length on.
func TestSplitterHeld(t *testing.T) {
	var s Splitter
	s.Feed([]byte{0xd0, 0x00, 0x40, 0x02, 0x00}) // PINGREQ, then PUBACK cut short
	if frame, err := s.Next(); err != nil || !bytes.Equal(frame, []byte{0xd0, 0x00}) {
		t.Fatalf("first frame % x, %v", frame, err)
	}
	if frame, err := s.Next(); frame != nil || err != nil {
		t.Fatalf("want more bytes, got % x, %v", frame, err)
	}
	if got := s.Held(); !bytes.Equal(got, []byte{0x40, 0x02, 0x00}) {
		t.Fatalf("held % x, want the PUBACK's first 3 bytes", got)
	}
	s.Feed([]byte{0x01, 0x30, 0xff, 0xff, 0xff, 0xff, 0x01})
	if frame, _ := s.Next(); !bytes.Equal(frame, []byte{0x40, 0x02, 0x00, 0x01}) {
		t.Fatalf("PUBACK % x", frame)
	}
	if _, err := s.Next(); !errors.Is(err, ErrRemainingLengthTooLong) {
		t.Fatalf("want a framing error, got %v", err)
	}
	if got := s.Held(); !bytes.Equal(got, []byte{0x30, 0xff, 0xff, 0xff, 0xff, 0x01}) {
		t.Fatalf("held after the framing error % x", got)
	}
}

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
			got = append(got, frame)
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

// TestSplitterKeepsFrames checks that frames stay intact after more bytes
// are fed.
func TestSplitterKeepsFrames(t *testing.T) {
	var s Splitter
	s.Feed([]byte{0xc0, 0x00, 0x30})
	first, _ := s.Next()
	s.Feed([]byte{0x03, 0x00, 0x01, 'a'})
	second, err := s.Next()
	if err != nil || !bytes.Equal(second, []byte{0x30, 0x03, 0x00, 0x01, 'a'}) {
		t.Fatalf("second frame % x, %v", second, err)
	}
	if !bytes.Equal(first, []byte{0xc0, 0x00}) {
		t.Fatalf("first frame changed to % x", first)
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

package trace

import "testing"

// TestChecksum is RFC 1071's example.
func TestChecksum(t *testing.T) {
	if got := checksum(0, []byte{0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7}); got != ^uint16(0xddf2) {
		t.Errorf("checksum %#04x, want %#04x", got, ^uint16(0xddf2))
	}
	if got := checksum(0, []byte{0x01}); got != ^uint16(0x0100) {
		t.Errorf("odd length: %#04x", got)
	}
}

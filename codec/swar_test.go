package codec

import "testing"

// TestPlain checks the word-at-a-time scans against a byte-by-byte one
// for every length up to 24 with each kind of byte at each position.
func TestPlain(t *testing.T) {
	slow := func(s string, wild bool) bool {
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == 0 || c >= 0x80 || wild && (c == '+' || c == '#') {
				return false
			}
		}
		return true
	}
	for n := 0; n <= 24; n++ {
		for at := 0; at < max(n, 1); at++ {
			for _, c := range []byte{'a', 0, 0x80, 0xff, '+', '#', '/', 0x7f} {
				b := make([]byte, n)
				for i := range b {
					b[i] = 'x'
				}
				if n > 0 {
					b[at] = c
				}
				s := string(b)
				for _, wild := range []bool{false, true} {
					if got, want := plain(s, wild), slow(s, wild); got != want {
						t.Fatalf("plain(%q, %v) = %v, want %v", s, wild, got, want)
					}
					if k := plainPrefix(s, wild); k > n || !slow(s[:k], wild) || (k == n) != slow(s, wild) || k < n && k%8 != 0 {
						t.Fatalf("plainPrefix(%q, %v) = %d", s, wild, k)
					}
				}
			}
		}
	}
}

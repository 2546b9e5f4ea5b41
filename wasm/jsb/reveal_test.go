package jsb

import "testing"

func TestRevealDelta(t *testing.T) {
	tests := []struct {
		name              string
		top, bottom, boxH int
		want              int
		move              bool
	}{
		{"in view", 10, 50, 400, 0, false},
		{"above", -120, -80, 400, -120 - revealMargin, true},
		{"below", 800, 840, 400, 840 - 400 + revealMargin, true},
		{"taller than the box: its top", 600, 1200, 400, 600 - revealMargin, true},
	}
	for _, tt := range tests {
		got, move := revealDelta(tt.top, tt.bottom, tt.boxH)
		if got != tt.want || move != tt.move {
			t.Errorf("%s: revealDelta(%d, %d, %d) = %d, %v; want %d, %v", tt.name, tt.top, tt.bottom, tt.boxH, got, move, tt.want, tt.move)
		}
	}
}

package jsb

// revealMargin is the room left above or below an element scrolled into
// view.
const revealMargin = 8

// revealDelta is how far to scroll a box of height boxH so that an element
// from top to bottom (both relative to the box's visible top) comes into
// view with revealMargin around it: 0 and false when it is in view. An
// element taller than the box shows its top.
func revealDelta(top, bottom, boxH int) (int, bool) {
	switch {
	case top < 0:
		return top - revealMargin, true
	case bottom > boxH:
		return min(bottom-boxH+revealMargin, top-revealMargin), true
	}
	return 0, false
}

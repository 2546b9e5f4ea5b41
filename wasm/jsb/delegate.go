package jsb

// EventEnd names one end of a pointer or focus event: the element it is
// at now, or the one it came from (over, focusin) or goes to (out,
// focusout).
type EventEnd string

const (
	// EventTarget is the event's target.
	EventTarget EventEnd = "target"
	// EventRelated is the event's relatedTarget.
	EventRelated EventEnd = "relatedTarget"
)

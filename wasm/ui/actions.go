package ui

// Actions the components post and the page handles: the page owns the
// trace and the cursor, its children only ask.
const (
	// actGoto moves the cursor to the step whose index is the value (int).
	actGoto = "mqttviz.goto"
	// actStep moves the cursor by the value (int: -1 or +1).
	actStep = "mqttviz.step"
	// actEdge moves the cursor to the start (value false) or the end (true).
	actEdge = "mqttviz.edge"
	// actToggle plays or pauses.
	actToggle = "mqttviz.toggle"
	// actSpeed sets the playback speed to the value (float64).
	actSpeed = "mqttviz.speed"
)

// stateLang is the app state holding the language, persisted in the
// browser's local storage so that the choice is remembered.
const stateLang = "mqttviz.lang"

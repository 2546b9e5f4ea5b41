package views

// Actions the components post and the page handles: the page owns the
// trace and the cursor, its children only ask.
const (
	// ActGoto moves the cursor to the step whose index is the value (int).
	ActGoto = "mqttviz.goto"
	// ActStep moves the cursor by the value (int: -1 or +1).
	ActStep = "mqttviz.step"
	// ActEdge moves the cursor to the start (value false) or the end (true).
	ActEdge = "mqttviz.edge"
	// ActToggle plays or pauses.
	ActToggle = "mqttviz.toggle"
	// ActStepActions asks the page for the actions on the packet of the
	// step whose index is the value (int): the diagram's arrow button.
	ActStepActions = "mqttviz.step-actions"
	// ActSpeed sets the playback speed to the value (float64).
	ActSpeed = "mqttviz.speed"
)

// StateLang is the app state holding the language, persisted in the
// browser's local storage so that the choice is remembered.
const StateLang = "mqttviz.lang"

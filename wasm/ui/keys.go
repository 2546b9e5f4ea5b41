package ui

// command is what a key press asks the player to do.
type command int

// The player commands a key can give.
const (
	cmdNone command = iota
	cmdToggle
	cmdBack
	cmdForward
	cmdStart
	cmdEnd
)

// keyCommand maps a KeyboardEvent.key to a player command. tag is the
// tag name of the element the key went to, editable whether it is content
// editable. Keys typed into a text field, a select or anything editable
// belong to that field: no command then. Space plays and pauses wherever
// else the focus is, on a button too, as the keys hint says (Enter
// presses the button). Keys held with Ctrl, Alt or Meta (modified) are
// the browser's.
func keyCommand(key, tag string, editable, modified bool) command {
	if modified || editable || tag == "INPUT" || tag == "TEXTAREA" || tag == "SELECT" {
		return cmdNone
	}
	switch key {
	case " ", "Spacebar":
		return cmdToggle
	case "ArrowLeft":
		return cmdBack
	case "ArrowRight":
		return cmdForward
	case "Home":
		return cmdStart
	case "End":
		return cmdEnd
	}
	return cmdNone
}

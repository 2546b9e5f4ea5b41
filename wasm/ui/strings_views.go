package ui

import "mqttviz/codec"

// viewsStrings are the strings of the diagram, the player and the state
// panel added for issue 8.
var viewsStrings = map[string]codec.Text{
	"step.note": {EN: "Note", ZH: "说明"},
}

package ui

import "mqttviz/codec"

// a11yStrings are the strings the event list and the inspector give to
// screen readers: how the list is driven from the keyboard, and the names
// of the columns of a field's parts.
var a11yStrings = map[string]codec.Text{}

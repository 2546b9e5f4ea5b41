package ui

import "testing"

func TestKeyCommand(t *testing.T) {
	tests := []struct {
		key, tag           string
		editable, modified bool
		want               command
	}{
		{key: " ", tag: "BODY", want: cmdToggle},
		{key: "ArrowLeft", tag: "BODY", want: cmdBack},
		{key: "ArrowRight", tag: "DIV", want: cmdForward},
		{key: "Home", tag: "BODY", want: cmdStart},
		{key: "End", tag: "BODY", want: cmdEnd},
		{key: "a", tag: "BODY", want: cmdNone},
		// Typing belongs to the field.
		{key: " ", tag: "TEXTAREA", want: cmdNone},
		{key: "ArrowRight", tag: "INPUT", want: cmdNone},
		{key: "End", tag: "SELECT", want: cmdNone},
		{key: "Home", tag: "DIV", editable: true, want: cmdNone},
		// Space plays and pauses on a focused button too; Enter presses
		// it; arrows still step.
		{key: " ", tag: "BUTTON", want: cmdToggle},
		{key: "Enter", tag: "BUTTON", want: cmdNone},
		{key: "ArrowRight", tag: "BUTTON", want: cmdForward},
		// Browser shortcuts stay the browser's.
		{key: "ArrowLeft", tag: "BODY", modified: true, want: cmdNone},
	}
	for _, tt := range tests {
		if got := keyCommand(tt.key, tt.tag, tt.editable, tt.modified); got != tt.want {
			t.Errorf("keyCommand(%q, %q, %v, %v) = %v, want %v", tt.key, tt.tag, tt.editable, tt.modified, got, tt.want)
		}
	}
}

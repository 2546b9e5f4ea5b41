package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// TestStepViewsRenderOnce checks that the views a step renders have no
// OnUpdate: go-app renders a component again after its OnUpdate, which
// would draw every step twice (and the event list's read of its box's
// size there forced a layout on each).
func TestStepViewsRenderOnce(t *testing.T) {
	for name, c := range map[string]app.Composer{
		"diagram":    newDiagram(nil, 0, langEN),
		"event list": newEventList(nil, 0, langEN),
	} {
		if _, ok := c.(app.Updater); ok {
			t.Errorf("the %s has an OnUpdate: each step renders it twice", name)
		}
	}
}

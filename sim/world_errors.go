package sim

import "mqttviz/sim/trace"

// ActionError is an action the world refuses (a client connected twice,
// every packet id in use), in English and Chinese.
type ActionError struct {
	Text trace.Text
}

// Error returns the English text.
func (e *ActionError) Error() string { return "sim: " + e.Text.EN }

// refuse makes an ActionError.
func refuse(en, zh string) error { return &ActionError{Text: trace.Text{EN: en, ZH: zh}} }

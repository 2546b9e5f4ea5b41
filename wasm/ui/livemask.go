package ui

import "mqttviz/sim/trace"

// redactedTrace returns t with redact applied to each step, sharing
// everything else with t; t itself when redact is nil.
func redactedTrace(t *trace.Trace, redact func(trace.Step) trace.Step) *trace.Trace {
	if redact == nil || t == nil {
		return t
	}
	out := *t
	out.Steps = make([]trace.Step, len(t.Steps))
	for i, s := range t.Steps {
		out.Steps[i] = redact(s)
	}
	return &out
}

package ui

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// maskByte stands for each byte of a password the page does not show.
const maskByte = '*'

// maskPassword returns s with the password of its CONNECT, if it carries
// one, written as asterisks: the same length, so that the packet still
// decodes and the inspector shows where the password is without showing
// it. Any other step is s itself. The password is the last field of
// CONNECT [MQTT 3.1.3], so its bytes end the packet.
func maskPassword(s trace.Step) trace.Step {
	if s.Packet != codec.CONNECT || len(s.Bytes) == 0 {
		return s
	}
	p, err := codec.Decode(s.Bytes)
	c, ok := p.(*codec.Connect)
	if err != nil || !ok || !c.HasPassword || len(c.Password) == 0 {
		return s
	}
	b := append(trace.HexBytes(nil), s.Bytes...)
	for i := len(b) - len(c.Password); i < len(b); i++ {
		b[i] = maskByte
	}
	s.Bytes = b
	return s
}

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

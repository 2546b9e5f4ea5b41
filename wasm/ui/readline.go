package ui

import (
	"mqttviz/sim/trace"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// renderRead says, for a packet a live source received, in which network
// read of its connection the packet's last byte came and when: packets of
// one read share it, and a packet whose Remaining Length announced more
// bytes than came is completed by a later read (a short packet's desync).
// Nothing for other steps.
func renderRead(lang string, s trace.Step) app.UI {
	if s.Read == 0 || s.Kind != trace.KindPacket {
		return nil
	}
	return app.P().ID("step-read").Class("step-read hint").Text(tr(lang, "step.read", s.Read, s.Conn, s.Time))
}

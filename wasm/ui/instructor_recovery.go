package ui

import (
	"mqttviz/sim/script"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// recoveryOf is what client, left waiting by the loss of step i's
// packet, does next: the choice made, but a reconnect only when its
// session is persistent (with clean session 1 a reconnect discards the
// message), else a resend on the open connection.
func (in *instructor) recoveryOf(client string, i int) script.Recovery {
	if in.recovery == script.Reconnect && !script.Persistent(in.pl.trace, i, client) {
		return script.ResendOnOpen
	}
	return in.recovery
}

// renderRecovery is the choice of what the waiting client does after the
// loss, each in the terms of MQTT 3.1.1: it may wait, it may resend on the
// open connection (allowed, not required), and it must resend when it
// reconnects with clean session 0 [MQTT-4.4.0-1], which the choice offers
// only when its session is persistent, saying why otherwise.
func (in *instructor) renderRecovery(lang, client string, i int) app.UI {
	persistent := script.Persistent(in.pl.trace, i, client)
	chosen := in.recoveryOf(client, i)
	option := func(id string, r script.Recovery, key string, enabled bool, hint app.UI) app.UI {
		input := app.Input().ID(id).Type("radio").Name("instructor-then").Value(string(r)).
			Checked(chosen == r).Disabled(!enabled).
			OnChange(func(ctx app.Context, e app.Event) { in.recovery = r }, r)
		if hint != nil {
			input = input.Aria("describedby", id+"-why")
		}
		return app.Div().Class("check").Body(
			app.Label().Body(input, app.Text(" "+tr(lang, key, client))),
			hint,
		)
	}
	var why app.UI
	if !persistent {
		why = app.P().ID("instructor-lose-reconnect-why").Class("hint").Text(tr(lang, "instructor.then.reconnect.clean", client))
	}
	return app.FieldSet().ID("instructor-lose-then").Class("instructor-then").Body(
		app.Legend().Text(tr(lang, "instructor.then", client)),
		app.P().ID("instructor-then-spec").Class("hint").Text(tr(lang, "instructor.then.spec")),
		option("instructor-lose-wait", script.KeepWaiting, "instructor.then.wait", true, nil),
		option("instructor-lose-resend", script.ResendOnOpen, "instructor.then.resend", true, nil),
		option("instructor-lose-reconnect", script.Reconnect, "instructor.then.reconnect", persistent, why),
	)
}

package ui

import (
	"mqttviz/codec"
	"mqttviz/wasm/jsb"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The form controls of the live page. Each stores what the user enters
// in the field it is given when the field changes (go-app's
// PreventUpdate would stop the page's updates for good: an input event
// after it finds the component marked and never clears the mark), and
// syncFields reads every text field again before an action, for the
// Enter that submits a form before its field's change event.

// textField is a labelled text input bound to v.
func textField(id, label string, v *string, kind string) app.UI {
	in := app.Input().ID(id).Type("text").Value(*v).Spellcheck(false).Attr("autocomplete", "off").
		OnChange(func(ctx app.Context, e app.Event) { *v = jsb.StringProp(ctx.JSSrc(), "value") })
	switch kind {
	case "number":
		in = in.Type("number").Attr("inputmode", "numeric").Attr("min", 0).Attr("max", 65535)
	case "password":
		in = in.Type("password")
	}
	return app.Div().Class("live-field").Body(app.Label().For(id).Text(label), in)
}

// checkField is a labelled check box bound to v.
func checkField(id, label string, v *bool) app.UI {
	return app.Div().Class("live-check").Body(
		app.Input().ID(id).Type("checkbox").Checked(*v).OnChange(func(ctx app.Context, e app.Event) {
			*v = jsb.BoolProp(ctx.JSSrc(), "checked")
		}),
		app.Label().For(id).Text(label),
	)
}

// qosField is a labelled choice of QoS 0, 1 or 2 bound to v.
func qosField(id, lang string, v *codec.QoS) app.UI {
	opts := make([]app.UI, 3)
	for q := range 3 {
		opts[q] = app.Option().Value(strconv.Itoa(q)).Selected(int(*v) == q).Text(tr(lang, "live.qos"+strconv.Itoa(q)))
	}
	return app.Div().Class("live-field").Body(
		app.Label().For(id).Text(tr(lang, "live.qos")),
		app.Select().ID(id).OnChange(func(ctx app.Context, e app.Event) {
			if n, err := strconv.Atoi(jsb.StringProp(ctx.JSSrc(), "value")); err == nil && n >= 0 && n <= 2 {
				*v = codec.QoS(n)
			}
		}).Body(opts...),
	)
}

// liveButton is a button of the live page; submit makes it its form's
// default, which Enter in a field presses, and the form's handler runs
// (h is for the other buttons).
func liveButton(id, text string, submit bool, h app.EventHandler) app.UI {
	if submit {
		return app.Button().ID(id).Type("submit").Class("live-btn primary").Text(text)
	}
	return app.Button().ID(id).Type("button").Class("live-btn").OnClick(h).Text(text)
}

// liveForm is a form whose submission runs h instead of leaving the page.
func liveForm(id, legend string, h func(), body ...app.UI) app.UI {
	return app.Form().ID(id).Class("live-form").
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault(); h() }).
		Body(app.FieldSet().Body(append([]app.UI{app.Legend().Text(legend)}, body...)...))
}

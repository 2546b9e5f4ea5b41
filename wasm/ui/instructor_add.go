package ui

import (
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// fieldLabels are the strings that label each field.
var fieldLabels = map[formField]string{
	fieldClient: "instructor.field.client", fieldTopic: "instructor.field.topic", fieldFilter: "instructor.field.filter",
	fieldPayload: "instructor.field.payload", fieldQoS: "instructor.field.qos", fieldRetain: "instructor.field.retain",
	fieldWait: "instructor.field.wait", fieldName: "instructor.field.name", fieldID: "instructor.field.id",
	fieldClean: "instructor.field.clean", fieldKeepAlive: "instructor.field.keepalive", fieldUser: "instructor.field.user",
	fieldPass: "instructor.field.pass", fieldWill: "instructor.field.will", fieldWillPayload: "instructor.field.willpayload",
	fieldWillQoS: "instructor.field.willqos", fieldWillRetain: "instructor.field.willretain",
}

// clientsOf lists the clients of a trace: its lifelines but the broker.
func clientsOf(t *trace.Trace) []string {
	var out []string
	for _, n := range t.Nodes {
		if n != trace.BrokerName {
			out = append(out, n)
		}
	}
	return out
}

// renderAdd is the form that adds an action after the cursor's step.
func (in *instructor) renderAdd(lang string, t *trace.Trace) app.UI {
	f := &in.form
	clients := clientsOf(t)
	if f.client == "" && len(clients) > 0 {
		f.client = clients[0]
	}
	kinds := make([]app.UI, 0, len(script.ActionKinds))
	for _, k := range script.ActionKinds {
		kinds = append(kinds, app.Option().Value(string(k)).Selected(k == f.kind).Text(tr(lang, "instructor.act."+string(k))))
	}
	fields := []app.UI{
		app.Label().For("instructor-act-kind").Text(tr(lang, "instructor.field.action")),
		app.Select().ID("instructor-act-kind").
			OnChange(func(ctx app.Context, e app.Event) {
				f.kind = script.ActionKind(jsb.StringProp(ctx.JSSrc(), "value"))
			}).Body(kinds...),
	}
	for _, fl := range fieldsOf(f.kind) {
		fields = append(fields, in.renderField(lang, fl, clients))
	}
	return app.Form().ID("instructor-add").Class("instructor-add").
		Aria("labelledby", "instructor-add-title").
		OnSubmit(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			in.readFields()
			a, bad := f.action()
			if bad != nil {
				in.problem = &scenarioProblem{Msg: *bad}
				return
			}
			postOp(ctx, instructorOp{action: &a})
		}).
		Body(
			app.H3().ID("instructor-add-title").Text(tr(lang, "instructor.add")),
			app.Div().Class("instructor-fields").Body(fields...),
			app.Button().ID("instructor-add-do").Type("submit").Text(tr(lang, "instructor.add.do")),
		)
}

// renderField is one field of the form, labelled, storing its value on
// change.
func (in *instructor) renderField(lang string, fl formField, clients []string) app.UI {
	f := &in.form
	id := "instructor-act-" + string(fl)
	label := tr(lang, fieldLabels[fl])
	store := func(prop string) app.EventHandler {
		return func(ctx app.Context, e app.Event) {
			if prop == "checked" {
				f.set(fl, strconv.FormatBool(jsb.BoolProp(ctx.JSSrc(), "checked")))
				return
			}
			f.set(fl, jsb.StringProp(ctx.JSSrc(), prop))
		}
	}
	switch {
	case fl.isFlag():
		return app.Label().Class("check").Body(
			app.Input().ID(id).Type("checkbox").Checked(f.flag(fl)).OnChange(store("checked")),
			app.Text(" "+label))
	case fl.isQoS():
		opts := make([]app.UI, 0, 3)
		for _, q := range []string{"0", "1", "2"} {
			opts = append(opts, app.Option().Value(q).Selected(f.text(fl) == q).Text(q))
		}
		return app.Span().Class("instructor-field").Body(app.Label().For(id).Text(label), app.Select().ID(id).OnChange(store("value")).Body(opts...))
	case fl == fieldClient:
		opts := make([]app.UI, 0, len(clients))
		for _, c := range clients {
			opts = append(opts, app.Option().Value(c).Selected(f.client == c).Text(c))
		}
		return app.Span().Class("instructor-field").Body(app.Label().For(id).Text(label), app.Select().ID(id).OnChange(store("value")).Body(opts...))
	}
	kind := "text"
	if fl == fieldPass {
		kind = "password"
	}
	return app.Span().Class("instructor-field").Body(
		app.Label().For(id).Text(label),
		app.Input().ID(id).Type(kind).Value(f.text(fl)).Attr("autocomplete", "off").OnChange(store("value")))
}

// readFields reads the form's text fields again before Add: Enter in a
// field submits the form before the field's change event.
func (in *instructor) readFields() {
	for _, fl := range fieldsOf(in.form.kind) {
		if fl.isFlag() {
			continue
		}
		if v, ok := jsb.FieldValue("instructor-act-" + string(fl)); ok {
			in.form.set(fl, v)
		}
	}
}

package ui

import (
	"mqttviz/wasm/brokeraddr"
	"mqttviz/wasm/jsb"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

func (p *livePage) Render() app.UI {
	lang := p.lang
	clients := make([]app.UI, len(p.clients))
	for i, c := range p.clients {
		clients[i] = p.renderClient(c)
	}
	var view app.UI
	if p.trace != nil && len(p.trace.Steps) > 0 {
		view = p.renderView([]app.UI{
			app.H2().ID("live-recording").Text(tr(lang, "live.recording")),
			renderFollow(lang, p.cursor, len(p.trace.Steps), p.backToLive),
			app.P().ID("live-keep").Class("live-keep").Text(p.keepText()),
			app.P().ID("live-observed").Class("live-observed").Text(tr(lang, "live.observed")),
		}, lang)
	} else {
		view = app.P().ID("live-empty").Class("live-empty").Text(tr(lang, "live.empty"))
	}
	return app.Div().Class("page").Body(
		newHeader(lang),
		app.Main().ID(mainID).Class("content live-page").Body(
			app.H1().ID("live-heading").Text(tr(lang, "live.heading")),
			app.P().Class("intro").Text(tr(lang, "live.intro")),
			p.renderBroker(),
			app.Div().Class("live-clients").Body(clients...),
			app.Button().ID("live-add").Type("button").Class("live-btn").
				OnClick(func(ctx app.Context, e app.Event) { p.addClient() }).
				Text(tr(lang, "live.add")),
			p.renderLesson(),
			view,
		),
	)
}

// renderBroker is the broker's address, fixed while a recording lasts.
func (p *livePage) renderBroker() app.UI {
	lang := p.lang
	input := app.Input().ID("live-broker").Type("text").Value(p.broker).Spellcheck(false).
		Attr("autocomplete", "off").Attr("inputmode", "url").Placeholder("ws://127.0.0.1:8080/mqtt").
		Aria("describedby", "live-broker-hint").
		OnChange(func(ctx app.Context, e app.Event) { p.broker = jsb.StringProp(ctx.JSSrc(), "value") })
	var again, problem app.UI
	if p.sess != nil {
		input = input.ReadOnly(true)
		again = app.Button().ID("live-new").Type("button").Class("live-btn").
			Aria("disabled", p.connected()).
			OnClick(func(ctx app.Context, e app.Event) { p.newRecording() }).
			Text(tr(lang, "live.new"))
	}
	if p.addrErr != nil {
		problem = app.P().ID("live-broker-error").Class("error").Role("alert").Text(p.addrErr.In(lang))
	}
	return app.Div().Class("live-broker").Body(
		app.Label().For("live-broker").Text(tr(lang, "live.broker")),
		app.Div().Class("live-broker-row").Body(input, again),
		app.P().ID("live-broker-hint").Class("hint").Text(tr(lang, "live.broker.hint")),
		problem,
	)
}

// keepText says how many steps the page keeps, and how many it let go.
func (p *livePage) keepText() string {
	if n := p.sess.dropped(); n > 0 {
		return tr(p.lang, "live.keep.dropped", len(p.trace.Steps)-1, n, p.keep)
	}
	return tr(p.lang, "live.keep", p.keep)
}

// renderClient is one client: its state and failure, its connection's
// buttons, its CONNECT options (folded away once connected), and its
// subscribe and publish forms.
func (p *livePage) renderClient(c *liveClient) app.UI {
	lang, id := p.lang, "live-"+c.name
	var formErr app.UI
	if c.formErr != nil {
		formErr = app.P().ID(id + "-formerr").Class("error").Role("alert").Text(c.formErr.In(lang))
	}
	// Space presses the client's buttons, and plays nothing.
	return app.Section().ID(id).Class("live-client panel").Aria("labelledby", id+"-title").Attr(jsb.OwnKeysAttr, true).Body(
		app.Div().Class("live-client-head").Body(
			app.H2().ID(id+"-title").Text(tr(lang, "live.client", c.name, c.clientID)),
			app.P().ID(id+"-status").Class("live-status").Role("status").Text(p.statusText(c)),
		),
		p.renderProblem(c),
		formErr,
		app.Div().Class("live-actions").Body(
			// The connect form's own button, outside its folded options.
			app.Button().ID(id+"-connect-do").Type("submit").Attr("form", id+"-connect").Class("live-btn primary").Text(tr(lang, "live.connect.do")),
			liveButton(id+"-disconnect", tr(lang, "live.disconnect.do"), false, func(ctx app.Context, e app.Event) { p.disconnect(c, true) }),
			liveButton(id+"-cut", tr(lang, "live.cut.do"), false, func(ctx app.Context, e app.Event) { p.disconnect(c, false) }),
		),
		p.renderConnect(c),
		liveForm(id+"-sub", tr(lang, "live.subscribe"), func() { p.subscribe(c, true) },
			textField(id+"-filter", tr(lang, "live.filter"), &c.filter, ""),
			qosField(id+"-subqos", lang, &c.filterQoS),
			app.Div().Class("live-actions").Body(
				liveButton(id+"-subscribe", tr(lang, "live.subscribe.do"), true, nil),
				liveButton(id+"-unsubscribe", tr(lang, "live.unsubscribe.do"), false, func(ctx app.Context, e app.Event) { p.subscribe(c, false) }),
			),
		),
		liveForm(id+"-pub", tr(lang, "live.publish"), func() { p.publish(c) },
			textField(id+"-topic", tr(lang, "live.topic"), &c.topic, ""),
			textField(id+"-payload", tr(lang, "live.payload"), &c.payload, ""),
			qosField(id+"-pubqos", lang, &c.pubQoS),
			checkField(id+"-hex", tr(lang, "live.payload.hex"), &c.payloadHex),
			checkField(id+"-retain", tr(lang, "live.retain"), &c.pubRetain),
			app.Div().Class("live-actions").Body(liveButton(id+"-publish", tr(lang, "live.publish.do"), true, nil)),
		),
	)
}

// renderConnect is the CONNECT options, folded away once the client is
// connected; Enter in a field connects.
func (p *livePage) renderConnect(c *liveClient) app.UI {
	lang, id := p.lang, "live-"+c.name
	pwKind, revealKey := "password", "live.password.show"
	if c.reveal {
		pwKind, revealKey = "", "live.password.hide"
	}
	var will []app.UI
	if c.willOn {
		will = []app.UI{
			textField(id+"-willtopic", tr(lang, "live.will.topic"), &c.willTopic, ""),
			textField(id+"-willtext", tr(lang, "live.will.payload"), &c.willText, ""),
			qosField(id+"-willqos", lang, &c.willQoS),
			checkField(id+"-willretain", tr(lang, "live.retain"), &c.willRetain),
		}
	}
	form := app.Form().ID(id+"-connect").Class("live-connect").
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault(); p.connect(c) }).
		Body(
			textField(id+"-clientid", tr(lang, "live.clientid"), &c.clientID, ""),
			textField(id+"-keepalive", tr(lang, "live.keepalive"), &c.keepAlive, "number"),
			checkField(id+"-clean", tr(lang, "live.clean"), &c.clean),
			textField(id+"-user", tr(lang, "live.username"), &c.username, ""),
			app.Div().Class("live-password").Body(
				textField(id+"-password", tr(lang, "live.password"), &c.password, pwKind),
				app.Button().ID(id+"-reveal").Type("button").Class("live-btn").
					Aria("pressed", c.reveal).Aria("controls", id+"-password").
					OnClick(func(ctx app.Context, e app.Event) { c.reveal = !c.reveal }).
					Text(tr(lang, revealKey)),
			),
			app.P().ID(id+"-masknote").Class("hint").Text(tr(lang, p.maskKey(c))),
			app.FieldSet().Class("live-will").Body(append([]app.UI{
				app.Legend().Text(tr(lang, "live.will")),
				checkField(id+"-willon", tr(lang, "live.will.on"), &c.willOn),
			}, will...)...),
		)
	return app.Details().ID(id+"-options").Class("live-options").Open(c.conn == 0).Body(
		app.Summary().Text(tr(lang, "live.connect")),
		form,
	)
}

// maskKey says whether the client's password is masked in the steps.
func (p *livePage) maskKey(c *liveClient) string {
	if c.reveal {
		return "live.password.revealed"
	}
	return "live.password.masked"
}

// statusText is where a client's connection stands.
func (p *livePage) statusText(c *liveClient) string {
	switch {
	case c.conn == 0:
		return tr(p.lang, "live.status.offline")
	case c.connacked:
		return tr(p.lang, "live.status.connected")
	case c.opened:
		return tr(p.lang, "live.status.waiting")
	}
	return tr(p.lang, "live.status.opening", p.sess.addr.String())
}

// renderProblem is the client's last failure: what is known, what the
// step's notes say, the likely causes, and the step that shows it.
func (p *livePage) renderProblem(c *liveClient) app.UI {
	pr := c.problem
	if pr == nil {
		return nil
	}
	lang, id := p.lang, "live-"+c.name
	body := []app.UI{app.P().Class("live-problem-text").Text(pr.text.In(lang))}
	if pr.kind == wsFailed {
		// The close's notes are the same causes, without their links.
		body = append(body, p.renderCauses())
	} else if len(pr.detail) > 0 {
		items := make([]app.UI, len(pr.detail))
		for i, d := range pr.detail {
			items[i] = app.Li().Text(d.In(lang))
		}
		body = append(body, app.Ul().Class("live-detail").Body(items...))
	}
	if seq := pr.seq; p.sess != nil {
		if _, ok := p.sess.index(seq); ok {
			body = append(body, app.Button().ID(id+"-showstep").Type("button").Class("live-btn").
				OnClick(func(ctx app.Context, e app.Event) {
					p.showStep(seq)
					ctx.Defer(func(app.Context) { jsb.ScrollIntoView("live-recording") })
				}).
				Text(tr(lang, "live.showstep")))
		}
	}
	body = append(body, app.P().Class("live-kept").Text(tr(lang, "live.kept")))
	return app.Div().ID(id + "-problem").Class("live-problem error").Role("alert").Body(body...)
}

// renderCauses lists what is likely wrong when a WebSocket failed.
func (p *livePage) renderCauses() app.UI {
	causes := brokeraddr.FailureCauses(p.sess.addr)
	items := make([]app.UI, len(causes))
	for i, c := range causes {
		var link app.UI
		if c.Link != "" {
			link = app.A().Href(c.Link).Target("_blank").Rel("noopener").Text(tr(p.lang, "live.certpage", c.Link))
		}
		items[i] = app.Li().Body(app.Span().Text(c.Text.In(p.lang)+" "), link)
	}
	return app.Div().Class("live-causes").Body(
		app.P().Text(tr(p.lang, "live.causes")),
		app.Ul().Body(items...),
	)
}

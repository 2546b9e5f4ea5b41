package ui

import (
	"mqttviz/sim/script"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// instructorMenuID is the id of a packet's actions, which take the focus
// when they open.
const instructorMenuID = "instructor-menu"

// maxChangedListed is how many changed steps the panel lists.
const maxChangedListed = 40

// renderToggle is the Instructor button beside Save trace.
func (in *instructor) renderToggle(lang string) app.UI {
	if in == nil || in.start == nil {
		return nil
	}
	return app.Button().ID("instructor-toggle").Class("instructor-toggle").Type("button").
		Aria("pressed", strconv.FormatBool(in.on)).
		Title(tr(lang, "instructor.toggle.hint")).
		OnClick(func(ctx app.Context, e app.Event) {
			name, source, seed := in.start()
			in.toggle(name, source, seed)
		}).
		Text(tr(lang, "instructor.toggle"))
}

// renderPanel is the instructor's panel under the diagram while the mode
// is on.
func (in *instructor) renderPanel(lang string) app.UI {
	if in == nil || !in.on || in.pl == nil || in.pl.trace == nil {
		return nil
	}
	pl := in.pl
	body := []app.UI{
		app.H2().ID("instructor-title").Text(tr(lang, "instructor.title", pl.cursor+1)),
		app.P().Class("hint").Text(tr(lang, "instructor.keys")),
		in.renderProblem(lang),
	}
	if in.hist != nil {
		body = append(body,
			in.renderHistory(lang),
			in.renderPacket(lang, pl.cursor, pl.trace.Steps[pl.cursor]),
			in.renderAdd(lang, pl.trace),
			in.renderChanged(lang, pl.trace),
			in.renderText(lang),
		)
	}
	return app.Section().ID("instructor-panel").Class("panel instructor-panel").
		Attr(jsb.OwnKeysAttr, true).
		Aria("labelledby", "instructor-title").
		Body(body...)
}

// renderProblem says why the last change does not run.
func (in *instructor) renderProblem(lang string) app.UI {
	if in.problem == nil {
		return nil
	}
	msg := in.problem.Msg.In(lang)
	if in.problem.Line > 0 {
		msg = tr(lang, "scenario.line", in.problem.Line) + tr(lang, "scenario.colon") + msg
	}
	return app.P().ID("instructor-error").Class("error").Role("alert").Text(tr(lang, "instructor.refused", msg))
}

// renderHistory is Undo, Redo and how many changes there are.
func (in *instructor) renderHistory(lang string) app.UI {
	count := tr(lang, "instructor.nochanges")
	switch n := in.hist.Changes(); {
	case n == 1:
		count = tr(lang, "instructor.changes.one")
	case n > 1:
		count = tr(lang, "instructor.changes", n)
	}
	button := func(id, key string, can bool, undo bool) app.UI {
		b := app.Button().ID(id).Type("button").Text(tr(lang, key)).
			OnClick(func(ctx app.Context, e app.Event) { postOp(ctx, instructorOp{undo: undo}) }, undo)
		if !can {
			b = b.Aria("disabled", "true")
		}
		return b
	}
	return app.Div().Class("instructor-history").Body(
		button("instructor-undo", "instructor.undo", in.hist.CanUndo(), true),
		button("instructor-redo", "instructor.redo", in.hist.CanRedo(), false),
		app.Span().ID("instructor-count").Aria("live", "polite").Text(count),
	)
}

// renderPacket is the actions on the cursor's packet: a button that
// opens them, or, opened (from the arrow's ⋯ too), the actions.
func (in *instructor) renderPacket(lang string, i int, s trace.Step) app.UI {
	r, ok := script.PacketOf(s)
	if !ok {
		return app.P().ID("instructor-packet-none").Class("hint").Text(tr(lang, "instructor.packet.none"))
	}
	if in.menu != i {
		return app.Button().ID("instructor-open-actions").Type("button").
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(views.ActStepActions, i) }, i).
			Text(tr(lang, "instructor.packet.open"))
	}
	apply := func(c script.PacketChange) app.EventHandler {
		return func(ctx app.Context, e app.Event) { postOp(ctx, instructorOp{packet: &c}) }
	}
	items := []app.UI{
		app.H3().ID("instructor-menu-title").Text(tr(lang, "instructor.packet", i+1) + " · " + views.StepSummary(lang, s)),
		app.Button().ID("instructor-lose").Type("button").
			OnClick(func(ctx app.Context, e app.Event) {
				c := script.PacketChange{Kind: script.LosePacket}
				if w := script.Waiting(r); w != "" {
					c.Then = in.recoveryOf(w, i)
				}
				postOp(ctx, instructorOp{packet: &c})
			}).Text(tr(lang, "instructor.lose")),
	}
	if w := script.Waiting(r); w != "" {
		items = append(items, in.renderRecovery(lang, w, i))
	}
	if script.BrokerWaits(r) {
		items = append(items, app.P().ID("instructor-lose-broker-waits").Class("hint").Text(tr(lang, "instructor.then.broker", r.Client)))
	}
	if (script.PacketChange{Kind: script.HoldAck}).Allowed(r) {
		items = append(items, app.Div().Class("instructor-hold").Body(
			app.Button().ID("instructor-hold").Type("button").
				OnClick(func(ctx app.Context, e app.Event) {
					ms, bad := holdMS(in.holdSecs)
					if bad != nil {
						in.problem = &scenarioProblem{Msg: *bad}
						return
					}
					postOp(ctx, instructorOp{packet: &script.PacketChange{Kind: script.HoldAck, HoldMS: ms}})
				}).Text(tr(lang, "instructor.hold")),
			app.Label().For("instructor-hold-secs").Text(tr(lang, "instructor.hold.for")),
			app.Input().ID("instructor-hold-secs").Type("text").Attr("inputmode", "decimal").Size(6).Value(in.holdSecs).
				OnChange(func(ctx app.Context, e app.Event) { in.holdSecs = jsb.StringProp(ctx.JSSrc(), "value") }),
		))
	}
	items = append(items, app.Button().ID("instructor-duplicate").Type("button").
		OnClick(apply(script.PacketChange{Kind: script.DuplicatePacket})).Text(tr(lang, "instructor.duplicate")))
	if (script.PacketChange{Kind: script.ResendPacket}).Allowed(r) {
		items = append(items, app.Button().ID("instructor-resend").Type("button").
			OnClick(apply(script.PacketChange{Kind: script.ResendPacket})).Text(tr(lang, "instructor.resend")))
	}
	items = append(items, app.Button().ID("instructor-menu-close").Type("button").
		OnClick(func(ctx app.Context, e app.Event) { postOp(ctx, instructorOp{close: true}) }).Text(tr(lang, "instructor.close")))
	return app.Div().ID(instructorMenuID).Class("instructor-menu").Role("group").TabIndex(-1).
		Aria("labelledby", "instructor-menu-title").
		OnKeyDown(func(ctx app.Context, e app.Event) {
			if jsb.Key(e.Value).Key == "Escape" {
				postOp(ctx, instructorOp{close: true})
			}
		}).
		Body(items...)
}

// renderChanged lists the steps that came out differently, each a button
// that goes to it.
func (in *instructor) renderChanged(lang string, t *trace.Trace) app.UI {
	var items []app.UI
	n := 0
	for i, c := range in.changed {
		if !c || i >= len(t.Steps) {
			continue
		}
		n++
		if len(items) < maxChangedListed {
			idx := i
			items = append(items, app.Li().Body(app.Button().Type("button").Class("link").DataSet("step", i).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(views.ActGoto, idx) }).
				Text(strconv.Itoa(i+1)+" · "+views.StepSummary(lang, t.Steps[i]))))
		}
	}
	if n == 0 {
		return app.P().ID("instructor-changed").Class("hint").Text(tr(lang, "instructor.changed.none"))
	}
	return app.Div().ID("instructor-changed").Body(
		app.H3().Text(tr(lang, "instructor.changed", n)),
		app.Ul().Class("instructor-changed").Body(items...),
	)
}

// textContext is how many lines around each added one the panel shows
// of the changed scenario; the whole is in the editor the link opens.
const textContext = 3

// nearAdded reports whether line i is an added line or within
// textContext lines of one.
func nearAdded(added []bool, i int) bool {
	for j := max(0, i-textContext); j <= min(len(added)-1, i+textContext); j++ {
		if added[j] {
			return true
		}
	}
	return false
}

// renderText is the changed scenario around its added lines, which are
// marked, and its link.
func (in *instructor) renderText(lang string) app.UI {
	if in.hist.Changes() == 0 {
		return nil
	}
	text, added := in.hist.Current(), in.added
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	rows := make([]app.UI, 0, len(lines))
	gap := false
	for i, l := range lines {
		if !nearAdded(added, i) {
			if !gap {
				rows = append(rows, app.Span().Class("line gap").Aria("hidden", "true"))
			}
			gap = true
			continue
		}
		gap = false
		num := app.Span().Class("num").Aria("hidden", "true").Text(strconv.Itoa(i + 1))
		if added[i] {
			rows = append(rows, app.Mark().Class("line added").Title(tr(lang, "instructor.text.added")).Body(num, app.Text(l+"\n")))
			continue
		}
		rows = append(rows, app.Span().Class("line").Body(num, app.Text(l+"\n")))
	}
	return app.Details().ID("instructor-script").Open(true).Body(
		app.Summary().Text(tr(lang, "instructor.text")),
		app.A().ID("instructor-share").Href(in.share).Text(tr(lang, "instructor.share")),
		app.Pre().ID("instructor-text").Class("instructor-text").TabIndex(0).Body(rows...),
	)
}

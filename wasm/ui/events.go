package ui

import (
	"sort"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"mqttviz/sim"
)

const (
	eventsScrollID = "events-scroll"
	eventRowH      = 30
)

// eventList is a row per step: time, from → to, what, outcome. A click
// on a row moves the cursor there. It filters by client and by packet
// type and, like the diagram, draws only the rows in view.
type eventList struct {
	app.Compo

	Trace  *sim.Trace
	Cursor int
	Lang   string

	client    string // "" for every node
	packet    string // "" for every packet type
	scrollTop int
	viewH     int

	// cache holds rows() and packetTypes() for one trace and filter:
	// both walk every step, which a step of a long trace must not.
	cache struct {
		of             *sim.Trace
		client, packet string
		rows           []int
		packets        []string
	}
}

func newEventList(t *sim.Trace, cursor int, lang string) *eventList {
	return &eventList{Trace: t, Cursor: cursor, Lang: lang}
}

// matches reports whether step s passes the filter (client, packet).
func matches(s sim.Step, client, packet string) bool {
	if client != "" && s.From != client && s.To != client {
		return false
	}
	if packet != "" && s.Packet != packet {
		return false
	}
	return true
}

// packetTypes lists the packet types a trace carries, sorted.
func packetTypes(t *sim.Trace) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range t.Steps {
		if s.Packet != "" && !seen[s.Packet] {
			seen[s.Packet] = true
			out = append(out, s.Packet)
		}
	}
	sort.Strings(out)
	return out
}

func (l *eventList) OnMount(ctx app.Context) { l.measure(); l.reveal() }

func (l *eventList) OnUpdate(ctx app.Context) { l.measure(); l.reveal() }

func (l *eventList) measure() {
	if top, h, _, ok := scrollBox(eventsScrollID); ok {
		l.scrollTop, l.viewH = top, h
	}
}

// reveal scrolls the current step's row into view when it is listed.
func (l *eventList) reveal() {
	rows := l.rows()
	pos := sort.SearchInts(rows, l.Cursor)
	if pos >= len(rows) || rows[pos] != l.Cursor {
		return
	}
	top, move := scrollToShow(pos, l.scrollTop, l.viewH, eventRowH)
	if !move {
		return
	}
	l.scrollTop = top
	setScrollTop(eventsScrollID, top)
	l.Update()
}

// rows are the indexes of the steps that pass the filter.
func (l *eventList) rows() []int {
	if l.Trace == nil {
		return nil
	}
	c := &l.cache
	if c.of == l.Trace && c.client == l.client && c.packet == l.packet && c.rows != nil {
		return c.rows
	}
	if c.of != l.Trace {
		c.packets = packetTypes(l.Trace)
	}
	c.of, c.client, c.packet = l.Trace, l.client, l.packet
	c.rows = make([]int, 0, len(l.Trace.Steps))
	for _, s := range l.Trace.Steps {
		if matches(s, l.client, l.packet) {
			c.rows = append(c.rows, s.Index)
		}
	}
	return c.rows
}

// packets are packetTypes of the trace, walked once per trace.
func (l *eventList) packets() []string {
	l.rows()
	return l.cache.packets
}

// onScroll re-renders the rows for the new scroll position. It does not
// skip the update when the rows stay the same: that would also cancel an
// update a filter change has just asked for.
func (l *eventList) onScroll(ctx app.Context, e app.Event) { l.measure() }

// visibleEventRows is visibleRows for the event list's row height.
func visibleEventRows(scrollTop, viewH, n int) (int, int) {
	if viewH <= 0 {
		viewH = 360
	}
	first := scrollTop/eventRowH - overscan
	last := (scrollTop+viewH)/eventRowH + 1 + overscan
	last = min(last, n)
	return min(max(first, 0), last), last
}

func (l *eventList) Render() app.UI {
	if l.Trace == nil {
		return app.Div()
	}
	rows := l.rows()
	first, last := visibleEventRows(l.scrollTop, l.viewH, len(rows))
	trs := make([]app.UI, 0, last-first)
	for _, i := range rows[first:max(first, last)] {
		trs = append(trs, l.renderRow(l.Trace.Steps[i]))
	}
	var empty app.UI
	if len(rows) == 0 {
		empty = app.P().Class("empty").Text(tr(l.Lang, "events.none"))
	}
	return app.Div().Class("events").Body(
		l.renderFilters(),
		app.Div().Class("event-head").Aria("hidden", "true").Body(
			app.Span().Class("ev-time").Text(tr(l.Lang, "events.time")),
			app.Span().Class("ev-dir").Text(tr(l.Lang, "events.fromto")),
			app.Span().Class("ev-what").Text(tr(l.Lang, "events.what")),
			app.Span().Class("ev-outcome").Text(tr(l.Lang, "events.outcome")),
		),
		app.Div().ID(eventsScrollID).Class("events-scroll").OnScroll(l.onScroll).Body(
			app.Div().Class("events-pad").Style("height", px(len(rows)*eventRowH)).Body(
				app.Ol().Class("event-rows").Style("transform", "translateY("+px(first*eventRowH)+")").Body(trs...),
			),
		),
		empty,
	)
}

func (l *eventList) renderFilters() app.UI {
	clientOpts := []app.UI{app.Option().Value("").Text(tr(l.Lang, "events.all"))}
	for _, n := range l.Trace.Nodes {
		clientOpts = append(clientOpts, app.Option().Value(n).Selected(n == l.client).Text(n))
	}
	packetOpts := []app.UI{app.Option().Value("").Text(tr(l.Lang, "events.all"))}
	for _, p := range l.packets() {
		packetOpts = append(packetOpts, app.Option().Value(p).Selected(p == l.packet).Text(p))
	}
	return app.Div().Class("filters").Body(
		app.Label().Body(
			app.Text(tr(l.Lang, "events.client")+" "),
			app.Select().ID("filter-client").OnChange(l.onFilter(&l.client)).Body(clientOpts...),
		),
		app.Label().Body(
			app.Text(tr(l.Lang, "events.packet")+" "),
			app.Select().ID("filter-packet").OnChange(l.onFilter(&l.packet)).Body(packetOpts...),
		),
	)
}

// onFilter stores a filter select's value in v and scrolls the list back
// to its top.
func (l *eventList) onFilter(v *string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		*v = ctx.JSSrc().Get("value").String()
		l.scrollTop = 0
		setScrollTop(eventsScrollID, 0)
	}
}

func (l *eventList) renderRow(s sim.Step) app.UI {
	class := "event flow-" + string(flowOf(s.Packet))
	if s.Index == l.Cursor {
		class += " current"
	}
	dir := s.From
	if s.To != "" {
		dir += " → " + s.To
	}
	what := s.Label
	if s.Kind != sim.KindPacket {
		what = tr(l.Lang, "kind."+string(s.Kind))
		if len(s.Notes) > 0 {
			what += tr(l.Lang, "sep.colon") + s.Notes[0].Text.In(l.Lang)
		}
	}
	outcome := ""
	if s.Outcome != "" {
		outcome = tr(l.Lang, "outcome."+string(s.Outcome))
	}
	idx := s.Index
	return app.Li().
		Class(class).
		DataSet("step", s.Index).
		Body(app.Button().
			Class("event-button").
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actGoto, idx) }, idx).
			Body(
				app.Span().Class("ev-time").Text(tr(l.Lang, "time.ms", s.Time)),
				// Cut short with … when narrow: the title keeps the whole text.
				app.Span().Class("ev-dir").Title(dir).Text(dir),
				app.Span().Class("ev-what").Title(what).Text(what),
				app.Span().Class("ev-outcome outcome-"+string(s.Outcome)).Text(outcome),
			))
}

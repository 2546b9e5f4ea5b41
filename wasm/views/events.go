package views

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"slices"
	"sort"
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const (
	eventsScrollID = "events-scroll"
	// eventRowH is the height of a row in the wide layout, one line;
	// eventRowNarrowH of a row in a box narrower than narrowEvents, where
	// a row takes two lines so that its direction and packet are whole.
	eventRowH       = 30
	eventRowNarrowH = 46
	narrowEvents    = 520
)

// eventList is a row per step: time, from → to, what, outcome. It is a
// listbox, one Tab stop: the arrow keys, Home, End, Page Up and Page
// Down move the active row (aria-activedescendant), Enter and a click go
// to that step. It filters by client and by packet type and, like the
// diagram, draws only the rows in view.
type eventList struct {
	app.Compo

	Trace  *trace.Trace
	Cursor int
	Lang   string
	// Marks are the page's marks; the list shows Marks.Changed.
	Marks Marks

	client    string // "" for every node
	packet    packetFilter
	scrollTop int
	viewH     int
	viewW     int

	// active is the step of the row the keys move; it follows the
	// cursor whenever the cursor moves (followed is the cursor, of
	// followedOf, it last followed). revealed is the step last scrolled
	// into view.
	active     int
	followed   int
	followedOf *trace.Trace
	revealed   int
	// drawn is the first row drawn and count the number of rows; queued
	// is set while an update the list asked for itself is pending.
	drawn, count int
	queued       bool
	// release removes the box's own listeners (listen).
	release func()

	// cache holds rows() and packetTypes() for one trace and filter:
	// both walk every step, which a step of a long trace must not.
	cache struct {
		of      *trace.Trace
		client  string
		packet  packetFilter
		rows    []int
		packets []codec.PacketType
	}
}

func NewEventList(t *trace.Trace, cursor int, lang string) *eventList {
	return &eventList{Trace: t, Cursor: cursor, Lang: lang, followed: -1, revealed: -1}
}

// WithMarks gives the list the page's marks: a changed step's row says
// so in words, beside its colour.
func (l *eventList) WithMarks(m Marks) *eventList {
	l.Marks = m
	return l
}

// packetFilter is the packet type the list shows: the zero value,
// allPackets, shows every step; only(t) the packets of type t.
type packetFilter int

// allPackets is the filter that shows every step.
const allPackets packetFilter = 0

// only is the filter that shows the packets of type t.
func only(t codec.PacketType) packetFilter { return packetFilter(t) + 1 }

// hasPacket reports whether step s carries a packet's bytes, and so has a
// packet type.
func hasPacket(s trace.Step) bool { return s.Kind == trace.KindPacket && len(s.Bytes) > 0 }

// matches reports whether step s passes the filter (client, packet).
func matches(s trace.Step, client string, packet packetFilter) bool {
	if client != "" && s.From != client && s.To != client {
		return false
	}
	if packet != allPackets && (!hasPacket(s) || only(s.Packet) != packet) {
		return false
	}
	return true
}

// packetTypes lists the packet types a trace carries, sorted by name.
func packetTypes(t *trace.Trace) []codec.PacketType {
	var seen [16]bool
	var out []codec.PacketType
	for _, s := range t.Steps {
		if hasPacket(s) && int(s.Packet) < len(seen) && !seen[s.Packet] {
			seen[s.Packet] = true
			out = append(out, s.Packet)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// OnMount measures the box, which the first render did not know, brings
// the active row into view and listens to the box. There is no OnUpdate:
// go-app renders a component again after its OnUpdate, and reading the
// box's size after each update forces a layout; Render scrolls to the
// active row itself.
func (l *eventList) OnMount(ctx app.Context) {
	top, h, w := l.scrollTop, l.viewH, l.viewW
	if h != 0 {
		jsb.SetScrollTopOver(eventsScrollID, top, len(l.rows())*l.rowH())
	}
	l.measure()
	if l.viewH != h || l.viewW != w || l.scrollTop != top {
		l.revealed = -1
		l.redraw()
	}
	l.reveal()
	l.listen(ctx)
}

// OnInit measures, in the browser, the box of the page the list
// replaces (the pre-rendered page, laid out alike), so that the first
// render draws the rows that box shows.
func (l *eventList) OnInit() {
	if !app.IsClient {
		return
	}
	if top, h, w, ok := jsb.ScrollBox(eventsScrollID); ok {
		l.scrollTop, l.viewH, l.viewW = top, h, w
	}
}

func (l *eventList) OnDismount() {
	if l.release != nil {
		l.release()
		l.release = nil
	}
}

// listen hears the box's scrolls and keys with listeners of its own
// (jsb.ListenBox), not go-app's: go-app renders the whole page after
// each event its handlers get, and its PreventUpdate, which avoids that,
// marked the list until it was next updated from above, dropping the
// update of any later event of the list (a click on the cursor's row
// after a scroll). A scroll or key renders the list alone, when it must.
func (l *eventList) listen(ctx app.Context) {
	next := func(fn func(app.Context)) {
		ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: l, Function: fn})
	}
	l.release = jsb.ListenBox(eventsScrollID,
		func() { next(func(app.Context) { l.scrolled() }) },
		func(k jsb.KeyPress) bool {
			// count is read here, on the event goroutine, while the UI
			// goroutine waits: the key must be claimed before it goes on.
			if !ownsKey(k, l.count) {
				return false
			}
			next(func(ctx app.Context) { l.key(ctx, k.Key) })
			return true
		})
}

// OnResize lays the rows out again when the box changes width.
func (l *eventList) OnResize(ctx app.Context) { l.measure() }

// measure reads the box's scroll position and size; when its width
// changes the layout (one line a row or two), it renders again.
func (l *eventList) measure() {
	top, h, w, ok := jsb.ScrollBox(eventsScrollID)
	if !ok {
		return
	}
	wasNarrow := l.narrow()
	l.scrollTop, l.viewH, l.viewW = top, h, w
	if l.narrow() != wasNarrow {
		l.revealed = -1
		l.redraw()
	}
}

// redraw asks for a render of the list itself.
func (l *eventList) redraw() {
	l.queued = true
	l.Update()
}

// narrow reports whether the rows take two lines.
func (l *eventList) narrow() bool { return l.viewW > 0 && l.viewW < narrowEvents }

// rowH is the height of one row in the current layout.
func (l *eventList) rowH() int {
	if l.narrow() {
		return eventRowNarrowH
	}
	return eventRowH
}

// follow makes the active row the cursor's when the cursor has moved
// since the last render, or the trace changed.
func (l *eventList) follow() {
	if l.Cursor != l.followed || l.Trace != l.followedOf {
		l.active, l.followed, l.followedOf = l.Cursor, l.Cursor, l.Trace
	}
}

// reveal brings the active row into view, rendering again when the box
// scrolled.
func (l *eventList) reveal() {
	if l.scrollToActive() {
		l.redraw()
	}
}

// scrollToActive scrolls the box to the active row once each time it
// changes, so that the list can still be scrolled away from it by hand,
// and reports whether it scrolled. Render calls it before it draws the
// rows, so that a step draws the rows once, at their new place: the
// box's height stays the same from step to step, measured on mount,
// resize and scroll.
func (l *eventList) scrollToActive() bool {
	if l.active == l.revealed || l.viewH == 0 {
		return false
	}
	rows := l.rows()
	pos := sort.SearchInts(rows, l.active)
	if pos >= len(rows) || rows[pos] != l.active {
		return false
	}
	l.revealed = l.active
	top, move := scrollToShow(pos, l.scrollTop, l.viewH, l.rowH())
	if !move {
		return false
	}
	l.scrollTop = top
	if l.Mounted() {
		// The rows' pad takes the list's height first: after the filter
		// is reset, the page still holds the filtered list's.
		jsb.SetScrollTopOver(eventsScrollID, top, len(rows)*l.rowH())
	}
	return true
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
func (l *eventList) packets() []codec.PacketType {
	l.rows()
	return l.cache.packets
}

// scrolled renders the list again, and only the list, for the new
// scroll position; nothing when the same rows stay in view (the scroll a
// step's render just made) unless the list asked for a render itself.
func (l *eventList) scrolled() {
	l.measure()
	if first, _ := visibleEventRows(l.scrollTop, l.viewH, len(l.rows()), l.rowH()); first != l.drawn || l.queued {
		l.redraw()
	}
}

// visibleEventRows returns the range [first, last) of the n rows, each
// rowH high, to draw for a scroll position and box height, with overscan
// rows on each side.
func visibleEventRows(scrollTop, viewH, n, rowH int) (int, int) {
	if viewH <= 0 {
		viewH = 360
	}
	first := scrollTop/rowH - overscan
	last := (scrollTop+viewH)/rowH + 1 + overscan
	last = min(last, n)
	return min(max(first, 0), last), last
}

// eventKey is where a key moves the active row in a list of n rows from
// position pos, a page being page rows; ok is false for the keys the list
// leaves to the page.
func eventKey(key string, pos, n, page int) (int, bool) {
	if n == 0 {
		return 0, false
	}
	switch key {
	case "ArrowDown":
		pos++
	case "ArrowUp":
		pos--
	case "PageDown":
		pos += max(page, 1)
	case "PageUp":
		pos -= max(page, 1)
	case "Home":
		pos = 0
	case "End":
		pos = n - 1
	default:
		return 0, false
	}
	return min(max(pos, 0), n-1), true
}

// ownsKey reports whether the list takes key press k, in a list of n
// rows: Enter, the arrow keys, Home, End, Page Up and Page Down go no
// further (Home and End here move the row, not the player). Keys held
// with Ctrl, Alt or Meta are the browser's; an empty list takes none.
func ownsKey(k jsb.KeyPress, n int) bool {
	if k.Modified || n == 0 {
		return false
	}
	_, ok := eventKey(k.Key, 0, n, 1)
	return ok || k.Key == "Enter"
}

// key moves the active row, and renders the list alone, or goes to its
// step on Enter.
func (l *eventList) key(ctx app.Context, key string) {
	rows := l.rows()
	if len(rows) == 0 {
		return
	}
	pos := min(sort.SearchInts(rows, l.active), len(rows)-1)
	if key == "Enter" {
		ctx.NewActionWithValue(ActGoto, rows[pos])
		return
	}
	if next, ok := eventKey(key, pos, len(rows), l.viewH/l.rowH()-1); ok {
		l.active = rows[next]
		// The render scrolls to the row.
		l.redraw()
	}
}

func (l *eventList) Render() app.UI {
	if l.Trace == nil {
		return app.Div()
	}
	l.queued = false
	l.follow()
	l.scrollToActive()
	rows := l.rows()
	rowH := l.rowH()
	first, last := visibleEventRows(l.scrollTop, l.viewH, len(rows), rowH)
	l.drawn, l.count = first, len(rows)
	items := make([]app.UI, 0, last-first)
	activeID := ""
	for _, i := range rows[first:max(first, last)] {
		items = append(items, &eventRow{Look: l.look(l.Trace.Steps[i]), List: l})
		if i == l.active {
			activeID = eventRowID(i)
		}
	}
	var empty, changedNote app.UI
	if len(rows) == 0 {
		empty = app.P().Class("empty").Text(tr(l.Lang, "events.none"))
	}
	describedBy := "events-keys"
	if slices.Contains(l.Marks.Changed, true) {
		describedBy += " events-changed-note"
		changedNote = app.P().ID("events-changed-note").Class("visually-hidden").Text(tr(l.Lang, "events.changed.note"))
	}
	class := "events"
	if l.narrow() {
		class += " narrow"
	}
	box := app.Div().ID(eventsScrollID).Class("events-scroll").
		Attr("role", "listbox").
		TabIndex(0).
		Aria("label", tr(l.Lang, "events.title")).
		Aria("describedby", describedBy).
		Body(
			app.Div().Class("events-pad").Attr("role", "none").Style("height", px(len(rows)*rowH)).Body(
				app.Ol().Class("event-rows").Attr("role", "none").Style("transform", "translateY("+px(first*rowH)+")").Body(items...),
			),
		)
	if activeID != "" {
		box = box.Aria("activedescendant", activeID)
	}
	return app.Div().Class(class).Body(
		&eventFilters{List: l, Trace: l.Trace, Steps: len(l.Trace.Steps), Client: l.client, Packet: l.packet, Lang: l.Lang},
		app.Div().Class("event-head").Aria("hidden", "true").Body(
			app.Span().Class("ev-time").Text(tr(l.Lang, "events.time")),
			app.Span().Class("ev-dir").Text(tr(l.Lang, "events.fromto")),
			app.Span().Class("ev-what").Text(tr(l.Lang, "events.what")),
			app.Span().Class("ev-outcome").Text(tr(l.Lang, "events.outcome")),
		),
		box,
		app.P().ID("events-keys").Class("visually-hidden").Text(tr(l.Lang, "events.keys")),
		changedNote,
		empty,
	)
}

// eventFilters are the list's two filter selects: a component, drawn
// again when a filter, the trace or the language changes, not on a step.
type eventFilters struct {
	app.Compo
	List   *eventList
	Trace  *trace.Trace
	Steps  int // a live trace grows in place
	Client string
	Packet packetFilter
	Lang   string
}

func (f *eventFilters) Render() app.UI { return f.List.renderFilters() }

func (l *eventList) renderFilters() app.UI {
	clientOpts := []app.UI{app.Option().Value("").Text(tr(l.Lang, "events.all"))}
	for _, n := range l.Trace.Nodes {
		clientOpts = append(clientOpts, app.Option().Value(n).Selected(n == l.client).Text(n))
	}
	packetOpts := []app.UI{app.Option().Value("").Text(tr(l.Lang, "events.all"))}
	for _, p := range l.packets() {
		packetOpts = append(packetOpts, app.Option().Value(p.String()).Selected(only(p) == l.packet).Text(p.String()))
	}
	return app.Div().Class("filters").Body(
		app.Label().Body(
			app.Text(tr(l.Lang, "events.client")+" "),
			app.Select().ID("filter-client").OnChange(l.onFilter(func(v string) { l.client = v })).Body(clientOpts...),
		),
		app.Label().Body(
			app.Text(tr(l.Lang, "events.packet")+" "),
			app.Select().ID("filter-packet").OnChange(l.onFilter(l.setPacket)).Body(packetOpts...),
		),
	)
}

// setPacket sets the packet filter from its select's value: a packet
// type's name, or "" for every packet type.
func (l *eventList) setPacket(v string) {
	var t codec.PacketType
	if v == "" || t.UnmarshalText([]byte(v)) != nil {
		l.packet = allPackets
		return
	}
	l.packet = only(t)
}

// onFilter gives a filter select's value to set and scrolls the list back
// to its top; go-app renders the list after it (and the page, which a
// change of filter can afford).
func (l *eventList) onFilter(set func(string)) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		set(jsb.StringProp(ctx.JSSrc(), "value"))
		l.scrollTop = 0
		l.revealed = -1
		jsb.SetScrollTop(eventsScrollID, 0)
	}
}

// eventRowID is the element id of step i's row.
func eventRowID(i int) string { return "event-" + strconv.Itoa(i) }

// eventRow is one row of the list as a component of its own: go-app
// draws it again only when its Look changed. A step changes the rows of
// the cursor before and after; every row in view was built and compared
// again on every step.
type eventRow struct {
	app.Compo
	// Look is a pointer so that go-app's comparison of the fields does
	// not copy it to the heap (see stepRow).
	Look *eventLook
	// List is the list the row is in: a click makes its step the active
	// one.
	List *eventList
}

// eventLook is everything a row is drawn from.
type eventLook struct {
	Step                     trace.Step
	Current, Active, Changed bool
	Lang                     string
}

func (r *eventRow) Render() app.UI { return r.List.renderRow(*r.Look) }

// look is how the list draws step s.
func (l *eventList) look(s trace.Step) *eventLook {
	return &eventLook{Step: s, Current: s.Index == l.Cursor, Active: s.Index == l.active,
		Changed: l.Marks.changed(s.Index), Lang: l.Lang}
}

func (l *eventList) renderRow(look eventLook) app.UI {
	s, lang := look.Step, look.Lang
	class := "event flow-" + string(flowOf(s.Packet))
	if look.Current {
		class += " current"
	}
	if look.Active {
		class += " active"
	}
	// A changed step's row has a bar at its left edge and the word
	// before its text: not the colour alone, and read with the row.
	var changed app.UI
	if look.Changed {
		class += " changed"
		changed = app.Span().Class("ev-changed").Text(tr(lang, "events.changed"))
	}
	dir := s.From
	if s.To != "" {
		dir += " → " + s.To
	}
	what := s.Label.In(lang)
	if s.Kind != trace.KindPacket {
		what = s.Kind.Caption().In(lang)
		if len(s.Notes) > 0 {
			what += tr(lang, "sep.colon") + s.Notes[0].Text.In(lang)
		}
	}
	outcome := ""
	if s.Outcome != "" {
		outcome = s.Outcome.Caption().In(lang)
	}
	idx := s.Index
	return app.Li().
		ID(eventRowID(s.Index)).
		Class(class).
		Attr("role", "option").
		Aria("selected", look.Current).
		DataSet("step", s.Index).
		// The scope makes go-app swap the handler when a row is reused
		// for another step: it compares handlers by code pointer.
		OnClick(func(ctx app.Context, e app.Event) {
			l.active = idx
			ctx.NewActionWithValue(ActGoto, idx)
		}, idx).
		Body(
			app.Span().Class("ev-time").Text(tr(lang, "time.ms", s.Time)),
			app.Span().Class("ev-dir").Text(dir),
			// Cut short with … when narrow: the title keeps the whole text.
			app.Span().Class("ev-what").Title(what).Body(changed, app.Text(what)),
			app.Span().Class("ev-outcome outcome-"+string(s.Outcome)).Text(outcome),
		)
}

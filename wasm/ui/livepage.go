package ui

import (
	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/live"
	"mqttviz/sim/trace"
	"mqttviz/wasm/jsb"
	"mqttviz/wasm/views"
	"mqttviz/wasm/wslink"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// livePage is /live: the simulator's own client cores connected to a
// real broker over WebSocket, every packet a step of a growing trace the
// moment it is sent or received, drawn with the lesson page's views. The
// broker is observed from outside: the state is the clients'.
//
// Everything the user types stays in the browser: the server pre-renders
// the empty page from its path alone, and ?broker= fills the address
// field in the browser.
type livePage struct {
	app.Compo
	language
	player

	ctx app.Context
	// broker is the address field; addrErr why it cannot be dialed.
	broker  string
	addrErr *codec.Text
	clients []*liveClient
	// sess is the recording, nil before the first connect.
	sess *liveSession
	// follow keeps the view on the newest step unless the user left it.
	follow
	// dial makes the transport; now reads the wall clock when a clock is
	// given (both replaced by tests).
	dial dialer
	now  func() time.Time
	// clock, when set, is the sessions' clock (tests); otherwise each
	// session runs on the wall clock from its start.
	clock live.Clock
	// keep is how many steps a recording keeps, the newest.
	keep int
	// lesson is the lesson run against the broker (livelesson.go).
	lesson liveLesson
	// drawArmed says a draw of the connections' changes is coming;
	// drewAt is when the last was.
	drawArmed bool
	drewAt    time.Time
}

func newLivePage() *livePage {
	return &livePage{
		player:  player{speed: 1},
		clients: []*liveClient{newLiveClient(1)},
		follow:  follow{following: true},
		dial:    dialWebSocket,
		now:     time.Now,
		keep:    liveKeep,
		lesson:  liveLesson{choice: defaultLiveLesson},
	}
}

func (p *livePage) OnPreRender(ctx app.Context) { p.prerender(ctx, p.pageTitle) }

func (p *livePage) OnNav(ctx app.Context) {
	p.ctx = ctx
	p.fillBroker(ctx.Page().URL().Query().Get("broker"))
	p.fillKeep(ctx.Page().URL().Query().Get("keep"))
	p.chooseLesson(ctx.Page().URL().Query().Get("lesson"))
	p.retitle(ctx, p.pageTitle)
	ctx.Defer(func(app.Context) { jsb.MarkInteractive() })
}

func (p *livePage) OnMount(ctx app.Context) {
	p.ctx = ctx
	p.observe(ctx, p.pageTitle)
	p.player.mount(ctx)
	p.redact = p.maskPasswords
	// Client ids are made in the browser, never in the page the server
	// pre-renders once for everyone.
	for _, c := range p.clients {
		if c.clientID == "" {
			c.clientID = defaultClientID()
		}
	}
}

func (p *livePage) OnDismount() {
	p.player.dismount()
	p.endSession()
}

func (p *livePage) pageTitle(lang string) string { return tr(lang, "title.live") }

// fillBroker puts the address of ?broker= in the field when it is one
// the page may dial, and says why not otherwise.
func (p *livePage) fillBroker(raw string) {
	if raw == "" || p.sess != nil {
		return
	}
	addr, problem := checkBroker(raw, p.pageAddress())
	p.addrErr = problem
	if problem == nil {
		p.broker = addr.String()
	}
}

// liveKeepLeast and liveKeepMost bound the number of steps ?keep= may
// ask a recording to keep.
const (
	liveKeepLeast = 100
	liveKeepMost  = 100_000
)

// fillKeep takes from ?keep= how many steps the next recording keeps,
// brought within liveKeepLeast and liveKeepMost; anything but a number
// leaves the default.
func (p *livePage) fillKeep(raw string) {
	if raw == "" || p.sess != nil {
		return
	}
	if n, err := strconv.Atoi(raw); err == nil {
		p.keep = min(max(n, liveKeepLeast), liveKeepMost)
	}
}

// pageAddress is the page's own address, for the checks of a broker's.
func (p *livePage) pageAddress() string {
	if p.ctx == nil {
		return ""
	}
	return p.ctx.Page().URL().String()
}

// client is the page's client of lifeline name, nil for none.
func (p *livePage) client(name string) *liveClient {
	for _, c := range p.clients {
		if c.name == name {
			return c
		}
	}
	return nil
}

// connected reports whether some client has a connection.
func (p *livePage) connected() bool {
	for _, c := range p.clients {
		if c.conn != 0 {
			return true
		}
	}
	return false
}

// startRecording begins a recording to the broker in the address
// field, with no client yet, or says why it cannot.
func (p *livePage) startRecording() bool {
	addr, problem := checkBroker(p.broker, p.pageAddress())
	p.addrErr = problem
	if problem != nil {
		return false
	}
	// Every report of the transport and every timer runs on go-app's UI
	// goroutine, with no draw of its own: the page draws what they
	// changed at most every liveDrawEvery (a burst of packets is drawn
	// once).
	s := (*liveSession)(nil)
	dispatch := func(f func()) {
		p.ctx.Dispatcher().Dispatch(app.Dispatch{Mode: app.Next, Source: p, Function: func(ctx app.Context) {
			if p.sess != s {
				return
			}
			p.beforeEvents()
			f()
			p.afterEvents()
			p.drawSoon(ctx)
		}})
	}
	clock, start := p.clock, p.now()
	if clock == nil {
		wc := wslink.NewClock(dispatch)
		clock, start = wc, wc.Start()
	}
	s = newLiveSession(addr, start, p.keep, clock, func(ev liveEvents) live.Transport { return p.dial(addr, ev, dispatch) })
	p.sess, p.trace, p.cursor, p.following = s, s.rec.Trace(), 0, true
	return true
}

// start begins a recording of the page's own clients to the broker in
// the address field, or says why it cannot.
func (p *livePage) start() bool {
	if !p.startRecording() {
		return false
	}
	for _, c := range p.clients {
		c.core = sim.NewClient(c.name, sim.ClientOptions{})
		c.conn, c.problem = 0, nil
		_ = p.sess.d.Add(c.core)
	}
	return true
}

// endSession closes every connection of the recording, which stays.
func (p *livePage) endSession() {
	if p.sess == nil {
		return
	}
	p.stopLesson()
	for _, c := range p.clients {
		if c.conn != 0 {
			c.closing = true
			_ = p.sess.d.Do(c.name, (*sim.Client).Abort)
		}
	}
}

// newRecording drops the recording, once no client is connected, so
// that the next connect starts another, to any broker.
func (p *livePage) newRecording() {
	if p.connected() {
		return
	}
	p.stopLesson()
	p.sess, p.trace, p.cursor, p.following = nil, nil, 0, true
	for _, c := range p.clients {
		c.problem, c.formErr = nil, nil
	}
}

// addClient adds a client with the forms' defaults and an id of its own.
func (p *livePage) addClient() {
	c := newLiveClient(len(p.clients) + 1)
	c.clientID = defaultClientID()
	p.clients = append(p.clients, c)
	if p.sess != nil && p.sess != p.lesson.sess {
		_ = p.sess.d.Add(c.core)
	}
}

// syncFields reads every text field the page shows again: a form
// submitted with Enter runs before its field's change event. A field not
// drawn yet (the will's, just switched on) keeps its value.
func (p *livePage) syncFields() {
	fields := []liveField{{"live-broker", &p.broker}}
	for _, c := range p.clients {
		fields = append(fields, c.textFields()...)
	}
	for _, f := range fields {
		if v, ok := jsb.FieldValue(f.id); ok {
			*f.v = v
		}
	}
}

// act runs one action of client c, as the user asked it: the steps it
// makes are recorded and the view follows them. A refusal before
// anything was sent is said on the client's form.
func (p *livePage) act(c *liveClient, f func(now int64) error) {
	c.formErr = nil
	if p.sess != nil && p.sess == p.lesson.sess {
		// A lesson's recording has the lesson's clients only.
		c.formErr = textPtr(both("livelesson.ownclients"))
		return
	}
	if p.sess == nil && !p.start() {
		return
	}
	p.beforeEvents()
	now := p.sess.clock.Now()
	if err := f(now); err != nil {
		t := errorText(err)
		c.formErr = &t
	}
	p.afterEvents()
	p.scrollAfterDraw(p.ctx)
}

// connect connects c with the options of its form.
func (p *livePage) connect(c *liveClient) {
	p.syncFields()
	o, err := c.options()
	if err != nil {
		t := errorText(err)
		c.formErr = &t
		return
	}
	p.act(c, func(int64) error {
		c.core.SetOptions(o)
		c.problem = nil
		return p.sess.d.Do(c.name, (*sim.Client).Connect)
	})
}

// disconnect sends DISCONNECT (close true) or cuts the connection with
// none, so that the broker publishes the will.
func (p *livePage) disconnect(c *liveClient, graceful bool) {
	act := (*sim.Client).Abort
	if graceful {
		act = (*sim.Client).Disconnect
	}
	p.act(c, func(int64) error {
		c.closing = true
		return p.sess.d.Do(c.name, act)
	})
}

// subscribe subscribes c to its form's filter, or unsubscribes it.
func (p *livePage) subscribe(c *liveClient, on bool) {
	p.syncFields()
	filter, qos := c.filter, c.filterQoS
	if err := codec.ValidateTopicFilter(filter); err != nil {
		t := errorText(err)
		c.formErr = &t
		return
	}
	p.act(c, func(int64) error {
		return p.sess.d.Do(c.name, func(core *sim.Client, now int64) error {
			if on {
				return core.Subscribe(now, codec.Subscription{Filter: filter, QoS: qos})
			}
			return core.Unsubscribe(now, filter)
		})
	})
}

// publish publishes c's form's message.
func (p *livePage) publish(c *liveClient) {
	p.syncFields()
	payload, err := c.payloadBytes()
	if err == nil {
		err = codec.ValidateTopicName(c.topic)
	}
	if err != nil {
		t := errorText(err)
		c.formErr = &t
		return
	}
	topic, qos, retain := c.topic, c.pubQoS, c.pubRetain
	p.act(c, func(int64) error {
		return p.sess.d.Do(c.name, func(core *sim.Client, now int64) error {
			return core.Publish(now, topic, payload, qos, retain)
		})
	})
}

// beforeEvents notes, before new steps come, whether the user left the
// newest step: then the view stays on the step shown.
func (p *livePage) beforeEvents() {
	if p.sess == nil {
		return
	}
	p.follow.before(p.sess.rec, p.cursor)
}

// afterEvents looks at the new steps and moves the view (follow.after).
func (p *livePage) afterEvents() {
	if p.sess == nil {
		return
	}
	p.watchSteps()
	p.trace = p.sess.rec.Trace()
	p.cursor = p.follow.after(p.sess.rec)
}

// liveDrawEvery is the least time between two draws of what the
// connections and the timers changed: at 1,000 packets a second go-app
// would draw the whole page at each of its frames (120 a second). A
// key or a click is drawn at once, as on every page.
const liveDrawEvery = 50 * time.Millisecond

// drawSoon draws the page liveDrawEvery after its last draw of the
// connections' changes, once for all the changes until then.
func (p *livePage) drawSoon(ctx app.Context) {
	if p.drawArmed {
		return
	}
	p.drawArmed = true
	ctx.After(max(0, liveDrawEvery-time.Since(p.drewAt)), func(ctx app.Context) {
		p.drawArmed, p.drewAt = false, time.Now()
		p.scrollAfterDraw(ctx)
	})
}

// scrollAfterDraw scrolls the diagram to its newest step after the draw
// under way, when the view follows.
func (p *livePage) scrollAfterDraw(ctx app.Context) {
	if p.following && ctx != nil {
		ctx.Defer(func(app.Context) { views.ScrollDiagramToEnd() })
	}
}

// backToLive shows the newest step and follows again.
func (p *livePage) backToLive() {
	if p.trace == nil {
		return
	}
	p.following, p.cursor = true, len(p.trace.Steps)-1
}

// showStep shows the step of sequence number seq, when still kept.
func (p *livePage) showStep(seq int) {
	if p.sess == nil {
		return
	}
	if i, ok := p.sess.index(seq); ok {
		p.cursor, p.following = i, i == len(p.trace.Steps)-1
	}
}

// maskPasswords masks the password of a CONNECT unless its client's
// password is revealed.
func (p *livePage) maskPasswords(s trace.Step) trace.Step {
	if c := p.client(s.From); c != nil && c.reveal {
		return s
	}
	return trace.MaskPassword(s)
}

package sim

import (
	"bytes"
	"math/rand/v2"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// node is a state machine the engine drives: the broker, or a client core
// through its peer. Each method is one input; what the node wants done
// collects in its ready.
type node interface {
	// nodeName is the node's lifeline in the trace.
	nodeName() string
	// packet handles one decoded packet that arrived on c.
	packet(now int64, c *conn, p codec.Packet)
	// malformed handles bytes on c that do not decode: frame is the
	// packet's bytes, nil when the stream itself cannot be cut.
	malformed(now int64, c *conn, frame []byte, err error)
	// closed tells the node that its end of c is closed: it closed it
	// itself, the peer's close arrived, or the link was cut.
	closed(now int64, c *conn)
	// tick fires a timer the node asked for.
	tick(now int64, c *conn, k timerKind)
	// effects is the node's ready, drained by the engine after each input.
	effects() *ready
}

// engine runs the events of a World in order and records the trace.
type engine struct {
	now   int64
	queue eventQueue
	// spare are byte buffers of packets already processed, reused when
	// nothing is recorded.
	spare      [][]byte
	foreground int
	rand       *rand.Rand
	trace      *trace.Trace
	broker     *broker
	clients    []*peer
	latency    int64
	snapshots  bool
	record     bool
	lastState  *trace.State
	// conns counts the network connections opened: each gets the next id.
	conns int
	// follow is the connection end whose close is recorded right after
	// the next step: the close that waited for the packet that step shows.
	follow    *conn
	followEnd int
	// closing maps a client to its connection whose client-end close is
	// pending: the client's own later steps wait behind it.
	closing map[string]*conn
}

func newEngine(o Options) *engine {
	e := &engine{
		rand:      rand.New(rand.NewPCG(uint64(o.Seed), 0x6d717474)),
		closing:   map[string]*conn{},
		trace:     &trace.Trace{Version: trace.Version, Source: trace.SourceScenario, Seed: o.Seed, Nodes: []string{trace.BrokerName}, Steps: []trace.Step{}, Expectations: []trace.Expectation{}},
		latency:   o.Latency,
		snapshots: o.Snapshots && !o.NoRecord,
		record:    !o.NoRecord,
	}
	e.broker = newBroker(o.Broker, e.record)
	if !e.record {
		e.broker.spare = &e.spare
	}
	return e
}

// addClient adds a client core with its link and its lifeline.
func (e *engine) addClient(c *Client) *peer {
	c.explain = e.record
	if !e.record {
		c.spare = &e.spare
	}
	p := &peer{ready: ready{explain: e.record}, eng: e, core: c, link: link{latency: [2]int64{e.latency, e.latency}}}
	e.clients = append(e.clients, p)
	e.trace.Nodes = append(e.trace.Nodes, c.name)
	return p
}

// runUntil runs every event due at or before t. With quiet it stops as
// soon as no foreground event is pending and leaves the clock at the last
// event; otherwise the clock ends at t.
func (e *engine) runUntil(t int64, quiet bool) {
	for e.queue.len() > 0 && e.queue.next() <= t {
		if quiet && e.foreground == 0 {
			return
		}
		at, ev := e.queue.pop()
		if ev.foreground {
			e.foreground--
		}
		e.now = at
		switch ev.kind {
		case evArrive:
			e.arrive(ev)
		case evFin:
			e.fin(ev)
		case evTimer:
			e.fire(ev)
		}
	}
	if !quiet || e.foreground > 0 {
		e.now = max(e.now, t)
	}
}

// schedule queues ev at time at, after everything already queued for then.
func (e *engine) schedule(at int64, ev event) {
	if ev.foreground {
		e.foreground++
	}
	e.queue.push(at, ev)
}

// open starts a new connection for client p.
func (e *engine) open(p *peer) *conn {
	e.conns++
	k := &conn{id: e.conns, client: p, open: [2]bool{true, true}}
	k.b = &brokerConn{c: k}
	return k
}

// nodeAt is the node at end end of c.
func (e *engine) nodeAt(c *conn, end int) node {
	if end == brokerEnd {
		return e.broker
	}
	return c.client
}

// endOf is the end of c that n holds.
func endOf(n node) int {
	if _, ok := n.(*broker); ok {
		return brokerEnd
	}
	return clientEnd
}

// flush drains n's ready after an input: the notes go to step, which is
// recorded, then packets leave, timers are set and connections close.
// Without a step the notes stay for the close step that follows.
func (e *engine) flush(n node, step *trace.Step) {
	r := n.effects()
	if step != nil {
		if len(r.notes) > 0 {
			step.Notes = append(step.Notes, r.notes...)
		}
		if r.refused && step.Kind == trace.KindPacket {
			step.Outcome = trace.Refused
		}
		e.appendStep(*step)
		r.notes = r.notes[:0]
	}
	r.refused = false
	for i := range r.sends {
		e.send(n, r.sends[i])
		r.sends[i] = outgoing{}
	}
	r.sends = r.sends[:0]
	for _, t := range r.timers {
		e.schedule(t.at, event{kind: evTimer, foreground: t.foreground, conn: t.c, timer: t.kind, up: endOf(n) == clientEnd})
	}
	r.timers = r.timers[:0]
	if len(r.closes) > 0 {
		closes := r.closes
		r.closes = nil
		for _, c := range closes {
			e.closeEnd(n, c)
		}
	}
}

// act records what a node did on its own initiative (an API call, a
// timer): a step of the given kind when the node wrote notes or always is
// set, then its effects. A note step is not recorded when the node closes
// a connection: its notes go on the close step instead.
func (e *engine) act(n node, kind trace.StepKind, always bool) {
	e.actOn(n, openConn(n), kind, always)
}

// do records an action of client p that err did not refuse, as act does;
// a refused action records nothing.
func (e *engine) do(p *peer, kind trace.StepKind, always bool, err error) error {
	if err != nil {
		return err
	}
	p.take()
	e.act(p, kind, always)
	return nil
}

// openConn is the client n's connection while its end is open, nil for
// the broker or a client with none: the connection its own steps are on.
func openConn(n node) *conn {
	if p, ok := n.(*peer); ok && p.conn != nil && p.conn.open[clientEnd] {
		return p.conn
	}
	return nil
}

// actOn is act for a step on connection k (nil for none).
func (e *engine) actOn(n node, k *conn, kind trace.StepKind, always bool) {
	r := n.effects()
	if !always && (len(r.notes) == 0 || kind == trace.KindNote && len(r.closes) > 0) {
		e.flush(n, nil)
		return
	}
	s := &trace.Step{Time: e.now, Kind: kind, From: n.nodeName()}
	if k != nil {
		s.Conn = k.id
	}
	if kind == trace.KindConnect {
		s.To = trace.BrokerName
	}
	e.flush(n, s)
}

// send puts one packet on the link of its connection.
func (e *engine) send(from node, o outgoing) {
	c := o.c
	d := Down
	if endOf(from) == clientEnd {
		d = Up
	}
	l := &c.client.link
	lost, why := l.lose(e.rand, d, o.typ, o.id)
	ev := event{kind: evArrive, foreground: true, conn: c, up: d == Up, sentAt: e.now, bytes: o.bytes}
	if lost {
		t := why
		ev.lost = &t
	}
	c.inflight[endOf(from)]++
	if e.record {
		c.said[endOf(from)] = append(c.said[endOf(from)], WirePacket{Type: o.typ, PacketID: o.id, Bytes: o.bytes})
	}
	e.schedule(e.now+l.latency[dirIndex(d)], ev)
	if lost {
		return
	}
	if b, note, bySender, ok := l.copyOf(d, o.typ, o.id, o.bytes); ok {
		again := ev
		again.bytes, again.note = b, &note
		c.inflight[endOf(from)]++
		if e.record && bySender {
			c.said[endOf(from)] = append(c.said[endOf(from)], WirePacket{Type: o.typ, PacketID: o.id, Bytes: b})
		}
		e.schedule(e.now+l.latency[dirIndex(d)], again)
	}
}

func dirIndex(d Direction) int {
	if d == Up {
		return 0
	}
	return 1
}

// arrive delivers a packet's bytes to the receiving end, or records its
// loss.
func (e *engine) arrive(ev event) {
	c := ev.conn
	end := receiving(ev.dir())
	c.inflight[1-end]--
	if c.inflight[1-end] == 0 {
		// The sender's close, if it waited for this packet, follows its step.
		e.follow, e.followEnd = c, 1-end
	}
	from, to := c.client.nodeName(), trace.BrokerName
	if !ev.up {
		from, to = to, from
	}
	step := trace.Step{Time: e.now, Kind: trace.KindPacket, From: from, To: to, Conn: c.id, SentAt: ev.sentAt, Bytes: ev.bytes}
	if e.record {
		d := codec.Describe(ev.bytes)
		step.Packet, step.Label, step.Sections = d.Type, d.Summary, d.Sections
	}
	if ev.lost != nil {
		step.Outcome = trace.Dropped
		step.Notes = []trace.Note{{Text: *ev.lost}}
		e.appendStep(step)
		return
	}
	if !c.open[end] {
		step.Outcome = trace.Lost
		step.Notes = []trace.Note{{Text: trace.Text{
			EN: to + " had already closed this connection: the bytes are lost",
			ZH: to + " 已经关闭了这条连接：这些字节丢失了",
		}}}
		e.appendStep(step)
		return
	}
	step.Outcome = trace.Delivered
	if ev.note != nil {
		step.Notes = append(step.Notes, *ev.note)
	}
	n := e.nodeAt(c, end)
	r := n.effects()
	c.split[end].Feed(ev.bytes)
	if !e.record {
		// The splitter copied the bytes and no step keeps them.
		e.spare = append(e.spare, ev.bytes[:0])
	}
	frames := 0
	for !r.closing(c) {
		frame, err := c.split[end].Next()
		if err != nil {
			n.malformed(e.now, c, nil, err)
			break
		}
		if frame == nil {
			break
		}
		frames++
		if c.dec[end] == nil {
			c.dec[end] = &codec.Decoder{}
		}
		p, err := c.dec[end].Decode(frame)
		if err != nil {
			n.malformed(e.now, c, frame, err)
			break
		}
		if e.record {
			c.heard[end] = append(c.heard[end], WirePacket{Type: p.Type(), PacketID: packetID(p), Bytes: bytes.Clone(frame)})
		}
		n.packet(e.now, c, p)
	}
	if frames == 0 && !r.closing(c) {
		r.note("MQTT 2.2.3", to+" has only part of a packet: it waits for the rest of the bytes that Remaining Length announces",
			to+" 只收到报文的一部分：剩余长度声明的字节还没有到齐，继续等待")
	}
	e.flush(n, &step)
}

// closeEnd closes n's end of c and records it; the other end hears of it
// one link latency later unless the link is silent.
func (e *engine) closeEnd(n node, c *conn) {
	end := endOf(n)
	if !c.open[end] {
		return
	}
	c.open[end] = false
	c.selfClosed[end] = true
	n.closed(e.now, c)
	r := n.effects()
	if len(r.notes) == 0 {
		r.note("", n.nodeName()+" closes the network connection", n.nodeName()+" 关闭网络连接")
	}
	step := &trace.Step{Time: e.now, Kind: trace.KindClose, From: n.nodeName(), Conn: c.id}
	if c.inflight[end] > 0 && e.record {
		// The packets n sent before closing are still on the wire: their
		// arrival is shown first, then this close (recordPendingClose).
		e.flushDeferred(n, step, c, end)
	} else {
		e.flush(n, step)
	}
	other := 1 - end
	if !c.open[other] {
		return
	}
	d := Up
	if end == brokerEnd {
		d = Down
	}
	l := &c.client.link
	if l.silent {
		return
	}
	e.schedule(e.now+l.latency[dirIndex(d)], event{kind: evFin, foreground: true, conn: c, up: d == Up, sentAt: e.now})
}

// flushDeferred drains n's ready after it closed its end of c while
// packets it sent are still in flight: the close step, with its notes and
// its time, is kept on c until recordPendingClose.
func (e *engine) flushDeferred(n node, step *trace.Step, c *conn, end int) {
	r := n.effects()
	step.Notes = append([]trace.Note(nil), r.notes...)
	r.notes = r.notes[:0]
	c.pendingClose[end] = step
	if end == clientEnd {
		e.closing[c.client.nodeName()] = c
	}
	e.flush(n, nil)
}

// recordPendingClose records the close of c's end that waited for the
// packets sent before it, if any, then the steps its client took after
// it: before the other end hears of it.
func (e *engine) recordPendingClose(c *conn, end int) {
	s := c.pendingClose[end]
	if s == nil {
		return
	}
	c.pendingClose[end] = nil
	held := c.heldBehind
	if end == clientEnd {
		c.heldBehind = nil
		delete(e.closing, c.client.nodeName())
	}
	e.appendStep(*s)
	for _, h := range held {
		e.appendStep(h)
	}
}

// fin tells the receiving end that the other end closed the connection.
func (e *engine) fin(ev event) {
	c := ev.conn
	end := receiving(ev.dir())
	e.recordPendingClose(c, 1-end)
	if !c.open[end] {
		return
	}
	c.open[end] = false
	n := e.nodeAt(c, end)
	from := e.nodeAt(c, 1-end).nodeName()
	n.effects().note("", n.nodeName()+" sees the connection closed by "+from, n.nodeName()+" 发现连接已被 "+from+" 关闭")
	n.closed(e.now, c)
	e.flush(n, &trace.Step{Time: e.now, Kind: trace.KindClose, From: from, To: n.nodeName(), Conn: c.id, SentAt: ev.sentAt})
}

// cut closes the client's latest connection at both ends at once.
func (e *engine) cut(p *peer) {
	c := p.conn
	if c == nil {
		return
	}
	name := p.nodeName()
	step := &trace.Step{Time: e.now, Kind: trace.KindClose, From: name, To: trace.BrokerName, Conn: c.id}
	var order []node
	for _, end := range []int{clientEnd, brokerEnd} {
		if c.open[end] {
			c.open[end] = false
			n := e.nodeAt(c, end)
			n.closed(e.now, c)
			order = append(order, n)
		}
	}
	if len(order) == 0 {
		return
	}
	// The notes of both ends go on one step; then the effects run.
	for _, n := range order {
		r := n.effects()
		step.Notes = append(step.Notes, r.notes...)
		r.notes = r.notes[:0]
	}
	e.appendStep(*step)
	for _, n := range order {
		e.flush(n, nil)
	}
}

// fire runs a timer.
func (e *engine) fire(ev event) {
	var n node = e.broker
	if ev.up {
		n = ev.conn.client
	}
	n.tick(e.now, ev.conn, ev.timer)
	e.actOn(n, ev.conn, trace.KindTimer, false)
}

// fault changes a client's link and records the change; a cut then
// closes its connection.
func (e *engine) fault(p *peer, f fault) {
	t := p.link.apply(f)
	e.appendStep(trace.Step{Time: e.now, Kind: trace.KindFault, From: p.nodeName(), To: trace.BrokerName, Notes: []trace.Note{{Text: t}}})
	if f.kind == faultCut {
		e.cut(p)
	}
}

// narrate records the scenario's own note.
func (e *engine) narrate(t trace.Text) {
	e.appendStep(trace.Step{Time: e.now, Kind: trace.KindNote, Notes: []trace.Note{{Text: t}}})
}

// appendStep adds a step to the trace with a snapshot of the state after
// it.
func (e *engine) appendStep(s trace.Step) {
	if !e.record {
		return
	}
	if k := e.closing[s.From]; k != nil && s.Kind != trace.KindPacket {
		k.heldBehind = append(k.heldBehind, s)
		return
	}
	var st *trace.State
	if e.snapshots {
		st = e.snapshot()
	}
	e.trace.Record(s, st)
	if f := e.follow; f != nil {
		e.follow = nil
		e.recordPendingClose(f, e.followEnd)
	}
}

// restartBroker closes every connection at the broker's end as a broker
// process that stops, then keeps or drops sessions and retained messages.
func (e *engine) restartBroker(o RestartOptions) {
	b := e.broker
	b.stopNote()
	e.act(b, trace.KindNote, true)
	b.stopping = true
	for _, cl := range e.clients {
		if k := cl.conn; k != nil && k.open[brokerEnd] {
			b.endWithProcess(cl.nodeName(), cl.nodeName(), k)
			e.flush(b, nil)
		}
	}
	b.stopping = false
	b.restart(o)
	e.act(b, trace.KindNote, true)
}

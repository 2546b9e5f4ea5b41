package live

import (
	"slices"

	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// Driver runs the simulator's client cores (sim.Client) on a real clock
// and a real transport, as the simulator's engine runs them on its
// virtual clock and links: it hands each core its inputs (the actions
// asked of it, the packets read, its timers, the close of its
// connection), carries out what the core wants done (open, write, set a
// timer, close) and records everything through its Recorder, each step
// with the client's notes and the clients' state after it. The broker is
// a black box: the state holds the clients only.
//
// A step follows the simulator's shape: an action or a timer that the
// client explains is a note or timer step with its notes, and the packets
// it writes follow; a packet read carries the notes of what the client
// did on it. The clock's timers and the transport's calls must come on
// one loop, never during a call into the driver: a Driver is not safe for
// concurrent use.
type Driver struct {
	clock   Clock
	net     Transport
	rec     *Recorder
	addr    string
	clients []*client
	byName  map[string]*client
	byConn  map[int]*client
	conns   int          // connections opened
	state   *trace.State // the state recorded last
	last    int64        // the time of the step recorded last
}

// client is one core under the driver and its current connection.
type client struct {
	core *sim.Client
	// conn is the current connection, 0 when there is none; up says the
	// transport reported it open, and pending are the writes asked for
	// before.
	conn    int
	up      bool
	pending [][]byte
	// faults are those at the client's end (driver_faults.go); link is
	// the record of its latest connection, nil before the first.
	faults faults
	link   *sim.Connection
}

// NewDriver returns a driver of no client yet, connecting to the broker
// at addr (as the trace names it) through net and recording into rec,
// which records at the clients (Options.Source trace.SourceLive).
func NewDriver(clock Clock, net Transport, rec *Recorder, addr string) *Driver {
	return &Driver{clock: clock, net: net, rec: rec, addr: addr, byName: map[string]*client{}, byConn: map[int]*client{}}
}

// Add puts the client core c under the driver, as a lifeline of the
// trace. A name already taken is refused.
func (d *Driver) Add(c *sim.Client) error {
	name := c.Name()
	if d.byName[name] != nil {
		return &sim.ActionError{Text: trace.Text{EN: "there is already a client named " + name, ZH: "已经有名为 " + name + " 的客户端"}}
	}
	cl := &client{core: c}
	d.clients = append(d.clients, cl)
	d.byName[name] = cl
	d.rec.AddNode(name)
	return nil
}

// Do runs act on the client named name at the clock's time, for example
// (*sim.Client).Connect, and carries out what the client wants done. An
// action the client refuses records nothing and returns its error.
func (d *Driver) Do(name string, act func(c *sim.Client, now int64) error) error {
	cl := d.byName[name]
	if cl == nil {
		return noClient(name)
	}
	now := d.clock.Now()
	if err := act(cl.core, now); err != nil {
		return err
	}
	d.carry(cl, now, &trace.Step{Time: now, Kind: trace.KindNote, From: name, Conn: cl.conn})
	return nil
}

// Opened tells the driver that connection conn is open: the packets the
// client wrote meanwhile (its CONNECT) go out now.
func (d *Driver) Opened(conn int) {
	cl := d.byConn[conn]
	if cl == nil || cl.up {
		return
	}
	cl.up = true
	pending := cl.pending
	cl.pending = nil
	for _, b := range pending {
		d.write(cl, d.clock.Now(), b)
	}
}

// Read hands the bytes of one read of connection conn to its client: the
// recorder cuts them into packets, whatever the reads, and the client
// handles each whole one.
func (d *Driver) Read(conn int, b []byte) {
	cl := d.byConn[conn]
	if cl == nil {
		return
	}
	now := d.clock.Now()
	for _, a := range d.rec.Read(now, conn, b) {
		switch {
		case cl.conn != conn:
			// An earlier packet of this read made the client close.
			if a.Step.Outcome != trace.Lost {
				a.Step.Outcome = trace.Lost
				a.Step.Notes = append(a.Step.Notes, closedNote(cl.core.Name()))
			}
			d.record(a.Step)
			continue
		case a.Packet != nil:
			if lost, why := cl.lose(sim.Down, a.Step.Bytes); lost {
				a.Step.Outcome = trace.Dropped
				a.Step.Notes = append(a.Step.Notes, why)
				d.record(a.Step)
				continue
			}
			cl.heard(a.Step.Bytes)
			cl.core.Packet(now, a.Packet)
		case a.Err != nil:
			cl.core.Malformed(now, a.Step.Bytes, a.Err)
		}
		d.carry(cl, now, &a.Step)
	}
}

// Closed tells the driver that connection conn ended without the driver
// closing it, with why: the broker closed it, the network failed, or it
// never opened.
func (d *Driver) Closed(conn int, why ...trace.Note) {
	cl := d.byConn[conn]
	if cl == nil {
		return
	}
	d.end(cl, d.clock.Now(), Peer, why)
}

// carry carries out what cl's core wants done after an input at now and
// records step with the core's notes: always for a packet or a close,
// for a note or a timer only when the core explained something. A note
// step's notes go on the close step instead when the client closes, as
// the simulator records them.
func (d *Driver) carry(cl *client, now int64, step *trace.Step) {
	fx := cl.core.Ready()
	open, closing, refused := fx.Open, fx.Close, fx.Refused
	sends, timers, notes := slices.Clone(fx.Sends), slices.Clone(fx.Timers), slices.Clone(fx.Notes)
	cl.core.Advance()
	if open {
		d.conns++
		cl.conn, cl.up, cl.pending = d.conns, false, nil
		cl.link = &sim.Connection{ClientOpen: true, BrokerOpen: true}
		d.byConn[cl.conn] = cl
		s := d.rec.Open(now, cl.conn, cl.core.Name(), d.addr)
		s.Notes, notes = append(s.Notes, notes...), nil
		d.record(s)
		d.net.Open(cl.conn, cl.core.Name())
	}
	switch step.Kind {
	case trace.KindPacket, trace.KindClose:
		step.Notes, notes = append(step.Notes, notes...), nil
		if refused && step.Kind == trace.KindPacket {
			step.Outcome = trace.Refused
		}
		d.record(*step)
	default:
		if len(notes) > 0 && !(closing && step.Kind == trace.KindNote) {
			step.Notes, notes = append(step.Notes, notes...), nil
			d.record(*step)
		}
	}
	for _, s := range sends {
		d.write(cl, now, s.Bytes)
	}
	for _, t := range timers {
		d.clock.At(t.At, func() { d.fire(cl, t) })
	}
	if closing && cl.conn != 0 {
		d.net.Close(cl.conn)
		d.end(cl, now, Local, notes)
	}
}

// write writes b on cl's connection and records it, or keeps it until
// the connection is open. A failed write ends the connection.
func (d *Driver) write(cl *client, now int64, b []byte) {
	conn := cl.conn
	switch {
	case conn == 0:
		return
	case !cl.up:
		cl.pending = append(cl.pending, b)
		return
	}
	cl.said(b)
	if lost, why := cl.lose(sim.Up, b); lost {
		for _, s := range d.rec.Write(now, conn, b) {
			s.Outcome, s.Notes = trace.Dropped, append(s.Notes, why)
			d.record(s)
		}
		return
	}
	for _, s := range d.rec.Write(now, conn, b) {
		d.record(s)
	}
	if err := d.net.Write(conn, b); err != nil {
		d.net.Close(conn)
		d.end(cl, now, Peer, []trace.Note{failedNote(err)})
	}
}

// end records the close of cl's connection by one end, tells the core,
// and records the core's notes on the close step.
func (d *Driver) end(cl *client, now int64, by Closer, why []trace.Note) {
	conn := cl.conn
	delete(d.byConn, conn)
	cl.conn, cl.up, cl.pending = 0, false, nil
	if cl.link != nil {
		cl.link.ClientOpen, cl.link.BrokerOpen, cl.link.ClientClosed = false, false, by == Local
	}
	steps := d.rec.Close(now, conn, by, why...)
	if len(steps) == 0 {
		return
	}
	for _, s := range steps[:len(steps)-1] {
		d.record(s)
	}
	cl.core.Closed(now)
	d.carry(cl, now, &steps[len(steps)-1])
}

// fire hands a timer back to cl's core.
func (d *Driver) fire(cl *client, t sim.Timer) {
	now := d.clock.Now()
	cl.core.Timer(now, t)
	d.carry(cl, now, &trace.Step{Time: now, Kind: trace.KindTimer, From: cl.core.Name(), Conn: cl.conn})
}

// record records s with the clients' state after it.
func (d *Driver) record(s trace.Step) {
	d.last = s.Time
	d.rec.Record(s, d.snapshot())
}

// noClient is the error for a name that is no client of the driver.
func noClient(name string) error {
	return &sim.ActionError{Text: trace.Text{EN: "there is no client named " + name, ZH: "没有名为 " + name + " 的客户端"}}
}

// snapshot is the state of every client, the very same value as last
// time when no client changed.
func (d *Driver) snapshot() *trace.State {
	last := d.state
	same := last != nil && len(last.Clients) == len(d.clients)
	for i, cl := range d.clients {
		if !same {
			break
		}
		same = last.Clients[i] == cl.core.Snapshot()
	}
	if same {
		return last
	}
	st := &trace.State{Clients: make([]*trace.ClientState, len(d.clients))}
	for i, cl := range d.clients {
		st.Clients[i] = cl.core.Snapshot()
	}
	d.state = st
	return st
}

package live

import (
	"slices"
	"strconv"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// BrokerClock is the broker driver's real clock: Now as Clock's, and
// After, whose timer can be stopped, so that the timers of connections
// that closed (a keepalive watch may be a day away) do not pile up.
type BrokerClock interface {
	// Now is the time in milliseconds since the trace's start.
	Now() int64
	// After asks for f to run once on the driver's loop when Now reaches
	// at; stop cancels it if it has not run.
	After(at int64, f func()) (stop func())
}

// Devices carries the broker driver's connections: the command's TCP and
// WebSocket connections, memory in tests. It reports back by calling the
// driver on the driver's loop: Opened when a device connects, Read with
// the bytes of each read, Closed when a connection ends without the
// driver asking.
type Devices interface {
	// Write queues b, whole packets, on connection conn without waiting
	// for the device; b is the driver's once Write returns (the broker
	// encodes later packets into it): copy what is kept. An error means
	// the connection is broken or the device reads too slowly: the
	// driver closes it.
	Write(conn int, b []byte) error
	// Close closes conn once the writes asked before are written; the
	// transport reports nothing more of it.
	Close(conn int)
}

// BrokerLimits bound what devices can make the broker driver hold. The
// zero value of each field is the default noted beside it.
type BrokerLimits struct {
	// MaxConns is the most connections open at once; a device beyond
	// it is disconnected at once, with a note naming the limit. 0: no
	// limit.
	MaxConns int
	// ConnectTimeout is how long, in milliseconds, a device has from
	// connecting to an accepted CONNECT before the broker closes the
	// connection. 0: no limit.
	ConnectTimeout int64
	// MaxLifelines is the most device lifelines the trace gets; devices
	// beyond share one lifeline, OtherDevices. 0 means 200.
	MaxLifelines int
}

// OtherDevices is the lifeline of the devices beyond
// BrokerLimits.MaxLifelines.
const OtherDevices = "other devices"

// BrokerDriver runs the simulator's broker core (sim.Broker) on a real
// clock and real connections, as raft's node.go runs a RawNode: one loop
// hands the core each input (a device connected, the packets its reads
// complete, a timer, a close) and carries out what the core wants done
// (write, set a timer, close), recording every step through its
// Recorder (Options.Source trace.SourceBroker) with the broker's notes
// and its state after the step. Each device is a lifeline named by the
// client id of its CONNECT (its address when it sends none, an empty
// id, or one that would be the broker's own name). A BrokerDriver is not
// safe for concurrent use: the clock's timers and the devices' calls come
// on its one loop; only Watch's channels are read elsewhere.
type BrokerDriver struct {
	clock    BrokerClock
	dev      Devices
	rec      *Recorder
	core     *sim.Broker
	limits   BrokerLimits
	conns    map[int]*device
	state    *trace.State
	seq      uint64 // numbers timers
	watchers []*Watcher
	// full is snapshot, made once: the whole state, for RecordChange.
	full func() *trace.State
	// spareSends are buffers for carry's copy of the broker's sends.
	spareSends [][]sim.BrokerSend
}

// device is what the driver knows of one open connection.
type device struct {
	addr   string
	opened int64
	// named says the recorder has the connection: until the first
	// packet shows a client id, its reads wait in early.
	named bool
	early []earlyRead
	held  int // bytes in early
	// closing says the broker closed it: the rest of a read is lost.
	closing bool
	timers  map[uint64]func()
}

// earlyRead is one read before the connection has its lifeline.
type earlyRead struct {
	at int64
	b  []byte
}

// NewBrokerDriver returns a driver of core on clock and dev, recording
// into rec (Options.Source trace.SourceBroker). From then on rec refuses
// a connection whose first byte is not CONNECT's 0x10 at once, without
// waiting for the packet it would frame. [MQTT-3.1.0-1]
func NewBrokerDriver(clock BrokerClock, dev Devices, rec *Recorder, core *sim.Broker, l BrokerLimits) *BrokerDriver {
	rec.firstConnect = true
	if l.MaxLifelines <= 0 {
		l.MaxLifelines = 200
	}
	d := &BrokerDriver{clock: clock, dev: dev, rec: rec, core: core, limits: l, conns: map[int]*device{}}
	d.full = d.snapshot
	return d
}

// Recorder is the driver's recorder: its trace is the session so far.
func (d *BrokerDriver) Recorder() *Recorder { return d.rec }

// Conns is how many connections are open.
func (d *BrokerDriver) Conns() int { return len(d.conns) }

// Opened tells the driver that a device at addr opened connection conn,
// an id not used before.
func (d *BrokerDriver) Opened(conn int, addr string) {
	now := d.clock.Now()
	if n := d.limits.MaxConns; n > 0 && len(d.conns) >= n {
		s := d.rec.Open(now, conn, d.lifeline(addr), addr)
		d.record(s)
		d.dev.Close(conn)
		for _, s := range d.rec.Close(now, conn, Local, limitNote(
			"the broker has "+strconv.Itoa(n)+" connections open, its limit of connections open at once (MaxConns): it closes this one at once, before reading anything",
			"服务端已打开 "+strconv.Itoa(n)+" 个连接，达到同时打开连接数的上限（MaxConns）：立即关闭这个连接，不读取任何数据")) {
			d.record(s)
		}
		return
	}
	dv := &device{addr: addr, opened: now, timers: map[uint64]func(){}}
	d.conns[conn] = dv
	d.core.Open(now, conn, addr)
	if t := d.limits.ConnectTimeout; t > 0 {
		d.after(conn, dv, now+t, func() { d.connectTimeout(conn) })
	}
}

// Read hands the bytes of one read of connection conn to the broker: the
// recorder cuts them into packets, whatever the reads, and the broker
// handles each whole one.
func (d *BrokerDriver) Read(conn int, b []byte) {
	dv := d.conns[conn]
	if dv == nil || len(b) == 0 {
		return
	}
	now := d.clock.Now()
	if !dv.named {
		dv.early = append(dv.early, earlyRead{at: now, b: slices.Clone(b)})
		dv.held += len(b)
		if name, ok := d.firstName(dv); ok {
			d.name(conn, dv, name)
		}
		return
	}
	d.read(conn, dv, now, b)
}

// Closed tells the driver that connection conn ended without the driver
// closing it, with why: the device closed it or the network failed.
func (d *BrokerDriver) Closed(conn int, why ...trace.Note) {
	dv := d.conns[conn]
	if dv == nil {
		return
	}
	now := d.clock.Now()
	if !dv.named {
		d.name(conn, dv, d.lifeline(dv.addr))
		if d.conns[conn] == nil {
			return
		}
	}
	d.end(conn, dv, now, Peer, why)
}

// Stop closes every connection as the broker process stops, writing what
// the broker still had to write first.
func (d *BrokerDriver) Stop() {
	now := d.clock.Now()
	for _, conn := range d.open() {
		if dv := d.conns[conn]; dv != nil && !dv.named {
			d.name(conn, dv, d.lifeline(dv.addr))
		}
	}
	d.core.Stop(now)
	d.carry(now, &trace.Step{Time: now, Kind: trace.KindNote, From: trace.BrokerName}, 0)
}

// open are the open connections' ids, sorted.
func (d *BrokerDriver) open() []int {
	ids := make([]int, 0, len(d.conns))
	for id := range d.conns {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// firstName is the lifeline of a connection whose first reads are held
// in dv.early: ok once they hold a whole first packet (the client id of
// a CONNECT) or cannot begin one (its address): a first byte that is not
// CONNECT's is refused at once.
func (d *BrokerDriver) firstName(dv *device) (string, bool) {
	held := make([]byte, 0, dv.held)
	for _, r := range dv.early {
		held = append(held, r.b...)
	}
	n, err := codec.FrameLength(held)
	switch {
	case held[0] != 0x10, err != nil, n > 0 && d.rec.maxPacket > 0 && n > d.rec.maxPacket:
		return d.lifeline(dv.addr), true
	case n == 0 || len(held) < n:
		return "", false
	}
	if p, err := codec.Decode(held[:n]); err == nil {
		if c, ok := p.(*codec.Connect); ok && c.ClientID != "" && c.ClientID != trace.BrokerName && c.ClientID != OtherDevices {
			return d.lifeline(c.ClientID), true
		}
	}
	return d.lifeline(dv.addr), true
}

// lifeline is name, or OtherDevices once the trace has MaxLifelines
// devices and name is not one of them.
func (d *BrokerDriver) lifeline(name string) string {
	nodes := d.rec.trace.Nodes
	if slices.Contains(nodes, name) || len(nodes)-1 < d.limits.MaxLifelines {
		return name
	}
	return OtherDevices
}

// name opens the connection in the recorder on lifeline name and replays
// the reads held meanwhile, each at its own time.
func (d *BrokerDriver) name(conn int, dv *device, name string) {
	dv.named = true
	now := d.clock.Now()
	s := d.rec.Open(now, conn, name, dv.addr)
	if name != dv.addr {
		s.Notes = append(s.Notes, connectedNote(name, dv.addr, now-dv.opened))
	}
	d.record(s)
	early := dv.early
	dv.early, dv.held = nil, 0
	for _, r := range early {
		if d.conns[conn] == nil {
			return
		}
		d.read(conn, dv, r.at, r.b)
	}
}

// read cuts one read into packets and hands each to the broker.
func (d *BrokerDriver) read(conn int, dv *device, now int64, b []byte) {
	for _, a := range d.rec.Read(now, conn, b) {
		switch {
		case dv.closing || d.conns[conn] == nil:
			if a.Step.Outcome != trace.Lost {
				a.Step.Outcome = trace.Lost
				a.Step.Notes = append(a.Step.Notes, closedNote(trace.BrokerName))
			}
			d.record(a.Step)
			continue
		case a.Packet != nil:
			d.core.Packet(now, conn, a.Packet)
		case a.Err != nil:
			if a.Err.Token == "packet-too-large" {
				a.Step.Notes = append(a.Step.Notes, limitNote(
					"this broker's packet size limit (MaxPacket) is "+strconv.Itoa(d.rec.maxPacket)+" bytes: it refuses the packet from its fixed header on, without waiting for the rest",
					"本服务端的报文大小上限（MaxPacket）是 "+strconv.Itoa(d.rec.maxPacket)+" 字节：只读到固定报头就拒绝这个报文，不再等待其余字节"))
			}
			d.core.Malformed(now, conn, a.Step.Bytes, a.Err)
		default:
			d.record(a.Step)
			continue
		}
		d.carry(now, &a.Step, conn)
	}
}

// carry carries out what the broker wants done after an input at now and
// records step with its notes: always for a packet or a close, for a note
// or a timer only when the broker explained something (then the sends
// follow it). self is the step's connection (0 for none): a note step's
// notes go on its close step instead when the broker closes it.
func (d *BrokerDriver) carry(now int64, step *trace.Step, self int) {
	fx := d.core.Ready()
	// The effects are copied: carrying them out can hand the core
	// another input (a write that fails closes the connection). The
	// sends' copy is a buffer taken from spareSends and given back.
	var sends []sim.BrokerSend
	if n := len(d.spareSends); n > 0 {
		sends, d.spareSends = d.spareSends[n-1], d.spareSends[:n-1]
	}
	sends = append(sends[:0], fx.Sends...)
	defer func() {
		// Written and copied where kept (the recorder, Devices), the
		// sends' bytes are the broker's to encode into again.
		for _, s := range sends {
			d.core.Reuse(s.Bytes)
		}
		clear(sends)
		d.spareSends = append(d.spareSends, sends[:0])
	}()
	timers, closes := slices.Clone(fx.Timers), slices.Clone(fx.Closes)
	notes, refused := slices.Clone(fx.Notes), fx.Refused
	d.core.Advance()
	switch step.Kind {
	case trace.KindPacket, trace.KindClose:
		if len(step.Notes) == 0 {
			step.Notes, notes = notes, nil
		} else {
			step.Notes, notes = append(step.Notes, notes...), nil
		}
		if refused && step.Kind == trace.KindPacket {
			step.Outcome = trace.Refused
		}
		d.record(*step)
	default:
		if len(notes) > 0 && !(self != 0 && slices.Contains(closes, self)) {
			step.Notes, notes = append(step.Notes, notes...), nil
			d.record(*step)
		}
	}
	for _, s := range sends {
		d.write(now, s.Conn, s.Bytes)
	}
	for _, t := range timers {
		if dv := d.conns[t.Conn]; dv != nil {
			d.after(t.Conn, dv, t.At, func() { d.fire(t) })
		}
	}
	for _, c := range closes {
		dv := d.conns[c]
		if dv == nil {
			continue
		}
		dv.closing = true
		d.dev.Close(c)
		var why []trace.Note
		if c == self {
			why, notes = notes, nil
		}
		d.end(c, dv, now, Local, why)
	}
	if len(notes) > 0 {
		// Notes of a step not recorded (a stop with no connection).
		d.record(trace.Step{Time: now, Kind: trace.KindNote, From: trace.BrokerName, Notes: notes})
	}
}

// write writes b on connection conn and records it. A write refused
// (the device reads too slowly, or the connection broke) makes the broker
// close the connection, saying why.
func (d *BrokerDriver) write(now int64, conn int, b []byte) {
	dv := d.conns[conn]
	if dv == nil || dv.closing {
		return
	}
	for _, s := range d.rec.Write(now, conn, b) {
		d.record(s)
	}
	if err := d.dev.Write(conn, b); err != nil {
		dv.closing = true
		d.dev.Close(conn)
		d.end(conn, dv, now, Local, []trace.Note{failedNote(err)})
	}
}

// end records the close of connection conn by one end, stops its timers
// and tells the broker, whose notes (a will published) go on the close
// step.
func (d *BrokerDriver) end(conn int, dv *device, now int64, by Closer, why []trace.Note) {
	delete(d.conns, conn)
	for _, stop := range dv.timers {
		stop()
	}
	clear(dv.timers)
	steps := d.rec.Close(now, conn, by, why...)
	d.core.Closed(now, conn)
	if len(steps) == 0 {
		d.carry(now, &trace.Step{Time: now, Kind: trace.KindNote, From: trace.BrokerName}, 0)
		return
	}
	for _, s := range steps[:len(steps)-1] {
		d.record(s)
	}
	d.carry(now, &steps[len(steps)-1], conn)
}

// after sets a timer of connection conn, stopped when it closes.
func (d *BrokerDriver) after(conn int, dv *device, at int64, f func()) {
	d.seq++
	id := d.seq
	dv.timers[id] = d.clock.After(at, func() {
		if dv := d.conns[conn]; dv != nil {
			delete(dv.timers, id)
			f()
		}
	})
}

// fire hands a timer back to the broker.
func (d *BrokerDriver) fire(t sim.BrokerTimer) {
	now := d.clock.Now()
	d.core.Timer(now, t)
	d.carry(now, &trace.Step{Time: now, Kind: trace.KindTimer, From: trace.BrokerName, Conn: t.Conn}, t.Conn)
}

// connectTimeout closes connection conn if no CONNECT was accepted on it
// in time.
func (d *BrokerDriver) connectTimeout(conn int) {
	dv := d.conns[conn]
	if dv == nil || d.core.ClientID(conn) != "" {
		return
	}
	now := d.clock.Now()
	if !dv.named {
		d.name(conn, dv, d.lifeline(dv.addr))
		if d.conns[conn] == nil {
			return
		}
	}
	dv.closing = true
	d.dev.Close(conn)
	d.end(conn, dv, now, Local, []trace.Note{limitNote(
		"no CONNECT accepted within "+strconv.FormatInt(d.limits.ConnectTimeout, 10)+" ms of connecting, this broker's limit (ConnectTimeout): it closes the connection",
		"连接建立后 "+strconv.FormatInt(d.limits.ConnectTimeout, 10)+" 毫秒内没有收到可接受的 CONNECT，达到本服务端的等待上限（ConnectTimeout）：关闭连接")})
}

// record records s with the broker's state after it and hands it to the
// watchers. The broker says what the step changed (sim.Broker.Change),
// and its whole state is built only for the trace's snapshots: a step
// costs the sessions it changed, not all of them, also while a page
// watches (the watcher gets the step with its change, as the trace keeps
// it). When no watcher has room for the step (all behind) they miss it.
func (d *BrokerDriver) record(s trace.Step) {
	room := d.watcherRoom()
	if !room {
		for _, w := range d.watchers {
			w.missed.Add(1)
		}
	}
	seq := d.rec.Recorded()
	if c, ok := d.core.Change(); ok {
		d.rec.RecordChange(s, c, d.full)
	} else {
		d.rec.Record(s, d.snapshot())
	}
	if !room {
		return
	}
	steps, _ := d.rec.Since(seq)
	for _, w := range d.watchers {
		for _, s := range steps {
			w.offer(Watched{Seq: seq, Step: s, State: s.Snapshot})
		}
	}
}

// snapshot is the broker's state, the very same value as last time when
// nothing changed.
func (d *BrokerDriver) snapshot() *trace.State {
	bs := d.core.Snapshot()
	if d.state != nil && d.state.Broker == bs {
		return d.state
	}
	d.state = &trace.State{Broker: bs}
	return d.state
}

// limitNote is the note of a limit the broker enforces.
func limitNote(en, zh string) trace.Note {
	return trace.Note{Text: trace.Text{EN: en, ZH: zh}}
}

// connectedNote says who a connection's CONNECT named, from where, and
// how long after the connection opened its first packet came.
func connectedNote(client, addr string, waited int64) trace.Note {
	ms := strconv.FormatInt(waited, 10)
	return trace.Note{Text: trace.Text{
		EN: "the device at " + addr + " connected " + ms + " ms before its first packet, a CONNECT with client id " + client,
		ZH: addr + " 上的设备在发送第一个报文前 " + ms + " 毫秒建立了连接，该报文是客户端标识符为 " + client + " 的 CONNECT",
	}}
}

package live

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// DefaultKeep is how many steps a Recorder keeps when Options.Keep is 0:
// at 1,000 packets a second, the last ten seconds.
const DefaultKeep = 10000

// Options configure a Recorder.
type Options struct {
	// Source is what the trace comes from, and so which end of its
	// connections the recorder sits on: trace.SourceLive records at the
	// clients, trace.SourceBroker at the broker.
	Source trace.Source
	// Start is the wall-clock start of the trace, as trace.Trace.Start
	// writes it; step times are milliseconds after it.
	Start string
	// Keep is the most steps the trace holds besides its gap step; the
	// oldest are dropped, a quarter at a time. 0 means DefaultKeep.
	Keep int
	// MaxPacket is the largest packet, in bytes, a connection may send:
	// one whose fixed header announces more is refused as soon as the
	// header is read, so that a connection never holds more. 0 means
	// the largest MQTT allows (a Remaining Length of 268,435,455).
	MaxPacket int
}

// Recorder turns the events of live connections into the steps of a
// growing trace. Each event method (Open, Read, Write, Close) returns the
// steps it makes, which the caller completes with the notes and the state
// of its core and hands to Record in order. A Recorder is not safe for
// concurrent use: one loop drives it.
type Recorder struct {
	trace    trace.Trace
	atBroker bool
	// firstConnect refuses a connection whose first byte is not
	// CONNECT's, at once (set by NewBrokerDriver: a real broker's reads).
	firstConnect bool
	keep         int
	maxPacket    int
	conns        map[int]*conn
	gap          gap
	recorded     int // steps recorded, dropped ones included
	// described is how many steps at the front of the trace have their
	// label and sections: the recorder writes them when the steps are
	// read (Trace, Since), not when they are recorded, so that steps
	// nobody reads before they are dropped cost no description.
	described int
	// window is the array the trace's steps are a window of once steps
	// were dropped (drop), nil before; numbered says their Index is
	// their position (a drop changes it).
	window   []trace.Step
	numbered bool
	// check validates the packets written, into structs it reuses.
	check codec.Decoder
	// arrivals and written are the lists Read and Write return.
	arrivals []Arrival
	written  []trace.Step
}

// conn is what the recorder knows of one open connection.
type conn struct {
	client string // the client's lifeline
	split  codec.Splitter
	reads  int  // non-empty reads so far
	broken bool // a malformed packet was read: the rest is not cut
}

// Arrival is one packet step made from bytes read. Packet is the decoded
// packet for the receiver to process, nil when the bytes are malformed
// (Err says how: the receiver must close the connection, MQTT-4.8.0-1) or
// were not read because an earlier packet was malformed (both nil).
// Packet aliases Step.Bytes, which the recorder never modifies.
type Arrival struct {
	Step   trace.Step
	Packet codec.Packet
	Err    *codec.Error
}

// Closer says which end closed a connection.
type Closer int

// The ends that close a connection.
const (
	// Local is the recorder's own end: its client or its broker.
	Local Closer = iota
	// Peer is the other end: a read found the connection closed, or the
	// transport failed.
	Peer
)

// NewRecorder returns a recorder with an empty trace.
func NewRecorder(o Options) *Recorder {
	keep := o.Keep
	if keep <= 0 {
		keep = DefaultKeep
	}
	return &Recorder{
		trace: trace.Trace{
			Version: trace.Version, Source: o.Source, Start: o.Start,
			Nodes: []string{trace.BrokerName}, Steps: []trace.Step{}, Expectations: []trace.Expectation{},
		},
		atBroker:  o.Source == trace.SourceBroker,
		keep:      keep,
		maxPacket: o.MaxPacket,
		conns:     map[int]*conn{},
	}
}

// Trace returns the trace recorded so far: the recorder's own, valid
// until the next Record. Do not modify it.
func (r *Recorder) Trace() *trace.Trace {
	r.describe()
	if !r.numbered {
		number(r.trace.Steps, 0)
		r.numbered = true
	}
	return &r.trace
}

// describe writes the label and sections of the packet steps recorded
// since the last call: well-formed packets are only decoded when they
// are read or written (malformed ones are described at once, with their
// error).
func (r *Recorder) describe() {
	steps := r.trace.Steps
	for i := r.described; i < len(steps); i++ {
		if s := &steps[i]; s.Kind == trace.KindPacket && s.Label == (codec.Text{}) {
			describe(s, s.Bytes)
		}
	}
	r.described = len(steps)
}

// Open makes the connect step of connection c, opened at t by the client
// named client to the broker at addr (or, at the broker, from the device
// at addr). The client becomes a lifeline of the trace if it is not one.
// Opening an id already open ends the old connection's reading.
func (r *Recorder) Open(t int64, c int, client, addr string) trace.Step {
	r.conns[c] = &conn{client: client}
	r.AddNode(client)
	return trace.Step{Time: t, Kind: trace.KindConnect, From: client, To: trace.BrokerName, Conn: c,
		Notes: []trace.Note{openNote(client, addr, r.atBroker)}}
}

// Read cuts the bytes read at t from connection c into packet steps: one
// per whole packet completed by this read, none while a packet waits for
// the rest. The recorder copies b. Bytes of a connection not open make no
// step. The slice is the recorder's, valid until the next Read: a read
// allocates no list of its own.
func (r *Recorder) Read(t int64, c int, b []byte) []Arrival {
	clear(r.arrivals)
	r.arrivals = r.read(t, c, b, r.arrivals[:0])
	return r.arrivals
}

// read is Read, appending to out.
func (r *Recorder) read(t int64, c int, b []byte, out []Arrival) []Arrival {
	k := r.conns[c]
	if k == nil || len(b) == 0 {
		return out
	}
	k.reads++
	from, to := r.ends(k)
	step := trace.Step{Time: t, Kind: trace.KindPacket, From: from, To: to, Conn: c, Read: k.reads}
	if k.broken {
		return append(out, unread(step, b))
	}
	if r.firstConnect && k.reads == 1 && b[0] != 0x10 {
		// The first packet must be CONNECT: its first byte is known at
		// once, and bytes that are not MQTT (an HTTP request on the MQTT
		// port) need not wait for a packet they do not frame.
		k.broken = true
		return append(out, refused(step, b, notConnect(b)))
	}
	k.split.Feed(b)
	for {
		if n, err := codec.FrameLength(k.split.Held()); err == nil && r.maxPacket > 0 && n > r.maxPacket {
			k.broken = true
			return append(out, refused(step, k.split.Held(), tooLarge(n, r.maxPacket)))
		}
		frame, err := k.split.Next()
		if err != nil {
			// The framing is broken: everything held is the malformed packet.
			k.broken = true
			return append(out, refused(step, k.split.Held(), err))
		}
		if frame == nil {
			return out
		}
		a := packetArrival(step, frame)
		out = append(out, a)
		if a.Err != nil {
			k.broken = true
			if rest := k.split.Held(); len(rest) > 0 {
				out = append(out, unread(step, rest))
			}
			return out
		}
	}
}

// Write makes the packet steps of the bytes written at t to connection
// c: one per packet. The cores write whole packets; bytes that do not
// decode make a step that shows them with the codec's error. Write's
// steps are delivered: the bytes were handed to the transport (what the
// peer made of them shows only in what it sends back). The slice is the
// recorder's, valid until the next Write.
func (r *Recorder) Write(t int64, c int, b []byte) []trace.Step {
	clear(r.written)
	r.written = r.write(t, c, b, r.written[:0])
	return r.written
}

// write is Write, appending to out.
func (r *Recorder) write(t int64, c int, b []byte, out []trace.Step) []trace.Step {
	k := r.conns[c]
	if k == nil {
		return out
	}
	to, from := r.ends(k)
	for p := range codec.StreamPackets(b) {
		s := trace.Step{Time: t, SentAt: t, Kind: trace.KindPacket, From: from, To: to, Conn: c, Outcome: trace.Delivered}
		if _, err := r.check.Decode(p.Bytes); err != nil {
			describe(&s, p.Bytes)
			s.Notes = []trace.Note{errorNote(err)}
		} else {
			keep(&s, p.Bytes)
		}
		out = append(out, s)
	}
	return out
}

// Close makes the steps of connection c closing at t: the bytes of a
// packet it never finished, if any, then the close, by the recorder's end
// or its peer, with why (with no note, one says only who closed). Later
// events of c make no step until it is opened again.
func (r *Recorder) Close(t int64, c int, by Closer, why ...trace.Note) []trace.Step {
	k := r.conns[c]
	if k == nil {
		return nil
	}
	delete(r.conns, c)
	peer, local := r.ends(k)
	var out []trace.Step
	if held := k.split.Held(); !k.broken && len(held) > 0 {
		s := trace.Step{Time: t, Kind: trace.KindPacket, From: peer, To: local, Conn: c, Read: k.reads, Outcome: trace.Lost}
		if _, err := describe(&s, held); err != nil {
			s.Notes = append(s.Notes, errorNote(err))
		}
		s.Notes = append(s.Notes, unfinishedNote(local, s.Bytes))
		out = append(out, s)
	}
	s := trace.Step{Time: t, Kind: trace.KindClose, From: local, Conn: c}
	if by == Peer {
		s.From, s.To = peer, local
	}
	s.Notes = append(s.Notes, why...)
	if len(s.Notes) == 0 {
		s.Notes = []trace.Note{closeNote(s.From)}
	}
	return append(out, s)
}

// Record appends s to the trace with st, the full state after it (nil
// when the caller keeps none), as trace.Trace.Record does (the trace
// keeps snapshots at intervals and changes between them; st must not be
// modified afterwards), dropping the oldest steps first when the trace
// holds Options.Keep of them.
func (r *Recorder) Record(s trace.Step, st *trace.State) {
	r.make()
	r.trace.Record(s, st)
	r.recorded++
}

// RecordChange appends s as Record does, given what the step changed in
// the state (c, nil for nothing) and the whole state after it (full,
// asked for only when the trace takes a snapshot), as
// trace.Trace.RecordChange does.
func (r *Recorder) RecordChange(s trace.Step, c *trace.StateChange, full func() *trace.State) {
	r.make()
	r.trace.RecordChange(s, c, full)
	r.recorded++
}

// make makes room for one more step: the oldest are dropped when the
// trace holds Options.Keep of them.
func (r *Recorder) make() {
	if len(r.trace.Steps)-r.gap.steps() >= r.keep {
		r.drop(max(1, r.keep/4))
	}
	r.roomAtEnd()
}

// Recorded is how many steps were recorded, those dropped since
// included: the sequence number, from 0, of the next step.
func (r *Recorder) Recorded() int { return r.recorded }

// Since returns the steps kept of those recorded from sequence number seq
// on, and how many of them the trace no longer keeps: what a watcher that
// has the steps before seq is missing. The steps are the trace's own:
// valid until the next Record, not to be modified; their Index is their
// position in the trace, whose StateAt gives the state after each.
//
// Only the steps returned are described: a watcher that missed
// thousands of steps since it last had room does not make the loop
// describe them (the rest are when the trace is read).
func (r *Recorder) Since(seq int) (steps []trace.Step, missed int) {
	kept := r.trace.Steps[r.gap.steps():]
	first := r.recorded - len(kept)
	seq = min(max(seq, 0), r.recorded)
	if seq < first {
		r.Trace()
		return kept, first - seq
	}
	steps = kept[seq-first:]
	number(steps, len(r.trace.Steps)-len(steps))
	for i := range steps {
		if s := &steps[i]; s.Kind == trace.KindPacket && s.Label == (codec.Text{}) {
			describe(s, s.Bytes)
		}
	}
	return steps, 0
}

// Newest is the time of the newest step kept and the state after it,
// without describing any step (Trace does): ok is false when no step is
// kept.
func (r *Recorder) Newest() (t int64, st *trace.State, ok bool) {
	n := len(r.trace.Steps)
	if n == 0 {
		return 0, nil, false
	}
	return r.trace.Steps[n-1].Time, r.trace.StateAt(n - 1), true
}

// ends are the two lifelines of k: the peer's and the recorder's own.
func (r *Recorder) ends(k *conn) (peer, local string) {
	if r.atBroker {
		return k.client, trace.BrokerName
	}
	return trace.BrokerName, k.client
}

// AddNode makes name a lifeline of the trace, after those it has, if it
// is not one yet. Open does it for each client it sees.
func (r *Recorder) AddNode(name string) {
	for _, n := range r.trace.Nodes {
		if n == name {
			return
		}
	}
	r.trace.Nodes = append(r.trace.Nodes, name)
}

// packetArrival is the step of one whole packet read, decoded.
func packetArrival(s trace.Step, frame []byte) Arrival {
	keep(&s, frame)
	p, err := codec.DecodeShared(s.Bytes)
	if err != nil {
		s.Bytes = nil
		return refused(s, frame, err)
	}
	s.Outcome = trace.Delivered
	return Arrival{Step: s, Packet: p}
}

// refused is the step of malformed bytes read: the receiver closes.
func refused(s trace.Step, b []byte, err error) Arrival {
	if s.Bytes == nil {
		describe(&s, b)
	}
	s.Outcome = trace.Refused
	ce := asCodecError(err)
	s.Notes = []trace.Note{errorNote(ce)}
	return Arrival{Step: s, Err: ce}
}

// unread is the step of bytes read after a malformed packet, which the
// receiver no longer cuts into packets.
func unread(s trace.Step, b []byte) Arrival {
	describe(&s, b)
	s.Outcome = trace.Lost
	s.Notes = []trace.Note{unreadNote(s.To)}
	return Arrival{Step: s}
}

// keep puts a copy of b, a well-formed packet, on s with its packet type;
// its label and sections follow when the step is read (Recorder.describe).
func keep(s *trace.Step, b []byte) {
	s.Bytes = append(trace.HexBytes(nil), b...)
	s.Packet = codec.PacketType(b[0] >> 4)
}

// describe puts a copy of b on s with its packet type, arrow label and
// section sizes, as the simulator writes them, and returns the packet
// decoded (not aliasing b) or why it does not decode: one decode for
// both.
func describe(s *trace.Step, b []byte) (codec.Packet, error) {
	s.Bytes = append(trace.HexBytes(nil), b...)
	d, p, err := codec.DescribeDecode(s.Bytes)
	s.Packet, s.Label, s.Sections = d.Type, d.Summary, d.Sections
	return p, err
}

package trace

import (
	"fmt"
	"io"
)

// WritePcapng writes the trace as a pcapng capture that Wireshark and
// tshark open: one TCP stream per network connection between the client's
// own address (10.0.0.2, 10.0.0.3, ... in the order of t.Nodes) and the
// broker at 10.0.0.1:1883, a new ephemeral port per connection. A step's
// connection is its Conn; a step without one (a hand-made trace) is on its
// client's newest connection, and a close from the broker without one is
// not written.
//
// A connect step is the three-way handshake. A delivered or refused packet
// is one PSH|ACK segment with exactly its bytes (segments of at most 1460
// bytes when longer), acknowledged at once by the receiver; a comment on a
// refused or malformed one gives the receiver's notes. A packet the
// network dropped, or that arrived at an end already closed, is not
// written (no sequence gap): a comment on the connection's next segment
// says so (on its last one when none follows). A node closing its end
// sends FIN|ACK, acknowledged at once. A cut link closes both ends at
// once: both FINs follow each other, with a comment (not a RST: Wireshark
// rates a reset a warning, and the trace does not say the ends exchanged
// anything). Timestamps are the steps' times in microseconds from the
// epoch, or from the trace's Start for a live trace (so the capture shows
// the wall clock), kept increasing: the segments of one step, and steps recorded out
// of time order, are 1 µs apart.
func WritePcapng(w io.Writer, t *Trace) error {
	p := newPcapState(t)
	for i := range t.Steps {
		p.step(i)
	}
	p.flushPending()
	comment := t.Scenario
	if t.Title.EN != "" {
		comment += ": " + t.Title.EN
	}
	if err := writeSectionHeader(w, comment); err != nil {
		return err
	}
	for _, r := range p.records {
		if err := writeEnhancedPacket(w, r.ts, r.data, r.comments); err != nil {
			return err
		}
	}
	return nil
}

// The ends of a TCP connection.
const (
	pcapClient = 0
	pcapBroker = 1
)

// brokerPort is the broker's MQTT port, firstClientPort the first
// ephemeral port a client connects from, pcapMSS the most bytes of a
// packet one segment carries.
const (
	brokerPort      = 1883
	firstClientPort = 49152
	pcapMSS         = 1460
)

// tcpConn is one network connection of the capture.
type tcpConn struct {
	client string
	addr   [4]byte
	port   uint16
	// seq is each end's next sequence number.
	seq [2]uint32
	fin [2]bool
	// pending are comments for the connection's next segment.
	pending []string
	// last is the index in records of the connection's last segment.
	last int
}

// pcapRecord is one captured segment.
type pcapRecord struct {
	ts       uint64
	data     []byte
	comments []string
}

// pcapState turns the steps into segments.
type pcapState struct {
	t    *Trace
	addr map[string][4]byte
	// byID are the connections by their Step.Conn; current is each
	// client's newest, for steps without a connection id.
	byID    map[int]*tcpConn
	current map[string]*tcpConn
	conns   []*tcpConn
	records []pcapRecord
	ts      uint64
	ipID    uint16
	// base is the timestamp of time 0 in microseconds: the trace's Start,
	// or the epoch.
	base uint64
}

func newPcapState(t *Trace) *pcapState {
	p := &pcapState{t: t, addr: map[string][4]byte{}, byID: map[int]*tcpConn{}, current: map[string]*tcpConn{}}
	if ms, ok := t.StartMillis(); ok {
		p.base = uint64(ms) * 1000
	}
	n := 2
	for _, name := range t.Nodes {
		if name == BrokerName {
			continue
		}
		p.addr[name] = [4]byte{10, 0, byte(n >> 8), byte(n)}
		n++
	}
	return p
}

// step writes the segments of step i.
func (p *pcapState) step(i int) {
	s := &p.t.Steps[i]
	if at := p.base + uint64(max(s.Time, 0))*1000; at > p.ts {
		p.ts = at
	}
	switch s.Kind {
	case KindConnect:
		p.connect(s)
	case KindPacket:
		p.packet(i, s)
	case KindClose:
		p.close(i, s)
	}
}

// connect opens the connection of a connect step with the handshake.
func (p *pcapState) connect(s *Step) {
	client := s.From
	addr, ok := p.addr[client]
	if !ok {
		return
	}
	k := uint32(len(p.conns) + 1)
	c := &tcpConn{client: client, addr: addr, port: uint16(firstClientPort + len(p.conns)%16384), last: -1}
	c.seq = [2]uint32{k * 0x01000000, k*0x01000000 + 0x00800000}
	p.conns = append(p.conns, c)
	p.current[client] = c
	if s.Conn != 0 {
		p.byID[s.Conn] = c
	}
	p.emit(c, pcapClient, tcpSYN, nil)
	p.emit(c, pcapBroker, tcpSYN|tcpACK, nil)
	p.emit(c, pcapClient, tcpACK, nil)
}

// packet writes a delivered or refused packet and its acknowledgement;
// a dropped or lost one becomes a comment.
func (p *pcapState) packet(i int, s *Step) {
	end, client := pcapBroker, s.To
	if s.From != BrokerName {
		end, client = pcapClient, s.From
	}
	c := p.connOf(s, client)
	if c == nil {
		return
	}
	switch s.Outcome {
	case Delivered, Refused:
		if c.fin[end] {
			return
		}
		if s.Outcome == Refused || s.Malformed() {
			c.pending = append(c.pending, pcapNotesComment(i, s))
		}
		b := s.Bytes
		for len(b) > pcapMSS {
			p.emit(c, end, tcpACK, b[:pcapMSS])
			b = b[pcapMSS:]
		}
		p.emit(c, end, tcpPSH|tcpACK, b)
		p.emit(c, 1-end, tcpACK, nil)
	default:
		c.pending = append(c.pending, fmt.Sprintf("step %d: %s from %s to %s %s (sent at %d ms, arrived at %d ms): not in the capture",
			i, s.Label.EN, s.From, s.To, pcapOutcomeWords(s.Outcome), s.SentAt, s.Time))
	}
}

// pcapOutcomeWords says what became of a packet not written.
func pcapOutcomeWords(o Outcome) string {
	if o == Dropped {
		return "dropped by the network"
	}
	return "lost: the receiving end was already closed"
}

// pcapNotesComment says what the receiver made of a refused or malformed
// packet: the step's notes with their rules.
func pcapNotesComment(i int, s *Step) string {
	c := fmt.Sprintf("step %d: %s %s by %s", i, s.Label.EN, s.Outcome, s.To)
	for _, n := range s.Notes {
		c += "; " + n.Text.EN
		if n.Rule != "" {
			c += " [" + n.Rule + "]"
		}
	}
	return c
}

// close writes the segments of a close step: the FIN of the end that
// closes, the FIN of the end that hears of it, or both for a cut link.
func (p *pcapState) close(i int, s *Step) {
	switch {
	case s.To == "" && s.From == BrokerName:
		p.closeEnd(p.connOf(s, ""), pcapBroker)
	case s.To == "":
		p.closeEnd(p.connOf(s, s.From), pcapClient)
	case s.From == BrokerName:
		c := p.connOf(s, s.To)
		p.closeEnd(c, pcapBroker)
		p.closeEnd(c, pcapClient)
	default:
		c := p.connOf(s, s.From)
		if c == nil || c.fin[pcapClient] {
			p.closeEnd(c, pcapBroker)
			return
		}
		c.pending = append(c.pending, fmt.Sprintf("step %d: the link of %s is cut: both ends close at once (on a real cut nothing reaches the wire; the FINs mark where the connection ends)", i, s.From))
		p.closeEnd(c, pcapClient)
		p.closeEnd(c, pcapBroker)
	}
}

// connOf is the connection of step s: the one its Conn names, else the
// newest connection of client ("" for none).
func (p *pcapState) connOf(s *Step, client string) *tcpConn {
	if s.Conn != 0 {
		return p.byID[s.Conn]
	}
	return p.current[client]
}

// closeEnd sends the FIN of c's end, acknowledged by the other end.
func (p *pcapState) closeEnd(c *tcpConn, end int) {
	if c == nil || c.fin[end] {
		return
	}
	p.emit(c, end, tcpFIN|tcpACK, nil)
	c.fin[end] = true
	p.emit(c, 1-end, tcpACK, nil)
}

// emit records one segment from end of c, advancing end's sequence number,
// with the connection's pending comments.
func (p *pcapState) emit(c *tcpConn, end int, flags byte, payload []byte) {
	s := segment{flags: flags, payload: payload, ipID: p.ipID, seq: c.seq[end]}
	if flags&tcpACK != 0 {
		s.ack = c.seq[1-end]
	}
	s.src, s.srcPort = c.addr, c.port
	s.dst, s.dstPort = [4]byte{10, 0, 0, 1}, brokerPort
	if end == pcapBroker {
		s.src, s.dst = s.dst, s.src
		s.srcPort, s.dstPort = s.dstPort, s.srcPort
	}
	c.seq[end] += uint32(len(payload))
	if flags&(tcpSYN|tcpFIN) != 0 {
		c.seq[end]++
	}
	if len(p.records) > 0 && p.records[len(p.records)-1].ts >= p.ts {
		p.ts = p.records[len(p.records)-1].ts + 1
	}
	p.ipID++
	c.last = len(p.records)
	p.records = append(p.records, pcapRecord{ts: p.ts, data: s.datagram(), comments: c.pending})
	c.pending = nil
}

// flushPending puts the comments no later segment carried on each
// connection's last segment.
func (p *pcapState) flushPending() {
	for _, c := range p.conns {
		if len(c.pending) > 0 && c.last >= 0 {
			r := &p.records[c.last]
			r.comments = append(r.comments, c.pending...)
			c.pending = nil
		}
	}
}

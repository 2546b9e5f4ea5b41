package script

import (
	"strconv"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// connectionCondition names where a client's network connection stands:
// connected (CONNACK 0 on an open connection), connecting (open, no
// CONNACK 0 yet, or a refusing one whose close has not arrived) or
// disconnected (its end is closed, or it never opened one).
func connectionCondition(w Target, name string) string {
	switch k := w.Connection(name); {
	case w.ClientConnected(name):
		return "connected"
	case k != nil && k.ClientOpen:
		return "connecting"
	}
	return "disconnected"
}

// packetTypesWithID are the packets that carry a packet identifier (a
// PUBLISH only at QoS 1 and 2). [MQTT 2.3.1]
var packetTypesWithID = map[codec.PacketType]bool{
	codec.PUBLISH: true, codec.PUBACK: true, codec.PUBREC: true, codec.PUBREL: true, codec.PUBCOMP: true,
	codec.SUBSCRIBE: true, codec.SUBACK: true, codec.UNSUBSCRIBE: true, codec.UNSUBACK: true,
}

// packetSide is whose packets a got/sent expectation reads on a client's
// current connection, and how its failures are worded.
type packetSide struct {
	packets            func(k *sim.Connection) []sim.WirePacket
	one, nothing, last why
}

// The four sides: what the client received or sent, what the broker
// received from it or sent to it.
var (
	clientGot  = packetSide{func(k *sim.Connection) []sim.WirePacket { return k.ToClient }, whyOneReceived, whyNoneReceived, whyLastReceived}
	clientSent = packetSide{func(k *sim.Connection) []sim.WirePacket { return k.FromClient }, whyOneSent, whyNoneSent, whyLastSent}
	brokerGot  = packetSide{func(k *sim.Connection) []sim.WirePacket { return k.ToBroker }, whyBrokerOneReceived, whyBrokerNoneReceived, whyBrokerLastReceived}
	brokerSent = packetSide{func(k *sim.Connection) []sim.WirePacket { return k.FromBroker }, whyBrokerOneSent, whyBrokerNoneSent, whyBrokerLastSent}
)

// packetMatch is what a got/sent expectation asks: no packet of the type,
// or the last one of the type with that id (0: any).
type packetMatch struct {
	none bool
	typ  codec.PacketType
	id   uint16
}

// packetType reads `[no] TYPE`.
func (p *lineParser) packetType() (packetMatch, error) {
	var m packetMatch
	if p.more() && p.peek().raw == "no" && !p.peek().quoted {
		m.none = true
		p.next++
	}
	t, err := p.take(messages[wantPacketName])
	if err != nil {
		return m, err
	}
	typ, ok := packetTypes[t.raw]
	if !ok || typ == 0 || t.quoted {
		return m, p.expected(t.col, messages[wantPacketName], t.shown())
	}
	m.typ = typ
	return m, nil
}

// packetID reads the optional id=N after a packet type, then the end of
// the line.
func (p *lineParser) packetID(m *packetMatch) error {
	if !m.none && p.more() {
		if !packetTypesWithID[m.typ] {
			return p.fail(p.peek().col, msgNoPacketID, m.typ.String(), p.peek().shown())
		}
		if err := p.options(map[string]optionSpec{"id": uint16Option(say(wantPacketID, "id"), 1, &m.id)}); err != nil {
			return err
		}
	}
	return p.end()
}

// expectPacket reads `got [no] TYPE [id=N]` and `sent [no] TYPE [id=N]`
// after a client's name: the last packet of that type the client received
// (and processed), or sent, on its current connection, with that packet
// id; with no, that there was none.
func expectPacket(p *lineParser, name string, sent bool) (func(r *runner) (bool, trace.Text), error) {
	m, err := p.packetType()
	if err != nil {
		return nil, err
	}
	if err := p.packetID(&m); err != nil {
		return nil, err
	}
	side := clientGot
	if sent {
		side = clientSent
	}
	return m.check(name, side), nil
}

// expectBrokerPacket reads `broker got [no] TYPE from CLIENT [id=N]` and
// `broker sent [no] TYPE to CLIENT [id=N]`: the same, for the broker's end
// of the client's current connection. `broker sent no CONNACK to dev`
// tells a CONNACK the broker never sent from one the link lost.
func expectBrokerPacket(p *lineParser, sent bool) (func(r *runner) (bool, trace.Text), error) {
	m, err := p.packetType()
	if err != nil {
		return nil, err
	}
	dir := "from"
	side := brokerGot
	if sent {
		dir, side = "to", brokerSent
	}
	if _, err := p.word(dir); err != nil {
		return nil, err
	}
	c, err := p.client()
	if err != nil {
		return nil, err
	}
	if err := p.packetID(&m); err != nil {
		return nil, err
	}
	return m.check(c.raw, side), nil
}

// check is the expectation m on side's packets of the client's current
// connection.
func (m packetMatch) check(name string, side packetSide) func(r *runner) (bool, trace.Text) {
	return func(r *runner) (bool, trace.Text) {
		var ps []sim.WirePacket
		if k := r.t.Connection(name); k != nil {
			ps = side.packets(k)
		}
		got := sim.Last(ps, m.typ)
		switch {
		case m.none && got != nil:
			return false, sayWhy(side.one, name, describeWire(*got))
		case m.none:
			return true, trace.Text{}
		case got == nil:
			return false, sayWhy(side.nothing, name, m.typ.String())
		case m.id != 0 && got.PacketID != m.id:
			return false, sayWhy(side.last, m.typ.String(), name, describeWire(*got))
		}
		return true, trace.Text{}
	}
}

// describeWire names a packet for a failed expectation: "PUBACK id=3".
func describeWire(wp sim.WirePacket) string {
	if wp.PacketID == 0 {
		return wp.Type.String()
	}
	return wp.Type.String() + " id=" + strconv.Itoa(int(wp.PacketID))
}

// expectClosed checks that one end closed the client's current
// connection itself: the broker (`broker closed CLIENT`) or the client
// (`CLIENT closed`), not a cut and not the other end's close.
func expectClosed(name string, byBroker bool) func(r *runner) (bool, trace.Text) {
	return func(r *runner) (bool, trace.Text) {
		k := r.t.Connection(name)
		who := same(name)
		if byBroker {
			who = trace.Text{EN: "the broker", ZH: "服务端"}
		}
		switch {
		case k == nil:
			return false, sayWhy(whyNeverOpened, name)
		case byBroker && k.BrokerClosed || !byBroker && k.ClientClosed:
			return true, trace.Text{}
		case byBroker && k.BrokerOpen || !byBroker && k.ClientOpen:
			return false, sayWhy(whyKeepsOpen, who)
		}
		return false, sayWhy(whyNotItself, who)
	}
}

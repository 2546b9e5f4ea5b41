package sim

import (
	"strconv"

	"mqttviz/codec"
)

// connectionCondition names where a client's network connection stands:
// connected (CONNACK 0 on an open connection), connecting (open, no
// CONNACK 0 yet, or a refusing one whose close has not arrived) or
// disconnected (its end is closed, or it never opened one).
func connectionCondition(w *World, name string) string {
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

// expectPacket reads `got [no] TYPE [id=N]` and `sent [no] TYPE [id=N]`:
// the last packet of that type the client received (and processed), or
// sent, on its current connection, with that packet id; with no, that
// there was none.
func expectPacket(p *lineParser, name string, sent bool) (func(r *runner) (bool, Text), error) {
	none := false
	if p.more() && p.peek().raw == "no" && !p.peek().quoted {
		none = true
		p.next++
	}
	t, err := p.take(messages[wantPacketName])
	if err != nil {
		return nil, err
	}
	typ, ok := packetTypes[t.raw]
	if !ok || typ == 0 || t.quoted {
		return nil, p.expected(t.col, messages[wantPacketName], t.shown())
	}
	var id uint16
	if !none && p.more() {
		if !packetTypesWithID[typ] {
			return nil, p.fail(p.peek().col, msgNoPacketID, typ.String(), p.peek().shown())
		}
		if err := p.options(map[string]optionSpec{"id": uint16Option(say(wantPacketID, "id"), 1, &id)}); err != nil {
			return nil, err
		}
	}
	if err := p.end(); err != nil {
		return nil, err
	}
	one, nothing, last := whyOneReceived, whyNoneReceived, whyLastReceived
	if sent {
		one, nothing, last = whyOneSent, whyNoneSent, whyLastSent
	}
	return func(r *runner) (bool, Text) {
		var ps []WirePacket
		if k := r.w.Connection(name); k != nil {
			ps = k.ToClient
			if sent {
				ps = k.FromClient
			}
		}
		got := Last(ps, typ)
		switch {
		case none && got != nil:
			return false, sayWhy(one, name, describeWire(*got))
		case none:
			return true, Text{}
		case got == nil:
			return false, sayWhy(nothing, name, typ.String())
		case id != 0 && got.PacketID != id:
			return false, sayWhy(last, typ.String(), name, describeWire(*got))
		}
		return true, Text{}
	}, nil
}

// describeWire names a packet for a failed expectation: "PUBACK id=3".
func describeWire(wp WirePacket) string {
	if wp.PacketID == 0 {
		return wp.Type.String()
	}
	return wp.Type.String() + " id=" + strconv.Itoa(int(wp.PacketID))
}

// expectClosed checks that one end closed the client's current
// connection itself: the broker (`broker closed CLIENT`) or the client
// (`CLIENT closed`), not a cut and not the other end's close.
func expectClosed(name string, byBroker bool) func(r *runner) (bool, Text) {
	return func(r *runner) (bool, Text) {
		k := r.w.Connection(name)
		who := same(name)
		if byBroker {
			who = Text{EN: "the broker", ZH: "服务端"}
		}
		switch {
		case k == nil:
			return false, sayWhy(whyNeverOpened, name)
		case byBroker && k.BrokerClosed || !byBroker && k.ClientClosed:
			return true, Text{}
		case byBroker && k.BrokerOpen || !byBroker && k.ClientOpen:
			return false, sayWhy(whyKeepsOpen, who)
		}
		return false, sayWhy(whyNotItself, who)
	}
}

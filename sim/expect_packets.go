package sim

import (
	"fmt"
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
func expectPacket(p *lineParser, name string, sent bool) (func(r *runner) (bool, string), error) {
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
	verb := "received"
	if sent {
		verb = "sent"
	}
	return func(r *runner) (bool, string) {
		var ps []WirePacket
		if k := r.w.Connection(name); k != nil {
			ps = k.ToClient
			if sent {
				ps = k.FromClient
			}
		}
		last := Last(ps, typ)
		switch {
		case none && last != nil:
			return false, fmt.Sprintf("%s %s %s on its current connection", name, verb, describeWire(*last))
		case none:
			return true, ""
		case last == nil:
			return false, fmt.Sprintf("%s %s no %s on its current connection", name, verb, typ)
		case id != 0 && last.PacketID != id:
			return false, fmt.Sprintf("the last %s %s %s was %s", typ, name, verb, describeWire(*last))
		}
		return true, ""
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
func expectClosed(name string, byBroker bool) func(r *runner) (bool, string) {
	return func(r *runner) (bool, string) {
		k := r.w.Connection(name)
		who := name
		if byBroker {
			who = "the broker"
		}
		switch {
		case k == nil:
			return false, name + " never opened a connection"
		case byBroker && k.BrokerClosed || !byBroker && k.ClientClosed:
			return true, ""
		case byBroker && k.BrokerOpen || !byBroker && k.ClientOpen:
			return false, who + " keeps the connection open"
		}
		return false, who + " did not close the connection itself: it was cut or closed by the other end"
	}
}

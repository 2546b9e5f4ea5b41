package sim

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// The broker can be told to hold back its acknowledgements to one client,
// as a slow broker would answer late: the instructor's "hold this
// acknowledgement" on an arrow from the broker. The broker updates its
// state as if it had sent them and keeps the packets until released;
// a packet held for a connection that has closed since is never sent,
// as a broker writes an acknowledgement only on the connection of the
// packet it answers. Only the simulated world holds: a driver of Broker
// never sets it.

// brokerAcks are the packets the broker can hold back: its answers to a
// client's packets and its PUBREL of a QoS 2 delivery.
var brokerAcks = [...]codec.PacketType{codec.PUBACK, codec.PUBREC, codec.PUBREL, codec.PUBCOMP, codec.SUBACK, codec.UNSUBACK}

// brokerHold is what the broker holds back for one client: the types it
// holds and the packets held, oldest first, each with its connection.
type brokerHold struct {
	holding [16]bool
	held    []heldAck
}

// heldAck is a packet the broker held and the connection it was for.
type heldAck struct {
	c *conn
	p codec.Packet
}

// BrokerHold makes the broker withhold the packets of the given types
// (PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK) that it would send to
// the client, until BrokerRelease: it updates its state as if it had sent
// them and keeps the packets. The hold lasts across the client's
// connections.
func (w *World) BrokerHold(name string, types ...codec.PacketType) error {
	return w.brokerHold(name, types, true)
}

// BrokerRelease ends BrokerHold for the given types and sends the packets
// of those types held for the client, oldest first, each on the
// connection it was for if that is still open (else it is never sent).
func (w *World) BrokerRelease(name string, types ...codec.PacketType) error {
	return w.brokerHold(name, types, false)
}

// brokerHold starts (on) or ends the broker's hold of the types for the
// client, recording a note step on the broker's lifeline.
func (w *World) brokerHold(name string, types []codec.PacketType, on bool) error {
	p, err := w.client(name)
	if err != nil {
		return err
	}
	list := ""
	for i, t := range types {
		if !isBrokerAck(t) {
			return refuse("the broker can hold only PUBACK, PUBREC, PUBREL, PUBCOMP, SUBACK and UNSUBACK, not "+t.String(),
				"服务端只能暂扣 PUBACK、PUBREC、PUBREL、PUBCOMP、SUBACK 和 UNSUBACK，不能暂扣 "+t.String())
		}
		if i > 0 {
			list += " "
		}
		list += t.String()
	}
	b := w.eng.broker
	for _, t := range types {
		p.brokerHold.holding[t] = on
	}
	if on {
		b.note("", "the broker will hold back its "+list+" to "+name+" (told to), as a slow broker answers late",
			"服务端将按场景的要求暂扣发给 "+name+" 的 "+list+"，就像一个应答迟缓的服务端")
		w.eng.act(b, trace.KindNote, true)
		return nil
	}
	b.note("", "the broker stops holding back its "+list+" to "+name, "服务端不再暂扣发给 "+name+" 的 "+list)
	var keep []heldAck
	for _, h := range p.brokerHold.held {
		switch t := h.p.Type(); {
		case p.brokerHold.holding[t]:
			keep = append(keep, h)
		case h.c.open[brokerEnd]:
			b.note("", "the broker sends the "+t.String()+" it held", "服务端发送之前暂扣的 "+t.String())
			b.send(h.c, h.p)
		default:
			b.note("", "the connection the held "+t.String()+" was for has closed: the broker never sends it",
				"暂扣的 "+t.String()+" 所属的连接已经关闭：服务端不会再发送它")
		}
	}
	p.brokerHold.held = keep
	w.eng.act(b, trace.KindNote, true)
	return nil
}

// isBrokerAck reports whether the broker can hold back packets of type t.
func isBrokerAck(t codec.PacketType) bool {
	for _, a := range brokerAcks {
		if a == t {
			return true
		}
	}
	return false
}

// withhold reports whether the broker holds back p on c, and keeps it
// then, with a note.
func (b *broker) withhold(c *conn, p codec.Packet) bool {
	if c.client == nil || !c.client.brokerHold.holding[p.Type()] {
		return false
	}
	h := &c.client.brokerHold
	h.held = append(h.held, heldAck{c: c, p: p})
	b.note("", "the broker withholds its "+p.Type().String()+" (told to): its state is as if it had sent it",
		"服务端按场景的要求暂不发送 "+p.Type().String()+"：它的状态如同已经发出")
	return true
}

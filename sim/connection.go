package sim

import "mqttviz/codec"

// Connection is what happened on a client's latest network connection
// (the one open now, or the last one closed): what each end processed,
// what the client sent and who closed it. Expectations about "the current
// connection" read it, so that an earlier connection's CONNACK cannot
// stand in for one that never came.
type Connection struct {
	// ClientOpen and BrokerOpen report whether each end is still open.
	ClientOpen, BrokerOpen bool
	// ClientClosed and BrokerClosed report that end closed the connection
	// itself (DISCONNECT, a protocol violation, keepalive, a restart), not
	// a cut and not the news of the other end's close.
	ClientClosed, BrokerClosed bool
	// ToClient are the packets the client received and processed, in
	// order; FromClient those it sent, lost ones included; ToBroker and
	// FromBroker the same at the broker's end. They are the world's own
	// record: read them, do not change them.
	ToClient, FromClient, ToBroker, FromBroker []WirePacket
}

// WirePacket is one packet of a connection: its type, its packet
// identifier (0 when it has none) and its bytes as sent.
type WirePacket struct {
	Type     codec.PacketType
	PacketID uint16
	Bytes    []byte
}

// Connection returns the record of the client's latest connection, nil
// when the client never opened one or with Options.NoRecord.
func (w *World) Connection(name string) *Connection {
	c, ok := w.clients[name]
	if !ok || c.conn == nil || !w.eng.record {
		return nil
	}
	k := c.conn
	return &Connection{
		ClientOpen: k.open[clientEnd], BrokerOpen: k.open[brokerEnd],
		ClientClosed: k.selfClosed[clientEnd], BrokerClosed: k.selfClosed[brokerEnd],
		ToClient: k.heard[clientEnd], FromClient: k.said[clientEnd],
		ToBroker: k.heard[brokerEnd], FromBroker: k.said[brokerEnd],
	}
}

// Last returns the last packet of type t in ps, nil when there is none.
func Last(ps []WirePacket, t codec.PacketType) *WirePacket {
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].Type == t {
			return &ps[i]
		}
	}
	return nil
}

// PacketID is p's packet identifier, 0 for types that carry none: what a
// WirePacket records, for a driver outside the simulator.
func PacketID(p codec.Packet) uint16 { return packetID(p) }

package sim

import (
	"slices"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// Awaits reports whether the client waits for the broker to answer on
// its connection: a CONNACK to its CONNECT, a SUBACK or UNSUBACK, a
// PINGRESP, the PUBACK or PUBREC of a PUBLISH it sent, the PUBCOMP of a
// PUBREL it sent, the PUBREL of a QoS 2 message it received. What the
// client withholds (Hold) asks for no answer, and a client with no
// connection awaits nothing. It is what a live run waits for after an
// action, as the simulator runs until no packet is on a link.
func (c *Client) Awaits() bool {
	switch {
	case c.conn == 0 || c.status == refused:
		return false
	case c.status == connecting, len(c.requests) > 0, c.pingSent >= 0:
		return true
	}
	for _, f := range c.out.flights {
		if f.stage == trace.StagePublishSent || f.stage == trace.StagePubrelSent && !c.withholds(codec.PUBREL, f.id) {
			return true
		}
	}
	for id := range c.in {
		if !c.withholds(codec.PUBREC, id) {
			return true
		}
	}
	return false
}

// withholds reports whether the client keeps an acknowledgement of type
// t for packet id instead of having sent it.
func (c *Client) withholds(t codec.PacketType, id uint16) bool {
	return slices.ContainsFunc(c.held, func(p codec.Packet) bool { return p.Type() == t && packetID(p) == id })
}

package codec

import "strconv"

// Type returns PUBACK.
func (*Puback) Type() PacketType { return PUBACK }

// Type returns PUBREC.
func (*Pubrec) Type() PacketType { return PUBREC }

// Type returns PUBREL.
func (*Pubrel) Type() PacketType { return PUBREL }

// Type returns PUBCOMP.
func (*Pubcomp) Type() PacketType { return PUBCOMP }

// Type returns UNSUBACK.
func (*Unsuback) Type() PacketType { return UNSUBACK }

// String summarises the packet: `PUBACK id=3`.
func (a *Puback) String() string { return ackString(PUBACK, a.PacketID) }

// String summarises the packet: `PUBREC id=3`.
func (a *Pubrec) String() string { return ackString(PUBREC, a.PacketID) }

// String summarises the packet: `PUBREL id=3`.
func (a *Pubrel) String() string { return ackString(PUBREL, a.PacketID) }

// String summarises the packet: `PUBCOMP id=3`.
func (a *Pubcomp) String() string { return ackString(PUBCOMP, a.PacketID) }

// String summarises the packet: `UNSUBACK id=3`.
func (a *Unsuback) String() string { return ackString(UNSUBACK, a.PacketID) }

func ackString(t PacketType, id uint16) string {
	return t.String() + " id=" + strconv.Itoa(int(id))
}

// ack decodes the variable header of PUBACK, PUBREC, PUBREL, PUBCOMP and
// UNSUBACK: a packet identifier and nothing else. [MQTT 3.4–3.7, 3.11]
func (p *parser) ack(t PacketType, id *uint16) *Error {
	if err := p.fixedLength(t, 2); err != nil {
		return err
	}
	v, err := p.packetID(t)
	*id = v
	return err
}

// appendAck encodes a packet made of a first byte and a packet identifier.
func appendAck(dst []byte, first byte, id uint16) []byte {
	return append(dst, first, 2, byte(id>>8), byte(id))
}

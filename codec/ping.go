package codec

// Type returns PINGREQ.
func (*Pingreq) Type() PacketType { return PINGREQ }

// Type returns PINGRESP.
func (*Pingresp) Type() PacketType { return PINGRESP }

// Type returns DISCONNECT.
func (*Disconnect) Type() PacketType { return DISCONNECT }

// String returns "PINGREQ".
func (*Pingreq) String() string { return "PINGREQ" }

// String returns "PINGRESP".
func (*Pingresp) String() string { return "PINGRESP" }

// String returns "DISCONNECT".
func (*Disconnect) String() string { return "DISCONNECT" }

// empty checks a packet that is a fixed header only: PINGREQ, PINGRESP,
// DISCONNECT. [MQTT 3.12–3.14]
func (p *parser) empty(t PacketType) *Error {
	return p.fixedLength(t, 0)
}

package trace

import "mqttviz/codec"

// MaskByte stands for each byte of a password that is not shown.
const MaskByte = '*'

// MaskPassword returns s with the password of its CONNECT, if it carries
// one, written as asterisks: the same length, so that the packet still
// decodes and the inspector shows where the password is without showing
// it. Any other step is s itself. The password is the last field of
// CONNECT [MQTT 3.1.3], so its bytes end the packet.
func MaskPassword(s Step) Step {
	if s.Packet != codec.CONNECT || len(s.Bytes) == 0 {
		return s
	}
	p, err := codec.Decode(s.Bytes)
	c, ok := p.(*codec.Connect)
	if err != nil || !ok || !c.HasPassword || len(c.Password) == 0 {
		return s
	}
	b := append(HexBytes(nil), s.Bytes...)
	for i := len(b) - len(c.Password); i < len(b); i++ {
		b[i] = MaskByte
	}
	s.Bytes = b
	return s
}

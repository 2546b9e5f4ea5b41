package codec

import (
	"errors"
	"strconv"
)

// MarshalText writes the packet type's name as String spells it
// ("PUBLISH", "Reserved(0)"), as the trace's JSON has it.
func (t PacketType) MarshalText() ([]byte, error) {
	if int(t) >= len(packetTypeNames) {
		return nil, errors.New("codec: no packet type " + strconv.Itoa(int(t)))
	}
	return []byte(packetTypeNames[t]), nil
}

// UnmarshalText reads a name MarshalText writes; any other name is an
// error.
func (t *PacketType) UnmarshalText(b []byte) error {
	for i, name := range packetTypeNames {
		if name == string(b) {
			*t = PacketType(i)
			return nil
		}
	}
	return errors.New("codec: unknown packet type " + strconv.Quote(string(b)))
}

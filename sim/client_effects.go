package sim

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// Effects are what a Client wants done after its inputs, in this order:
// open a network connection to the broker, write the sends on the
// client's connection, set the timers, close the connection. Client.Ready
// returns them; the driver carries them out and calls Client.Advance.
type Effects struct {
	// Open asks for a new network connection to the broker, before the
	// sends: the CONNECT is the first of them.
	Open bool
	// Sends are the packets to write on the connection, in order, each
	// already encoded.
	Sends []Send
	// Timers ask the driver to call Client.Timer with each at its At.
	Timers []Timer
	// Close asks for the client's end of the connection to be closed once
	// the sends are written.
	Close bool
	// Notes explain what the client did and why, each with the rule behind
	// it.
	Notes []trace.Note
	// Refused says the last input broke a protocol rule and the client
	// closes the connection because of it.
	Refused bool
}

// Send is one packet a Client writes: its bytes, with the type and packet
// identifier (0 for none) they carry.
type Send struct {
	Bytes    []byte
	Type     codec.PacketType
	PacketID uint16
}

// Timer is a timer a Client asked for: the driver hands it back to
// Client.Timer at virtual or wall-clock time At. A timer of an earlier
// connection is ignored, so a driver need not cancel any.
type Timer struct {
	// At is when the timer fires, in milliseconds on the driver's clock.
	At int64
	// Foreground says the timer is part of an exchange in progress (a
	// resend); false for the idle keepalive timers. A simulation runs
	// until no foreground timer is left; a live driver may ignore it.
	Foreground bool
	kind       timerKind
	conn       uint32
}

// clear empties the effects, keeping their buffers.
func (fx *Effects) clear() {
	for i := range fx.Sends {
		fx.Sends[i] = Send{}
	}
	fx.Sends = fx.Sends[:0]
	fx.Timers = fx.Timers[:0]
	fx.Notes = fx.Notes[:0]
	fx.Open, fx.Close, fx.Refused = false, false, false
}

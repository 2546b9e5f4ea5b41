package sim

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// The two ends of a connection, used to index conn's arrays.
const (
	clientEnd = 0
	brokerEnd = 1
)

// conn is one network connection between a client and the broker. Each end
// has its own open flag, stream splitter and decoder: an end may believe the
// connection open after the other has closed it (half-open).
type conn struct {
	// id is the connection's number in the trace (Step.Conn), from 1.
	id     int
	client *peer
	open   [2]bool
	split  [2]codec.Splitter
	// dec decode what each end receives, made on its first packet: the
	// native broker's connections, framed by its recorder, never need
	// them (10,000 idle devices held 7 MB of them).
	dec [2]*codec.Decoder
	// b is the broker's state for this connection.
	b *brokerConn
	// inflight counts, per end, the packets that end sent that have not
	// yet arrived (or been lost); pendingClose is that end's close step,
	// recorded only once they have: a close comes after the packets sent
	// before it, so the diagram shows cause before effect.
	inflight     [2]int
	pendingClose [2]*trace.Step
	// heldBehind are the steps the client took after a pending close of
	// its end (a new connection, a note): recorded right after that close,
	// so its lifeline reads in the order things happened.
	heldBehind []trace.Step
	// heard are the packets each end received and processed, said those
	// it sent, and selfClosed whether it closed its end itself; kept only
	// when the run records a trace, for Connection.
	heard, said [2][]WirePacket
	selfClosed  [2]bool
}

// receiving is the end that receives what travels in direction d.
func receiving(d Direction) int {
	if d == Up {
		return brokerEnd
	}
	return clientEnd
}

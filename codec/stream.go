package codec

import (
	"iter"
	"slices"
)

// StreamPacket is one packet cut from a byte stream by SplitStream.
type StreamPacket struct {
	// Offset is where the packet starts in the stream.
	Offset int
	// Bytes are the packet's bytes; they alias the stream. Only the last
	// packet can be cut short or hold a malformed Remaining Length.
	Bytes []byte
	// Missing is how many more bytes the packet's Remaining Length
	// announces than the stream holds: 0 for a complete packet, and 0
	// when the stream ends inside the fixed header, where no length is
	// known yet.
	Missing int
}

// SplitStream cuts b into packets, one after another, as a receiver
// reads them from a connection: each packet's fixed header says where
// the next one starts. [MQTT 2.2.3] The cut checks only the framing:
// Annotate each packet to check the rest. The bytes after a packet cut
// short (Missing > 0) or after a malformed Remaining Length, where the
// stream cannot be cut any further, are the last packet.
func SplitStream(b []byte) []StreamPacket { return slices.Collect(StreamPackets(b)) }

// StreamPackets yields the packets of b as SplitStream cuts them,
// without holding them all: a megabyte of small packets is counted
// without allocating.
func StreamPackets(b []byte) iter.Seq[StreamPacket] {
	return func(yield func(StreamPacket) bool) {
		for off := 0; off < len(b); {
			rest := b[off:]
			n, err := FrameLength(rest)
			if err != nil || n == 0 || n > len(rest) {
				p := StreamPacket{Offset: off, Bytes: rest}
				if err == nil && n > len(rest) {
					p.Missing = n - len(rest)
				}
				yield(p)
				return
			}
			if !yield(StreamPacket{Offset: off, Bytes: rest[:n:n]}) {
				return
			}
			off += n
		}
	}
}

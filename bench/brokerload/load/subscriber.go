package load

import (
	"encoding/binary"
	"fmt"

	"mqttviz/codec"
)

// subscriber is one subscribing connection; its counts belong to its
// reading goroutine until the run ends.
type subscriber struct {
	r *run
	k *client
	// seen are the sequence numbers received, per publisher.
	seen                  []bitset
	delivered, duplicates int
	// latencies are the nanoseconds from publish to delivery of each
	// first delivery.
	latencies []int64
}

// read reads deliveries until the run ends, acknowledging them.
func (s *subscriber) read() {
	for {
		pk, err := s.k.next()
		if err != nil {
			s.r.fail(fmt.Errorf("subscriber: %w", err))
			return
		}
		switch p := pk.(type) {
		case *codec.Publish:
			if err := s.deliver(p); err != nil {
				s.r.fail(err)
				return
			}
		case *codec.Pubrel:
			err = s.k.queue(&codec.Pubcomp{PacketID: p.PacketID})
		default:
			err = fmt.Errorf("subscriber: unexpected %v", pk)
		}
		if err != nil {
			s.r.fail(err)
			return
		}
	}
}

// deliver counts one PUBLISH, checks it is one the run published, and
// acknowledges it.
func (s *subscriber) deliver(p *codec.Publish) error {
	now := s.r.now()
	if len(p.Payload) != s.r.cfg.Size || p.QoS != s.r.cfg.QoS {
		return fmt.Errorf("subscriber: a PUBLISH the generator did not send: q%d, %d bytes", p.QoS, len(p.Payload))
	}
	switch p.QoS {
	case codec.AtLeastOnce:
		if err := s.k.queue(&codec.Puback{PacketID: p.PacketID}); err != nil {
			return err
		}
	case codec.ExactlyOnce:
		if err := s.k.queue(&codec.Pubrec{PacketID: p.PacketID}); err != nil {
			return err
		}
	}
	pi := int(binary.BigEndian.Uint32(p.Payload[0:]))
	seq := int(binary.BigEndian.Uint32(p.Payload[4:]))
	at := int64(binary.BigEndian.Uint64(p.Payload[8:]))
	if pi >= len(s.r.pubs) || int64(seq) >= s.r.pubs[pi].published.Load() {
		return fmt.Errorf("subscriber: message %d of publisher %d was never published", seq, pi)
	}
	if !s.seen[pi].set(seq) {
		s.duplicates++
		return nil
	}
	s.delivered++
	s.latencies = append(s.latencies, now-at)
	s.r.last.Store(now)
	s.r.total.Add(1)
	pub := s.r.pubs[pi]
	pub.delivered.Add(1)
	pub.signal()
	return nil
}

// bitset is a growing set of small integers.
type bitset []uint64

// set adds i; false when it was there already.
func (b *bitset) set(i int) bool {
	w := i / 64
	for w >= len(*b) {
		*b = append(*b, 0)
	}
	bit := uint64(1) << (i % 64)
	if (*b)[w]&bit != 0 {
		return false
	}
	(*b)[w] |= bit
	return true
}

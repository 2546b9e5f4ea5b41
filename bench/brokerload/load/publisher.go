package load

import (
	"context"
	"encoding/binary"
	"fmt"
	"sync/atomic"
	"time"

	"mqttviz/codec"
)

// publisher is one publishing connection.
type publisher struct {
	r      *run
	k      *client
	index  int
	topic  string
	window int
	// published is how many messages it wrote or is writing: a message
	// is counted before its bytes leave, so that a subscriber never sees
	// one that is not.
	published atomic.Int64
	// delivered counts the deliveries of its messages over all
	// subscribers; acked its messages acknowledged (PUBACK, PUBCOMP).
	delivered, acked atomic.Int64
	// wake is signalled when either grows.
	wake chan struct{}
}

// signal wakes the publisher if it waits for its window.
func (p *publisher) signal() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// publish writes the publisher's messages, each when the window has room
// (and the rate allows), from start until the run's duration or message
// count is reached.
func (p *publisher) publish(ctx context.Context, start int64) {
	cfg := p.r.cfg
	payload := make([]byte, cfg.Size)
	binary.BigEndian.PutUint32(payload[0:], uint32(p.index))
	var interval float64
	if cfg.Rate > 0 {
		interval = float64(cfg.Publishers) / cfg.Rate * 1e9
	}
	stall := time.NewTimer(cfg.Stall)
	defer stall.Stop()
	subs := int64(cfg.Subscribers)
	for seq := 0; ; seq++ {
		switch {
		case cfg.Messages > 0 && seq >= cfg.Messages,
			cfg.Messages == 0 && p.r.now()-start >= int64(cfg.Duration),
			ctx.Err() != nil, p.r.failing():
			return
		}
		for p.full(seq, subs) {
			stall.Reset(cfg.Stall)
			select {
			case <-p.wake:
			case <-p.r.failed:
				return
			case <-stall.C:
				p.r.fail(fmt.Errorf("publisher %d: nothing delivered or acknowledged for %v with %d messages outstanding (published %d, delivered %d of %d, acknowledged %d)",
					p.index, cfg.Stall, p.window, seq, p.delivered.Load(), int64(seq)*subs, p.acked.Load()))
				return
			}
		}
		if interval > 0 {
			if wait := start + int64(float64(seq)*interval) - p.r.now(); wait > 0 {
				time.Sleep(time.Duration(wait))
			}
		}
		binary.BigEndian.PutUint32(payload[4:], uint32(seq))
		binary.BigEndian.PutUint64(payload[8:], uint64(p.r.now()))
		pk := &codec.Publish{QoS: cfg.QoS, Topic: p.topic, Payload: payload}
		if cfg.QoS > 0 {
			pk.PacketID = uint16(seq%65535 + 1)
		}
		p.published.Add(1)
		if err := p.k.send(pk); err != nil {
			p.r.fail(fmt.Errorf("publisher %d: %w", p.index, err))
			return
		}
	}
}

// full says the window has no room for message seq: too many messages not
// yet delivered to every subscriber, or not yet acknowledged.
func (p *publisher) full(seq int, subs int64) bool {
	if int64(seq)-p.delivered.Load()/subs >= int64(p.window) {
		return true
	}
	return p.r.cfg.QoS > 0 && int64(seq)-p.acked.Load() >= int64(p.window)
}

// readAcks reads the broker's acknowledgements of QoS 1 and 2 messages,
// answering PUBREC with PUBREL.
func (p *publisher) readAcks() {
	for {
		pk, err := p.k.next()
		if err != nil {
			p.r.fail(fmt.Errorf("publisher %d: reading acknowledgements: %w", p.index, err))
			return
		}
		switch a := pk.(type) {
		case *codec.Puback, *codec.Pubcomp:
			p.acked.Add(1)
			p.signal()
		case *codec.Pubrec:
			if err := p.k.queue(&codec.Pubrel{PacketID: a.PacketID}); err != nil {
				p.r.fail(err)
				return
			}
		default:
			p.r.fail(fmt.Errorf("publisher %d: unexpected %v", p.index, pk))
			return
		}
	}
}

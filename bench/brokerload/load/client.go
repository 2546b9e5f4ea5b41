package load

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	"mqttviz/codec"
)

// client is one MQTT 3.1.1 connection of the generator, written with
// mqttviz's codec: packets are encoded with codec.Append and cut and
// decoded with a reused codec.Decoder, so the generator costs both brokers
// the same and little. Writes are safe from several goroutines; reads
// belong to one.
type client struct {
	c   net.Conn
	r   *bufio.Reader
	dec codec.Decoder
	// frame holds the packet being read.
	frame []byte

	wmu  sync.Mutex
	wbuf []byte
	// queued are packets appended by queue, written by flush.
	queued []byte
}

// dial connects to the broker at addr and sends CONNECT with client id
// id (clean session, keepalive off): it returns once the broker accepted.
func dial(addr, id string, timeout time.Duration) (*client, error) {
	c, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return nil, err
	}
	k := &client{c: c, r: newReader(c)}
	c.SetDeadline(time.Now().Add(timeout))
	if err := k.send(&codec.Connect{ProtocolName: "MQTT", ProtocolLevel: 4, CleanSession: true, ClientID: id}); err != nil {
		c.Close()
		return nil, err
	}
	p, err := k.next()
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("%s: waiting for CONNACK: %w", id, err)
	}
	if a, ok := p.(*codec.Connack); !ok || a.ReturnCode != codec.Accepted {
		c.Close()
		return nil, fmt.Errorf("%s: CONNECT answered with %v", id, p)
	}
	c.SetDeadline(time.Time{})
	return k, nil
}

// subscribe subscribes to filter at qos and waits for a SUBACK granting
// it (the broker may grant less only if it says so: that is an error here).
func (k *client) subscribe(filter string, qos codec.QoS, timeout time.Duration) error {
	k.c.SetDeadline(time.Now().Add(timeout))
	defer k.c.SetDeadline(time.Time{})
	if err := k.send(&codec.Subscribe{PacketID: 1, Subscriptions: []codec.Subscription{{Filter: filter, QoS: qos}}}); err != nil {
		return err
	}
	p, err := k.next()
	if err != nil {
		return fmt.Errorf("waiting for SUBACK: %w", err)
	}
	if a, ok := p.(*codec.Suback); !ok || len(a.ReturnCodes) != 1 || a.ReturnCodes[0] != codec.SubackCode(qos) {
		return fmt.Errorf("SUBSCRIBE %s q%d answered with %v", filter, qos, p)
	}
	return nil
}

// send encodes p and writes it at once.
func (k *client) send(p codec.Packet) error {
	k.wmu.Lock()
	defer k.wmu.Unlock()
	var err error
	if k.wbuf, err = codec.Append(k.wbuf[:0], p); err != nil {
		return err
	}
	_, err = k.c.Write(k.wbuf)
	return err
}

// queue encodes p to be written by the next flush (the reader's acks:
// one write for all the acks of one read).
func (k *client) queue(p codec.Packet) error {
	var err error
	k.queued, err = codec.Append(k.queued, p)
	return err
}

// flush writes what queue collected.
func (k *client) flush() error {
	if len(k.queued) == 0 {
		return nil
	}
	k.wmu.Lock()
	_, err := k.c.Write(k.queued)
	k.wmu.Unlock()
	k.queued = k.queued[:0]
	return err
}

// next reads and decodes the next packet; it is valid until the next
// call. The acks queued are written first when nothing more is buffered,
// so that the broker never waits for an ack the generator holds.
func (k *client) next() (codec.Packet, error) {
	if k.r.Buffered() == 0 {
		if err := k.flush(); err != nil {
			return nil, err
		}
	}
	first, err := k.r.ReadByte()
	if err != nil {
		return nil, err
	}
	k.frame = append(k.frame[:0], first)
	for {
		b, err := k.r.ReadByte()
		if err != nil {
			return nil, unexpected(err)
		}
		k.frame = append(k.frame, b)
		n, err := codec.FrameLength(k.frame)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			start := len(k.frame)
			if cap(k.frame) < n {
				k.frame = append(make([]byte, 0, n), k.frame...)
			}
			k.frame = k.frame[:n]
			if _, err := io.ReadFull(k.r, k.frame[start:]); err != nil {
				return nil, unexpected(err)
			}
			return k.dec.Decode(k.frame)
		}
	}
}

// close closes the connection; a DISCONNECT first when polite.
func (k *client) close(polite bool) {
	if polite {
		k.c.SetWriteDeadline(time.Now().Add(time.Second))
		k.send(&codec.Disconnect{})
	}
	k.c.Close()
}

// newReader is a client's read buffer on c.
func newReader(c net.Conn) *bufio.Reader { return bufio.NewReaderSize(c, 64<<10) }

// unexpected turns an EOF inside a packet into io.ErrUnexpectedEOF.
func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

package sim

import "mqttviz/sim/trace"

// Resend makes the client send again, now, every QoS 1 and 2 exchange it
// has not seen answered, as its resend timer would: PUBLISH with DUP 1 and
// the same packet id [MQTT-3.3.1-1], PUBREL once PUBREC came. With nothing
// unanswered it only says so.
func (c *Client) Resend(now int64) error {
	c.now = now
	if c.conn == 0 {
		return errNotConnected
	}
	sent := 0
	c.out.retry(now, 0, func(f *flight) {
		c.notef("MQTT 4.4", "%s has no answer to id=%d and sends it again",
			"%s 没有收到 id=%d 的应答，再次发送", c.name, f.id)
		c.transmit(f)
		sent++
	})
	if sent == 0 {
		c.notef("MQTT 4.4", "%s has nothing unanswered to send again",
			"%s 没有等待应答的报文，无需重发", c.name)
	}
	return nil
}

// Resend makes the client send its unanswered PUBLISH and PUBREL again
// now (Client.Resend).
func (w *World) Resend(name string) error {
	c, err := w.client(name)
	if err != nil {
		return err
	}
	return w.eng.do(c, trace.KindNote, false, c.core.Resend(w.eng.now))
}

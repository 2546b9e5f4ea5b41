package sim

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// A copy rule makes the link carry one matching packet twice: the same
// bytes again (a network that duplicates, DuplicateNext), or the packet
// again with DUP 1 (the sender's resend, ResendNext, as when its resend
// timer fires before the answer comes back).

// copyRule is a DuplicateNext or ResendNext rule not yet used.
type copyRule struct {
	match DropMatch
	// resend sets DUP 1 on the copy of a PUBLISH: the sender sends it
	// again rather than the network.
	resend bool
}

// DuplicateNext makes the client's link deliver the next packet that
// matches m twice, the same bytes each time, once. The receiver cannot
// tell the copy from a packet sent twice with DUP 0.
func (w *World) DuplicateNext(name string, m DropMatch) error {
	return w.fault(name, fault{kind: faultCopy, match: m})
}

// ResendNext makes the sender of the next packet that matches m send it
// again right after it, as its resend timer would: a PUBLISH with DUP 1 and
// the same packet id [MQTT-3.3.1-1], a PUBREL the same again. Other packet
// types are sent again as they are.
func (w *World) ResendNext(name string, m DropMatch) error {
	return w.fault(name, fault{kind: faultResend, match: m})
}

// copyText says what a copy rule will do, for its fault step.
func copyText(f fault) trace.Text {
	t := f.match.text()
	if f.kind == faultResend {
		return trace.Text{EN: "the sender will send the next " + t.EN + " again at once, as its resend timer would", ZH: "发送方将立即再次发送下一个" + t.ZH + "，如同重发定时器到期"}
	}
	return trace.Text{EN: "the link will deliver the next " + t.EN + " twice", ZH: "链路将把下一个" + t.ZH + "投递两次"}
}

// copyOf reports whether a packet sent in direction d is carried twice,
// using up the rule that matches, and returns the copy's bytes and note,
// and whether the sender sent the copy (a resend) rather than the network.
func (l *link) copyOf(d Direction, t codec.PacketType, id uint16, b []byte) (copied []byte, note trace.Note, bySender, ok bool) {
	for i, r := range l.copies {
		m := r.match
		if (m.Type != 0 && m.Type != t) || (m.Dir != "" && m.Dir != d) || (m.PacketID != 0 && m.PacketID != id) {
			continue
		}
		l.copies = append(l.copies[:i:i], l.copies[i+1:]...)
		c := append([]byte(nil), b...)
		if !r.resend {
			return c, trace.Note{Text: trace.Text{EN: "the network delivers the same bytes a second time", ZH: "网络把同样的字节又投递了一次"}}, false, true
		}
		if t == codec.PUBLISH && len(c) > 0 && c[0]&0x06 != 0 {
			c[0] |= 0x08
			return c, trace.Note{Rule: "MQTT-3.3.1-1", Text: trace.Text{
				EN: "the sender has no answer yet and sends the PUBLISH again: DUP 1, the same packet id",
				ZH: "发送方还没有收到应答，再次发送这个 PUBLISH：DUP 置 1，报文标识符不变",
			}}, true, true
		}
		return c, trace.Note{Text: trace.Text{EN: "the sender sends the packet again", ZH: "发送方再次发送这个报文"}}, true, true
	}
	return nil, trace.Note{}, false, false
}

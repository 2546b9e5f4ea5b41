package live

import (
	"bytes"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// The faults a driver makes at a client's own end of its link, as the
// simulator makes them on the whole link: drop the next matching packet
// in (not handed to the client) or out (not handed to the transport),
// cut the connection, go silent, restore. Each is a fault step on the
// client's lifeline; each lasts across the client's connections until
// Restore.

// faults are a client's faults now.
type faults struct {
	drops  []sim.DropMatch
	silent bool
}

// DropNext drops the next packet between the client named name and the
// broker that matches m, once: sim.Up is a packet the client writes
// (the client believes it sent it; the broker never sees it), sim.Down a
// packet read from the broker (the client never sees it).
func (d *Driver) DropNext(name string, m sim.DropMatch) error {
	return d.fault(name, func(cl *client) trace.Text {
		cl.faults.drops = append(cl.faults.drops, m)
		return trace.Text{EN: "the next " + m.String() + " will be dropped at " + name + "'s end", ZH: name + " 这一端将丢弃下一个匹配 " + m.String() + " 的报文"}
	})
}

// Cut closes the client's connection now with no DISCONNECT, as a
// pulled cable: the client is told, and the broker sees the connection
// close (and publishes the client's will).
func (d *Driver) Cut(name string) error {
	err := d.fault(name, func(cl *client) trace.Text {
		return trace.Text{EN: name + "'s connection is cut: no DISCONNECT, the broker sees it close", ZH: name + " 的连接被切断：没有 DISCONNECT，服务端看到连接关闭"}
	})
	if cl := d.byName[name]; err == nil && cl.conn != 0 {
		d.cut(cl)
	}
	return err
}

// Silence makes the client's end silent: from now on nothing it writes
// goes out and nothing read reaches it, and the broker is not told; the
// keepalive of either end is what finds out (MQTT-3.1.2-24).
func (d *Driver) Silence(name string) error {
	return d.fault(name, func(cl *client) trace.Text {
		cl.faults.silent = true
		return trace.Text{EN: name + "'s end goes silent (half-open): packets vanish and nobody is told", ZH: name + " 这一端进入静默（半开连接）：报文消失，双方都不知道"}
	})
}

// Restore ends silence and the drop rules at the client's end.
func (d *Driver) Restore(name string) error {
	return d.fault(name, func(cl *client) trace.Text {
		cl.faults = faults{}
		return trace.Text{EN: name + "'s end is restored", ZH: name + " 这一端恢复正常"}
	})
}

// fault applies f to the client named name and records its fault step.
func (d *Driver) fault(name string, f func(cl *client) trace.Text) error {
	cl := d.byName[name]
	if cl == nil {
		return noClient(name)
	}
	d.record(trace.Step{Time: d.clock.Now(), Kind: trace.KindFault, From: name, To: trace.BrokerName, Notes: []trace.Note{{Text: f(cl)}}})
	return nil
}

// cut closes cl's connection as Cut does: the fault step first, then
// the close.
func (d *Driver) cut(cl *client) {
	conn := cl.conn
	d.net.Close(conn)
	d.end(cl, d.clock.Now(), Local, []trace.Note{{Text: trace.Text{EN: "the connection is cut", ZH: "连接被切断"}}})
	if cl.link != nil {
		cl.link.ClientClosed = false // a cut, not the client's own close
	}
}

// lose reports whether a packet going in direction dir is lost at cl's
// end, and the note that says why.
func (cl *client) lose(dir sim.Direction, b []byte) (bool, trace.Note) {
	if cl.faults.silent {
		return true, trace.Note{Text: trace.Text{EN: "lost at the silent end", ZH: "在静默的一端丢失"}}
	}
	p, err := codec.Decode(b)
	if err != nil {
		return false, trace.Note{}
	}
	for i, m := range cl.faults.drops {
		if (m.Type == 0 || m.Type == p.Type()) && (m.Dir == "" || m.Dir == dir) && (m.PacketID == 0 || m.PacketID == sim.PacketID(p)) {
			cl.faults.drops = append(cl.faults.drops[:i:i], cl.faults.drops[i+1:]...)
			return true, trace.Note{Text: trace.Text{EN: "dropped by the rule: drop next " + m.String(), ZH: "按规则丢弃：丢弃下一个 " + m.String()}}
		}
	}
	return false, trace.Note{}
}

// heard and said keep a packet of cl's current connection, as the
// simulator's Connection does.
func (cl *client) heard(b []byte) { cl.link.ToClient = append(cl.link.ToClient, wirePacket(b)) }
func (cl *client) said(b []byte)  { cl.link.FromClient = append(cl.link.FromClient, wirePacket(b)) }

// wirePacket is b as a sim.WirePacket.
func wirePacket(b []byte) sim.WirePacket {
	w := sim.WirePacket{Bytes: bytes.Clone(b)}
	if p, err := codec.Decode(b); err == nil {
		w.Type, w.PacketID = p.Type(), sim.PacketID(p)
	} else if len(b) > 0 {
		w.Type = codec.PacketType(b[0] >> 4)
	}
	return w
}

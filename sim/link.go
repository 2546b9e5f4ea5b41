package sim

import (
	"fmt"
	"strconv"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// Direction is which way a packet travels on a link.
type Direction string

// The two directions of a link.
const (
	// Up is from the client to the broker.
	Up Direction = "up"
	// Down is from the broker to the client.
	Down Direction = "down"
)

// DropMatch picks packets for Link.DropNext. A zero field matches anything:
// Type 0 any packet type, Dir "" either direction, PacketID 0 any packet id.
type DropMatch struct {
	Type     codec.PacketType
	Dir      Direction
	PacketID uint16
}

// String describes the match for the trace, e.g. "PUBACK down id=1".
func (m DropMatch) String() string { return m.text().EN }

// text describes the match in both languages.
func (m DropMatch) text() trace.Text {
	t := trace.Text{EN: "any packet", ZH: "报文"}
	if m.Type != 0 {
		t = trace.Text{EN: m.Type.String(), ZH: m.Type.String()}
	}
	switch m.Dir {
	case Up:
		t.EN, t.ZH = t.EN+" up", "发往服务端的 "+t.ZH
	case Down:
		t.EN, t.ZH = t.EN+" down", "发往客户端的 "+t.ZH
	}
	if m.PacketID != 0 {
		id := " id=" + strconv.Itoa(int(m.PacketID))
		t.EN, t.ZH = t.EN+id, t.ZH+id
	}
	return t
}

// Link is the network between one client and the broker. Its latency and
// faults last across the client's connections.
type Link struct {
	eng    *engine
	client string
	// latency is the one-way latency by direction: [0] up, [1] down.
	latency [2]int64
	// drops are DropNext rules not yet used, oldest first.
	drops    []DropMatch
	dropRate float64
	silent   bool
	// conn is the client's latest connection, which Cut closes.
	conn *conn
}

// DropNext drops the next packet that matches m, once. Rules queue: two
// calls drop two packets.
func (l *Link) DropNext(m DropMatch) {
	l.drops = append(l.drops, m)
	t := m.text()
	l.eng.fault(l.client, trace.Text{
		EN: "the link will drop the next " + t.EN,
		ZH: "链路将丢弃下一个" + t.ZH,
	})
}

// DropRate drops every packet with probability p (0 turns it off), drawn
// from the world's seeded random source.
func (l *Link) DropRate(p float64) {
	l.dropRate = p
	pc := strconv.FormatFloat(p*100, 'f', -1, 64) + "%"
	l.eng.fault(l.client, trace.Text{
		EN: "the link drops each packet with probability " + pc,
		ZH: "链路以 " + pc + " 的概率丢弃每个报文",
	})
}

// Cut closes the client's latest connection at both ends now, whichever
// are still open: both sides see it close, packets on the wire are lost.
func (l *Link) Cut() {
	l.eng.fault(l.client, trace.Text{
		EN: "the link is cut: both ends see the connection close",
		ZH: "链路被切断，两端都看到连接关闭",
	})
	l.eng.cut(l.client)
}

// Silence makes the link half-open: from now on nothing arrives in either
// direction and neither end is told. Keepalive is what finds out.
func (l *Link) Silence() {
	l.silent = true
	l.eng.fault(l.client, trace.Text{
		EN: "the link goes silent (half-open): packets vanish and nobody is told",
		ZH: "链路进入静默（半开连接）：报文消失，两端都不知道",
	})
}

// Restore ends silence, drop rules and the drop rate.
func (l *Link) Restore() {
	l.silent = false
	l.drops = nil
	l.dropRate = 0
	l.eng.fault(l.client, trace.Text{
		EN: "the link is restored",
		ZH: "链路恢复正常",
	})
}

// SetLatency sets the one-way latency up (client to broker) and down, in
// virtual milliseconds; negative values count as 0.
func (l *Link) SetLatency(up, down int64) {
	l.latency = [2]int64{max(up, 0), max(down, 0)}
	l.eng.fault(l.client, trace.Text{
		EN: fmt.Sprintf("link latency set to %d ms up, %d ms down", l.latency[0], l.latency[1]),
		ZH: fmt.Sprintf("链路延迟设为上行 %d 毫秒、下行 %d 毫秒", l.latency[0], l.latency[1]),
	})
}

// lose reports whether a packet of type t with packet id id, sent in
// direction d, is lost, and why: silence, a DropNext rule (used up by the
// match) or the drop rate.
func (l *Link) lose(d Direction, t codec.PacketType, id uint16) (bool, trace.Text) {
	if l.silent {
		return true, trace.Text{EN: "lost on the silent link", ZH: "在静默的链路上丢失"}
	}
	for i, m := range l.drops {
		if (m.Type == 0 || m.Type == t) && (m.Dir == "" || m.Dir == d) && (m.PacketID == 0 || m.PacketID == id) {
			l.drops = append(l.drops[:i:i], l.drops[i+1:]...)
			t := m.text()
			return true, trace.Text{EN: "dropped by the rule: drop next " + t.EN, ZH: "按规则丢弃：丢弃下一个" + t.ZH}
		}
	}
	if l.dropRate > 0 && l.eng.rand.Float64() < l.dropRate {
		return true, trace.Text{EN: "dropped at random by the link's drop rate", ZH: "按链路丢包率被随机丢弃"}
	}
	return false, trace.Text{}
}

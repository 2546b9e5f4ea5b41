package sim

import (
	"fmt"
	"math/rand/v2"
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

// DropMatch picks packets for World.DropNext. A zero field matches anything:
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

// link is the network between one client and the broker. Its latency and
// faults last across the client's connections; World's fault methods
// change it through the engine, which records each change as a step.
type link struct {
	// latency is the one-way latency by direction: [0] up, [1] down.
	latency [2]int64
	// drops are DropNext rules not yet used, oldest first.
	drops    []DropMatch
	dropRate float64
	silent   bool
	// copies are DuplicateNext and ResendNext rules not yet used.
	copies []copyRule
}

// faultKind names a change to a link.
type faultKind uint8

const (
	// faultDrop drops the next packet that matches.
	faultDrop faultKind = iota
	// faultDropRate drops every packet with a probability.
	faultDropRate
	// faultCut closes the current connection at both ends.
	faultCut
	// faultSilence makes the link half-open.
	faultSilence
	// faultRestore ends silence and drops.
	faultRestore
	// faultLatency sets the latency of each direction.
	faultLatency
	// faultCopy carries the next packet that matches twice.
	faultCopy
	// faultResend has the sender send the next packet that matches again.
	faultResend
)

// fault is one change to a client's link, applied by engine.fault.
type fault struct {
	kind     faultKind
	match    DropMatch
	rate     float64
	up, down int64
}

// apply changes l by f and says what changed, for the fault step.
func (l *link) apply(f fault) trace.Text {
	switch f.kind {
	case faultDrop:
		l.drops = append(l.drops, f.match)
		t := f.match.text()
		return trace.Text{EN: "the link will drop the next " + t.EN, ZH: "链路将丢弃下一个" + t.ZH}
	case faultDropRate:
		l.dropRate = f.rate
		pc := strconv.FormatFloat(f.rate*100, 'f', -1, 64) + "%"
		return trace.Text{EN: "the link drops each packet with probability " + pc, ZH: "链路以 " + pc + " 的概率丢弃每个报文"}
	case faultCopy, faultResend:
		l.copies = append(l.copies, copyRule{match: f.match, resend: f.kind == faultResend})
		return copyText(f)
	case faultCut:
		return trace.Text{EN: "the link is cut: both ends see the connection close", ZH: "链路被切断，两端都看到连接关闭"}
	case faultSilence:
		l.silent = true
		return trace.Text{EN: "the link goes silent (half-open): packets vanish and nobody is told", ZH: "链路进入静默（半开连接）：报文消失，两端都不知道"}
	case faultRestore:
		l.silent, l.drops, l.dropRate, l.copies = false, nil, 0, nil
		return trace.Text{EN: "the link is restored", ZH: "链路恢复正常"}
	default:
		l.latency = [2]int64{max(f.up, 0), max(f.down, 0)}
		return trace.Text{
			EN: fmt.Sprintf("link latency set to %d ms up, %d ms down", l.latency[0], l.latency[1]),
			ZH: fmt.Sprintf("链路延迟设为上行 %d 毫秒、下行 %d 毫秒", l.latency[0], l.latency[1]),
		}
	}
}

// lose reports whether a packet of type t with packet id id, sent in
// direction d, is lost, and why: silence, a DropNext rule (used up by the
// match) or the drop rate, drawn from rnd.
func (l *link) lose(rnd *rand.Rand, d Direction, t codec.PacketType, id uint16) (bool, trace.Text) {
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
	if l.dropRate > 0 && rnd.Float64() < l.dropRate {
		return true, trace.Text{EN: "dropped at random by the link's drop rate", ZH: "按链路丢包率被随机丢弃"}
	}
	return false, trace.Text{}
}

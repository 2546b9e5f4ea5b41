package script

import (
	"fmt"
	"slices"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// Difference is one place where a run against a real broker and the same
// scenario simulated differ in what the broker sent a client: the packet
// on each side ("" where that side sent none) and the difference said in
// both languages ("the simulated broker delivered a/b "x" to phone at QoS
// 2; yours at QoS 1").
type Difference struct {
	Client string
	Packet codec.PacketType
	// Topic is a PUBLISH's topic, empty for other packets.
	Topic string
	// Simulated and Live describe the packet on each side, such as
	// `PUBLISH a/b "x" qos=2 retain=0 dup=0`; empty on the side that sent
	// none.
	Simulated, Live string
	Text            trace.Text
}

// Compare lists where what the broker sent each client differs between
// simulated (the scenario run on the simulator) and live (the same
// scenario against a real broker). Packets are matched by what they are,
// not by their position: a PUBLISH by client, topic and payload, other
// packets by client and type, the n-th of a kind on one side with the
// n-th on the other; then their QoS, flags and return codes are
// compared. Packet identifiers are not: each broker picks its own.
// Packets a client never got (dropped, lost) do not count.
func Compare(simulated, live *trace.Trace) []Difference {
	sims, lives := received(simulated), received(live)
	var keys []string
	for k := range sims {
		keys = append(keys, k)
	}
	for k := range lives {
		if _, ok := sims[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var out []Difference
	for _, k := range keys {
		s, l := sims[k], lives[k]
		for i := range max(len(s), len(l)) {
			var a, b *arrival
			if i < len(s) {
				a = &s[i]
			}
			if i < len(l) {
				b = &l[i]
			}
			if d, ok := differ(a, b); ok {
				out = append(out, d)
			}
		}
	}
	slices.SortStableFunc(out, func(x, y Difference) int { return strings.Compare(x.Client, y.Client) })
	return out
}

// arrival is one packet a client got from the broker, as Compare sees it.
type arrival struct {
	client string
	typ    codec.PacketType
	topic  string
	qos    codec.QoS
	// what is the packet without its packet id; what the two sides must
	// agree on.
	what string
	// subject names the packet for a sentence: `a/b "x"`, or its type.
	subject string
}

// received groups the packets each client of t got from the broker by
// what they are.
func received(t *trace.Trace) map[string][]arrival {
	out := map[string][]arrival{}
	for _, s := range t.Steps {
		if s.Kind != trace.KindPacket || s.From != trace.BrokerName || s.To == "" || s.Outcome == trace.Dropped || s.Outcome == trace.Lost {
			continue
		}
		p, err := codec.Decode(s.Bytes)
		if err != nil {
			continue
		}
		a := arrival{client: s.To, typ: p.Type(), subject: p.Type().String(), what: p.Type().String()}
		key := s.To + "\x00" + p.Type().String()
		switch p := p.(type) {
		case *codec.Publish:
			a.topic, a.qos = p.Topic, p.QoS
			a.subject = fmt.Sprintf("%s %q", p.Topic, p.Payload)
			a.what = fmt.Sprintf("PUBLISH %s qos=%d retain=%s dup=%s", a.subject, p.QoS, trace.Flag(p.Retain), trace.Flag(p.Dup))
			key += "\x00" + p.Topic + "\x00" + string(p.Payload)
		case *codec.Connack:
			a.what = fmt.Sprintf("CONNACK %d session=%s", p.ReturnCode, trace.Flag(p.SessionPresent))
		case *codec.Suback:
			codes := make([]string, len(p.ReturnCodes))
			for i, rc := range p.ReturnCodes {
				codes[i] = fmt.Sprint(int(rc))
				if rc == codec.SubackFailure {
					codes[i] = "0x80"
				}
			}
			a.what = "SUBACK " + strings.Join(codes, " ")
		}
		out[key] = append(out[key], a)
	}
	return out
}

// differ is the difference between the n-th arrival of one kind on each
// side, if they differ; a or b is nil where that side has none.
func differ(a, b *arrival) (Difference, bool) {
	switch {
	case a != nil && b != nil && a.what == b.what:
		return Difference{}, false
	case a != nil && b != nil:
		d := Difference{Client: a.client, Packet: a.typ, Topic: a.topic, Simulated: a.what, Live: b.what}
		if a.typ == codec.PUBLISH && a.qos != b.qos {
			d.Text = sayDiff(diffQoS, a.subject, a.client, int(a.qos), int(b.qos))
		} else {
			d.Text = sayDiff(diffOther, a.client, a.what, b.what)
		}
		return d, true
	case a != nil:
		return Difference{Client: a.client, Packet: a.typ, Topic: a.topic, Simulated: a.what, Text: sayDiff(diffOnlySimulated, a.client, a.what)}, true
	}
	return Difference{Client: b.client, Packet: b.typ, Topic: b.topic, Live: b.what, Text: sayDiff(diffOnlyLive, b.client, b.what)}, true
}

// diff names a sentence of Compare's.
type diff uint8

const (
	diffQoS diff = iota
	diffOther
	diffOnlySimulated
	diffOnlyLive
)

// diffs are Compare's sentences in both languages.
var diffs = map[diff]trace.Text{
	diffQoS:           {EN: "the simulated broker delivered %s to %s at QoS %d; yours at QoS %d", ZH: "模拟服务端以 QoS %[3]d 把 %[1]s 投递给 %[2]s；你的服务端用的是 QoS %[4]d"},
	diffOther:         {EN: "%s got %s from the simulated broker; from yours %s", ZH: "%s 从模拟服务端收到 %s；从你的服务端收到的是 %s"},
	diffOnlySimulated: {EN: "the simulated broker sent %s %s; yours did not", ZH: "模拟服务端向 %s 发送了 %s；你的服务端没有发送"},
	diffOnlyLive:      {EN: "your broker sent %s %s; the simulated one did not", ZH: "你的服务端向 %s 发送了 %s；模拟服务端没有发送"},
}

// sayDiff fills sentence d's arguments in each language.
func sayDiff(d diff, args ...any) trace.Text {
	t := diffs[d]
	return trace.Text{EN: sayIn("en", t.EN, args), ZH: spaceMixed(sayIn("zh", t.ZH, args))}
}

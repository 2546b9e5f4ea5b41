package script

import (
	"fmt"
	"strconv"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// parseExpectClient reads the expectations about one client:
//
//	CLIENT receives TOPIC [PAYLOAD] [qos=N] [retain=0|1] [dup=0|1] [id=N]
//	CLIENT received N [messages]
//	CLIENT connected | connecting | disconnected
//	CLIENT connack CODE [session=0|1]
//	CLIENT suback CODE...
//	CLIENT got [no] TYPE [id=N] | CLIENT sent [no] TYPE [id=N]
//	CLIENT closed
//	CLIENT inflight N
func parseExpectClient(p *lineParser) (func(r *runner) (bool, trace.Text), error) {
	c, err := p.client()
	if err != nil {
		return nil, err
	}
	name := c.raw
	what, err := p.word("receives", "received", "connected", "connecting", "disconnected", "connack", "suback", "got", "sent", "closed", "inflight")
	if err != nil {
		return nil, err
	}
	switch what.raw {
	case "receives":
		return expectReceives(p, name)
	case "received":
		n, err := p.count()
		if err != nil {
			return nil, err
		}
		if p.more() && (p.peek().raw == "messages" || p.peek().raw == "message") {
			p.next++
		}
		return func(r *runner) (bool, trace.Text) {
			got := r.t.Received(name)
			if len(got) != n {
				return false, sayWhy(whyReceivedCount, name, len(got), describeDeliveries(got))
			}
			return true, trace.Text{}
		}, p.end()
	case "connected", "connecting", "disconnected":
		want := what.raw
		return func(r *runner) (bool, trace.Text) {
			if got := connectionCondition(r.t, name); got != want {
				return false, sayWhy(whyIs, name, conditions[got])
			}
			return true, trace.Text{}
		}, p.end()
	case "connack":
		return expectConnack(p, name)
	case "suback":
		return expectSuback(p, name)
	case "got", "sent":
		return expectPacket(p, name, what.raw == "sent")
	case "closed":
		return expectClosed(name, false), p.end()
	default:
		n, err := p.count()
		if err != nil {
			return nil, err
		}
		return func(r *runner) (bool, trace.Text) {
			cs := r.t.Client(name)
			if len(cs.Inflight) != n {
				return false, sayWhy(whyInflight, name, len(cs.Inflight), describeInflight(cs.Inflight))
			}
			return true, trace.Text{}
		}, p.end()
	}
}

// count takes a non-negative whole number.
func (p *lineParser) count() (int, error) {
	t, err := p.take(messages[wantNumber])
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(t.raw)
	if err != nil || n < 0 {
		return 0, p.expected(t.col, messages[wantNumber], t.shown())
	}
	return n, nil
}

// expectReceives checks the client's deliveries after those earlier
// receives and no delivery expectations looked at: one must match; the
// next receives looks after it.
func expectReceives(p *lineParser, name string) (func(r *runner) (bool, trace.Text), error) {
	m, err := p.parseMessageMatch("qos", "retain", "dup", "id")
	if err != nil {
		return nil, err
	}
	return func(r *runner) (bool, trace.Text) {
		got := r.t.Received(name)[r.seen[name]:]
		for i, d := range got {
			if m.matches(d.Topic, d.Payload, d.QoS, d.Retain, d.Dup, d.PacketID) {
				r.seen[name] += i + 1
				return true, trace.Text{}
			}
		}
		if len(got) == 0 {
			return false, sayWhy(whyNothingNew, name)
		}
		return false, sayWhy(whyReceived, name, describeDeliveries(got))
	}, nil
}

// lastPacket returns the last packet of type typ the client received and
// processed on its current connection, decoded, or nil.
func lastPacket(r *runner, name string, typ codec.PacketType) codec.Packet {
	k := r.t.Connection(name)
	if k == nil {
		return nil
	}
	if wp := sim.Last(k.ToClient, typ); wp != nil {
		if pk, err := codec.Decode(wp.Bytes); err == nil {
			return pk
		}
	}
	return nil
}

// expectConnack reads `connack CODE [session=0|1]`: the last CONNACK the
// client received.
func expectConnack(p *lineParser, name string) (func(r *runner) (bool, trace.Text), error) {
	code, err := p.count()
	if err != nil {
		return nil, err
	}
	if code > 5 {
		return nil, p.expected(p.toks[p.next-1].col, messages[wantReturnCode], p.toks[p.next-1].shown())
	}
	var session *bool
	if err := p.options(map[string]optionSpec{"session": optionalFlag("session", &session)}); err != nil {
		return nil, err
	}
	return func(r *runner) (bool, trace.Text) {
		ca, ok := lastPacket(r, name, codec.CONNACK).(*codec.Connack)
		if !ok {
			return false, sayWhy(whyNoneReceived, name, "CONNACK")
		}
		if int(ca.ReturnCode) != code || (session != nil && *session != ca.SessionPresent) {
			return false, sayWhy(whyConnack, name, ca.ReturnCode, trace.Flag(ca.SessionPresent))
		}
		return true, trace.Text{}
	}, nil
}

// expectSuback reads `suback CODE...` (0, 1, 2 or 0x80): the return codes
// of the last SUBACK the client received.
func expectSuback(p *lineParser, name string) (func(r *runner) (bool, trace.Text), error) {
	var want []string
	for len(want) == 0 || p.more() {
		t, err := p.word("0", "1", "2", "0x80")
		if err != nil {
			return nil, err
		}
		want = append(want, t.raw)
	}
	return func(r *runner) (bool, trace.Text) {
		sa, ok := lastPacket(r, name, codec.SUBACK).(*codec.Suback)
		if !ok {
			return false, sayWhy(whyNoneReceived, name, "SUBACK")
		}
		got := make([]string, len(sa.ReturnCodes))
		for i, rc := range sa.ReturnCodes {
			got[i] = strconv.Itoa(int(rc))
			if rc == codec.SubackFailure {
				got[i] = "0x80"
			}
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			return false, sayWhy(whySuback, name, strings.Join(got, " "))
		}
		return true, trace.Text{}
	}, nil
}

// describeInflight lists in-flight exchanges for a failed expectation,
// each direction and stage in its own language's name.
func describeInflight(in []trace.Inflight) trace.Text {
	if len(in) == 0 {
		return trace.Text{}
	}
	en, zh := make([]string, len(in)), make([]string, len(in))
	for i, f := range in {
		d, st := f.Direction.Text(), f.Stage.Text()
		en[i] = fmt.Sprintf("%s id=%d q%d %s", d.EN, f.PacketID, f.QoS, st.EN)
		zh[i] = fmt.Sprintf("%s id=%d q%d %s", d.ZH, f.PacketID, f.QoS, st.ZH)
	}
	return trace.Text{EN: ": " + strings.Join(en, "; "), ZH: "：" + strings.Join(zh, "；")}
}

package script

import (
	"strconv"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim"
)

// packetTypes maps the packet type names a drop rule may use to types;
// "packet" means any type.
var packetTypes = func() map[string]codec.PacketType {
	m := map[string]codec.PacketType{"packet": 0}
	for t := codec.CONNECT; t <= codec.DISCONNECT; t++ {
		m[t.String()] = t
	}
	return m
}()

// parseDrop reads `drop next TYPE to|from CLIENT [id=N]` (one packet, once)
// and `drop N% on CLIENT` (every packet with that probability; 0% stops).
// "to" is the direction broker → client, "from" client → broker.
func parseDrop(p *lineParser) error {
	first, err := p.take(messages[wantDropWhat])
	if err != nil {
		return err
	}
	if first.raw != "next" {
		return parseDropRate(p, first)
	}
	name, m, err := parseMatch(p)
	if err != nil {
		return err
	}
	p.action(func(t Target) error { return t.DropNext(name, m) })
	return nil
}

// parseMatch reads `TYPE to|from CLIENT [id=N]`, the packet a drop,
// duplicate or resend rule picks, after its `next`. "to" is the direction
// broker → client, "from" client → broker.
func parseMatch(p *lineParser) (string, sim.DropMatch, error) {
	var m sim.DropMatch
	t, err := p.take(messages[wantPacketType])
	if err != nil {
		return "", m, err
	}
	typ, ok := packetTypes[t.raw]
	if !ok || t.quoted {
		return "", m, p.expected(t.col, messages[wantPacketType], t.shown())
	}
	dir, err := p.word("to", "from")
	if err != nil {
		return "", m, err
	}
	c, err := p.client()
	if err != nil {
		return "", m, err
	}
	m = sim.DropMatch{Type: typ, Dir: sim.Down}
	if dir.raw == "from" {
		m.Dir = sim.Up
	}
	if err := p.options(map[string]optionSpec{
		"id": uint16Option(say(wantPacketID, "id"), 1, &m.PacketID),
	}); err != nil {
		return "", m, err
	}
	return c.raw, m, nil
}

// parseDropRate reads the rest of `drop N% on CLIENT`.
func parseDropRate(p *lineParser, pct token) error {
	n, err := strconv.ParseFloat(strings.TrimSuffix(pct.raw, "%"), 64)
	if !strings.HasSuffix(pct.raw, "%") || err != nil || n < 0 || n > 100 {
		return p.expected(pct.col, messages[wantDropWhat], pct.shown())
	}
	if _, err := p.word("on"); err != nil {
		return err
	}
	c, err := p.client()
	if err != nil {
		return err
	}
	if err := p.end(); err != nil {
		return err
	}
	name := c.raw
	p.brokerAction(messages[insideDropRate], func(w BrokerTarget) error { return w.DropRate(name, n/100) })
	return nil
}

// parseLatency reads `latency CLIENT DURATION` (both directions) or
// `latency CLIENT up=DURATION down=DURATION`.
func parseLatency(p *lineParser) error {
	c, err := p.client()
	if err != nil {
		return err
	}
	if !p.more() {
		return p.expectedEnd(messages[wantDurationOrUpDown])
	}
	var up, down int64
	if _, _, ok := p.peek().option(); ok {
		up, down = -1, -1
		if err := p.options(map[string]optionSpec{
			"up":   durationOption("up", &up),
			"down": durationOption("down", &down),
		}); err != nil {
			return err
		}
		if up < 0 || down < 0 {
			return p.fail(p.endCol, msgBothUpDown)
		}
	} else {
		t := p.peek()
		ms, ok := parseDuration(t.raw)
		if !ok {
			return p.expected(t.col, messages[wantDurationOrUpDown], t.shown())
		}
		p.next++
		up, down = ms, ms
		if err := p.end(); err != nil {
			return err
		}
	}
	name := c.raw
	p.brokerAction(messages[insideLatency], func(w BrokerTarget) error { return w.SetLatency(name, up, down) })
	return nil
}

// waitStmt lets virtual time pass: timers fire (keepalive, resend, ping).
type waitStmt struct{ ms int64 }

func (s *waitStmt) run(r *runner) error {
	r.pass(s.ms)
	return nil
}

// parseWait reads `wait DURATION`, such as `wait 90s`.
func parseWait(p *lineParser) error {
	t, err := p.take(messages[wantDuration])
	if err != nil {
		return err
	}
	ms, ok := parseDuration(t.raw)
	if !ok || ms == 0 {
		return p.expected(t.col, messages[wantDuration], t.shown())
	}
	p.sc.add(&waitStmt{ms: ms})
	return p.end()
}

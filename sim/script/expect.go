package script

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// expectStmt is an expectation: a check made at its place in the run,
// recorded in Trace.Expectations.
type expectStmt struct {
	line, col int
	text      string
	// check reports whether the expectation holds and, when it does not,
	// what was found instead.
	check func(r *runner) (ok bool, why trace.Text)
	// sight is what of it a run against a real broker can see.
	sight sight
}

// sight is what of an expectation a run against a real broker can see.
type sight uint8

const (
	// seen: it reads the clients only.
	seen sight = iota
	// inside: it reads the broker's insides, never checked on a real
	// broker.
	inside
	// partly: it holds when a client's note shows it; else not observable.
	partly
)

func (s *expectStmt) run(r *runner) error {
	_, simulated := r.t.(BrokerTarget)
	e := trace.Expectation{Line: s.line, Col: s.col, Text: s.text}
	if !simulated && s.sight == inside {
		e.Unobservable, e.Why = true, ptr(messages[whyUnobservable])
		r.results = append(r.results, e)
		return nil
	}
	ok, why := s.check(r)
	e.OK = ok
	switch {
	case !ok && !simulated && s.sight == partly:
		e.Unobservable, e.Why = true, ptr(messages[whyUnobservableRule])
	case !ok:
		e.Why = &why
	}
	r.results = append(r.results, e)
	return nil
}

// ptr is a pointer to a copy of t.
func ptr(t trace.Text) *trace.Text { return &t }

// parseExpect reads an expect line; see docs/lessons.md for every form.
func parseExpect(p *lineParser) error {
	first, err := p.take(messages[wantExpectSubject])
	if err != nil {
		return err
	}
	var check func(r *runner) (bool, trace.Text)
	switch {
	case first.raw == "no":
		check, err = parseExpectNo(p)
	case first.raw == "retained":
		check, err = parseExpectRetained(p)
	case first.raw == trace.BrokerName:
		check, err = parseExpectSession(p)
	case first.raw == "rule":
		check, err = parseExpectRule(p)
	default:
		p.next--
		check, err = parseExpectClient(p)
	}
	if err != nil {
		return err
	}
	sight := seen
	switch {
	case first.raw == "retained" || first.raw == trace.BrokerName:
		sight = inside
	case first.raw == "no" && p.toks[2].raw == "retained":
		sight = inside
	case first.raw == "rule":
		sight = partly
	}
	p.sc.add(&expectStmt{line: p.line, col: p.toks[0].col, text: p.text, check: check, sight: sight})
	return nil
}

// parseExpectNo reads `no delivery to CLIENT` and `no retained TOPIC`.
func parseExpectNo(p *lineParser) (func(r *runner) (bool, trace.Text), error) {
	what, err := p.word("delivery", "retained")
	if err != nil {
		return nil, err
	}
	if what.raw == "retained" {
		topic, err := p.topic()
		if err != nil {
			return nil, err
		}
		return func(r *runner) (bool, trace.Text) {
			if m := r.broker().Retained(topic.text); m != nil {
				return false, sayWhy(whyRetains, m.String())
			}
			return true, trace.Text{}
		}, p.end()
	}
	if _, err := p.word("to"); err != nil {
		return nil, err
	}
	c, err := p.client()
	if err != nil {
		return nil, err
	}
	name := c.raw
	return func(r *runner) (bool, trace.Text) {
		got := r.t.Received(name)[r.seen[name]:]
		r.seen[name] += len(got)
		if len(got) > 0 {
			return false, sayWhy(whyReceived, name, describeDeliveries(got))
		}
		return true, trace.Text{}
	}, p.end()
}

// messageMatch is what a receives or retained expectation asks of a
// message; nil fields match anything.
type messageMatch struct {
	topic   string
	payload *string
	qos     *codec.QoS
	retain  *bool
	dup     *bool
	id      *uint16
}

// parseMessageMatch reads TOPIC [PAYLOAD] and the options allowed in keys.
func (p *lineParser) parseMessageMatch(keys ...string) (*messageMatch, error) {
	topic, err := p.topic()
	if err != nil {
		return nil, err
	}
	m := &messageMatch{topic: topic.text}
	if p.more() {
		if _, _, isOpt := p.peek().option(); !isOpt || !isOptionName(p.peek()) {
			s := p.peek().text
			m.payload = &s
			p.next++
		}
	}
	specs := map[string]optionSpec{}
	for _, k := range keys {
		switch k {
		case "qos":
			specs[k] = optionSpec{same("qos=0|1|2"), func(v string) bool {
				q, ok := parseQoS(v)
				m.qos = &q
				return ok
			}}
		case "retain":
			specs[k] = optionalFlag(k, &m.retain)
		case "dup":
			specs[k] = optionalFlag(k, &m.dup)
		case "id":
			specs[k] = optionSpec{same("id=1-65535"), func(v string) bool {
				n, err := strconv.Atoi(v)
				id := uint16(n)
				m.id = &id
				return err == nil && n >= 1 && n <= 65535
			}}
		}
	}
	return m, p.options(specs)
}

// matches reports whether a message has what m asks for.
func (m *messageMatch) matches(topic string, payload []byte, qos codec.QoS, retain, dup bool, id uint16) bool {
	return topic == m.topic &&
		(m.payload == nil || *m.payload == string(payload)) &&
		(m.qos == nil || *m.qos == qos) &&
		(m.retain == nil || *m.retain == retain) &&
		(m.dup == nil || *m.dup == dup) &&
		(m.id == nil || *m.id == id)
}

// parseExpectRetained reads `retained TOPIC [PAYLOAD] [qos=N]`.
func parseExpectRetained(p *lineParser) (func(r *runner) (bool, trace.Text), error) {
	m, err := p.parseMessageMatch("qos")
	if err != nil {
		return nil, err
	}
	return func(r *runner) (bool, trace.Text) {
		got := r.broker().Retained(m.topic)
		if got == nil {
			return false, sayWhy(whyRetainsNothing, m.topic)
		}
		if !m.matches(got.Topic, []byte(got.Payload), codec.QoS(got.QoS), true, false, 0) {
			return false, sayWhy(whyRetains, got.String())
		}
		return true, trace.Text{}
	}, nil
}

// parseExpectRule reads `rule RULE`: some note of the run so far names the
// rule, such as MQTT-3.1.0-2 for a second CONNECT.
func parseExpectRule(p *lineParser) (func(r *runner) (bool, trace.Text), error) {
	t, err := p.take(messages[wantRuleID])
	if err != nil {
		return nil, err
	}
	if err := p.end(); err != nil {
		return nil, err
	}
	return func(r *runner) (bool, trace.Text) {
		var rules []string
		for _, s := range r.t.Trace().Steps {
			for _, n := range s.Notes {
				if n.Rule == t.text {
					return true, trace.Text{}
				}
				if n.Rule != "" && !slices.Contains(rules, n.Rule) {
					rules = append(rules, n.Rule)
				}
			}
		}
		if len(rules) == 0 {
			return false, sayWhy(whyNoRule)
		}
		return false, sayWhy(whyRules, strings.Join(rules, ", "))
	}, nil
}

// describeDeliveries lists deliveries for a failed expectation.
func describeDeliveries(ds []sim.Delivery) string {
	parts := make([]string, len(ds))
	for i, d := range ds {
		parts[i] = fmt.Sprintf("%s %q qos=%d retain=%s dup=%s", d.Topic, d.Payload, d.QoS, trace.Flag(d.Retain), trace.Flag(d.Dup))
		if d.PacketID != 0 {
			parts[i] += " id=" + strconv.Itoa(int(d.PacketID))
		}
	}
	return strings.Join(parts, "; ")
}

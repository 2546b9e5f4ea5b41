package script

import (
	"encoding/hex"
	"errors"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// settleLimit bounds how long, in virtual milliseconds, the network may
// keep busy after an action before the next line runs.
const settleLimit = 60_000

// actionStmt is a line that makes something happen; after it the world
// runs until the network is quiet (at most settleLimit), so each line's
// packets have arrived before the next line.
type actionStmt struct {
	do func(t Target) error
	// inside names what the line needs of the broker's insides, empty
	// when a real broker can do it too: a live run refuses the line.
	inside trace.Text
}

func (s *actionStmt) run(r *runner) error {
	if err := s.do(r.t); err != nil {
		return err
	}
	r.settle()
	return nil
}

// action appends an action statement.
func (p *lineParser) action(do func(t Target) error) {
	p.sc.add(&actionStmt{do: do})
}

// brokerAction appends an action that needs the simulated broker's
// insides, which inside names for the refusal of a live run.
func (p *lineParser) brokerAction(inside trace.Text, do func(b BrokerTarget) error) {
	p.sc.add(&actionStmt{inside: inside, do: func(t Target) error {
		b, ok := t.(BrokerTarget)
		if !ok {
			return &sim.ActionError{Text: inside}
		}
		return do(b)
	}})
}

// parseConnect reads `connect CLIENT [option...]`; the options (those of the
// client line) change the client's options from then on.
func parseConnect(p *lineParser) error {
	c, err := p.client()
	if err != nil {
		return err
	}
	o := p.sc.clients[c.raw]
	if err := p.options(clientOptionSpecs(o)); err != nil {
		return err
	}
	name, opts := c.raw, *o
	p.action(func(t Target) error {
		if err := t.SetClientOptions(name, opts); err != nil {
			return err
		}
		return t.Connect(name)
	})
	return nil
}

// parseClientVerb reads `KEYWORD CLIENT`, the lines that name one client
// and nothing else (open, disconnect, abort, ping; cut, silence,
// restore), and runs do on that client.
func parseClientVerb(do func(Target, string) error) func(p *lineParser) error {
	return func(p *lineParser) error {
		c, err := p.client()
		if err != nil {
			return err
		}
		if err := p.end(); err != nil {
			return err
		}
		name := c.raw
		p.action(func(t Target) error { return do(t, name) })
		return nil
	}
}

// filter takes the next token as a topic filter.
func (p *lineParser) filter() (token, error) {
	t, err := p.positional(messages[wantTopicFilterHash])
	if err != nil {
		return t, err
	}
	if e := codec.ValidateTopicFilter(t.text); e != nil {
		return t, p.badTopic(t, messages[wantTopicFilter], e)
	}
	return t, nil
}

// topic takes the next token as a topic name.
func (p *lineParser) topic() (token, error) {
	t, err := p.positional(messages[wantTopicName])
	if err != nil {
		return t, err
	}
	if e := codec.ValidateTopicName(t.text); e != nil {
		return t, p.badTopic(t, messages[wantTopicName], e)
	}
	return t, nil
}

// parseSubscribe reads `subscribe CLIENT FILTER [qos=N] [FILTER [qos=N]]...`:
// one SUBSCRIBE with every filter; qos defaults to 0.
func parseSubscribe(p *lineParser) error {
	c, err := p.client()
	if err != nil {
		return err
	}
	var subs []codec.Subscription
	for len(subs) == 0 || p.more() {
		f, err := p.filter()
		if err != nil {
			return err
		}
		s := codec.Subscription{Filter: f.text}
		if p.more() {
			if k, _, ok := p.peek().option(); ok && k == "qos" {
				t := p.peek()
				_, v, _ := t.option()
				q, ok := parseQoS(v)
				if !ok {
					return p.expected(t.col, same("qos=0|1|2"), t.shown())
				}
				s.QoS = q
				p.next++
			}
		}
		subs = append(subs, s)
	}
	name := c.raw
	p.action(func(t Target) error { return t.Subscribe(name, subs...) })
	return nil
}

// parseUnsubscribe reads `unsubscribe CLIENT FILTER...`: one UNSUBSCRIBE.
func parseUnsubscribe(p *lineParser) error {
	c, err := p.client()
	if err != nil {
		return err
	}
	var filters []string
	for len(filters) == 0 || p.more() {
		f, err := p.filter()
		if err != nil {
			return err
		}
		filters = append(filters, f.text)
	}
	name := c.raw
	p.action(func(t Target) error { return t.Unsubscribe(name, filters...) })
	return nil
}

// parsePublish reads `publish CLIENT TOPIC PAYLOAD [qos=N] [retain=0|1]
// [repeat=N]`; repeat makes the payload N copies of PAYLOAD, for long
// messages.
func parsePublish(p *lineParser) error {
	c, err := p.client()
	if err != nil {
		return err
	}
	topic, err := p.topic()
	if err != nil {
		return err
	}
	payload, err := p.positional(messages[wantPayload])
	if err != nil {
		return err
	}
	var qos codec.QoS
	var retain bool
	repeat := uint16(1)
	if err := p.options(map[string]optionSpec{
		"qos":    qosOption(&qos),
		"retain": flagOption("retain", &retain),
		"repeat": uint16Option(say(wantCount, "repeat", 1, 65535), 1, &repeat),
	}); err != nil {
		return err
	}
	name, body := c.raw, []byte(strings.Repeat(payload.text, int(repeat)))
	p.action(func(t Target) error { return t.Publish(name, topic.text, body, qos, retain) })
	return nil
}

// parseRaw reads `raw CLIENT HEX...`: bytes the client writes as they are,
// such as the seed's malformed PUBLISH `30 0b 00 04 31 31 31 31 39 39 39`;
// and `raw broker CLIENT HEX...`: bytes the broker writes to the client.
func parseRaw(p *lineParser) error {
	fromBroker := p.more() && p.peek().raw == trace.BrokerName && !p.peek().quoted
	if fromBroker {
		p.next++
	}
	c, err := p.client()
	if err != nil {
		return err
	}
	var b []byte
	for len(b) == 0 || p.more() {
		t, err := p.take(messages[wantHex])
		if err != nil {
			return err
		}
		h, err := hex.DecodeString(t.raw)
		if err != nil || t.quoted {
			return p.expected(t.col, messages[wantHex], t.shown())
		}
		b = append(b, h...)
	}
	name := c.raw
	if fromBroker {
		p.brokerAction(messages[insideRawBroker], func(w BrokerTarget) error { return w.BrokerSendRaw(name, b) })
		return nil
	}
	p.action(func(t Target) error { return t.SendRaw(name, b) })
	return nil
}

// ackTypes are the packet types a client can hold back; brokerAckTypes
// those the broker can.
var (
	ackTypes = map[string]codec.PacketType{
		"PUBACK": codec.PUBACK, "PUBREC": codec.PUBREC, "PUBREL": codec.PUBREL, "PUBCOMP": codec.PUBCOMP,
	}
	brokerAckTypes = map[string]codec.PacketType{
		"PUBACK": codec.PUBACK, "PUBREC": codec.PUBREC, "PUBREL": codec.PUBREL, "PUBCOMP": codec.PUBCOMP,
		"SUBACK": codec.SUBACK, "UNSUBACK": codec.UNSUBACK,
	}
)

// parseHold reads `hold CLIENT TYPE...` and `release CLIENT TYPE...`: the
// client withholds (or sends what it withheld of) PUBACK, PUBREC, PUBREL,
// PUBCOMP; and `hold broker CLIENT TYPE...`, `release broker CLIENT
// TYPE...`: the simulated broker does so with its PUBACK, PUBREC, PUBREL,
// PUBCOMP, SUBACK, UNSUBACK to the client.
func parseHold(hold bool) func(p *lineParser) error {
	return func(p *lineParser) error {
		byBroker := p.more() && p.peek().raw == trace.BrokerName && !p.peek().quoted
		if byBroker {
			p.next++
		}
		c, err := p.client()
		if err != nil {
			return err
		}
		names, words := ackTypes, []string{"PUBACK", "PUBREC", "PUBREL", "PUBCOMP"}
		if byBroker {
			names, words = brokerAckTypes, append(words, "SUBACK", "UNSUBACK")
		}
		var types []codec.PacketType
		for len(types) == 0 || p.more() {
			t, err := p.word(words...)
			if err != nil {
				return err
			}
			types = append(types, names[t.raw])
		}
		name := c.raw
		if byBroker {
			p.brokerAction(messages[insideHoldBroker], func(b BrokerTarget) error {
				if hold {
					return b.BrokerHold(name, types...)
				}
				return b.BrokerRelease(name, types...)
			})
			return nil
		}
		p.action(func(t Target) error {
			if hold {
				return t.Hold(name, types...)
			}
			return t.Release(name, types...)
		})
		return nil
	}
}

// badTopic is the error for a topic name or filter that breaks a rule of
// MQTT 4.7, in one sentence naming the rule: "a/+ cannot be a topic name:
// … (MQTT-4.7.1-1)".
func (p *lineParser) badTopic(t token, what trace.Text, err error) error {
	var ce *codec.Error
	if !errors.As(err, &ce) {
		return p.expected(t.col, what, t.shown())
	}
	why := trace.Text{EN: sentence(ce.Message.EN), ZH: strings.TrimSuffix(ce.Message.ZH, "。")}
	return p.fail(t.col, msgBadTopic, t.shown(), what, why, ce.Rule)
}

// sentence lowers a sentence's first letter and drops its full stop, to
// go after a colon.
func sentence(s string) string {
	s = strings.TrimSuffix(s, ".")
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' && !(len(s) > 1 && s[1] >= 'A' && s[1] <= 'Z') {
		s = string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

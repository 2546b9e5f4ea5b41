package script

import (
	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// clientOptionSpecs are the options of the client and connect lines; they
// change the client's options from then on.
func clientOptionSpecs(o *sim.ClientOptions) map[string]optionSpec {
	return map[string]optionSpec{
		"id": {same("id=clientid"), func(v string) bool {
			o.ClientID = v
			return true
		}},
		"clean":     flagOption("clean", &o.CleanSession),
		"keepalive": uint16Option(say(wantSeconds, "keepalive"), 0, &o.KeepAlive),
		"user":      stringOption(&o.Username),
		"pass":      stringOption(&o.Password),
		"retry":     durationOption("retry", &o.RetryInterval),
		"level": {same("level=3|4"), func(v string) bool {
			o.ProtocolLevel = map[string]byte{"3": 3, "4": 4}[v]
			return o.ProtocolLevel != 0
		}},
	}
}

// DefaultKeepAlive is the keepalive, in seconds, of a client whose line
// does not set one: the usual default of client libraries.
const DefaultKeepAlive = 60

// clientStmt adds a client to the world.
type clientStmt struct {
	name string
	opts sim.ClientOptions
}

func (s *clientStmt) run(r *runner) error {
	return r.t.AddClient(s.name, s.opts)
}

// parseClient reads `client NAME option...`. Defaults: client id NAME,
// clean session 1, keepalive 60 s.
func parseClient(p *lineParser) error {
	if p.sc.repeat != nil {
		return p.fail(p.toks[0].col, msgRepeatClient, p.sc.repeat.line)
	}
	t, err := p.take(say(wantClientName, trace.Text{}))
	if err != nil {
		return err
	}
	if !validName(t.raw) || t.quoted {
		return p.expected(t.col, messages[wantClientNameChars], t.shown())
	}
	if reservedNames[t.raw] {
		return p.expected(t.col, say(wantClientNameNotWord, t.raw), t.raw)
	}
	if _, dup := p.sc.clients[t.raw]; dup {
		return p.fail(t.col, msgDeclaredBefore, t.raw)
	}
	o := sim.ClientOptions{ClientID: t.raw, CleanSession: true, KeepAlive: DefaultKeepAlive}
	if err := p.options(clientOptionSpecs(&o)); err != nil {
		return err
	}
	p.sc.clients[t.raw] = &o
	p.sc.Clients = append(p.sc.Clients, t.raw)
	p.sc.add(&clientStmt{name: t.raw, opts: o})
	return nil
}

// reservedNames cannot name a client: they start expectations.
var reservedNames = map[string]bool{trace.BrokerName: true, "no": true, "retained": true, "rule": true}

// validName reports whether s can name a client: a letter, then letters,
// digits, '-' or '_'.
func validName(s string) bool {
	for i, c := range s {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '-' || c == '_')) {
			return false
		}
	}
	return s != ""
}

// optionsStmt gives a client new options for its next CONNECT: a will
// line. The parser keeps each client's options as they stand at each line,
// so the statement carries them whole.
type optionsStmt struct {
	name string
	opts sim.ClientOptions
}

func (s *optionsStmt) run(r *runner) error {
	return r.t.SetClientOptions(s.name, s.opts)
}

// parseWill reads `will CLIENT TOPIC PAYLOAD [qos=N] [retain=0|1]` or
// `will CLIENT none`.
func parseWill(p *lineParser) error {
	c, err := p.client()
	if err != nil {
		return err
	}
	o := p.sc.clients[c.raw]
	if p.more() && p.peek().raw == "none" {
		p.next++
		o.Will = nil
		p.sc.add(&optionsStmt{name: c.raw, opts: *o})
		return p.end()
	}
	topic, err := p.positional(messages[wantWillTopic])
	if err != nil {
		return err
	}
	if e := codec.ValidateTopicName(topic.text); e != nil {
		return p.badTopic(topic, messages[wantTopicName], e)
	}
	payload, err := p.positional(messages[wantWillMessage])
	if err != nil {
		return err
	}
	w := &codec.Will{Topic: topic.text, Message: []byte(payload.text)}
	if err := p.options(map[string]optionSpec{
		"qos":    qosOption(&w.QoS),
		"retain": flagOption("retain", &w.Retain),
	}); err != nil {
		return err
	}
	o.Will = w
	p.sc.add(&optionsStmt{name: c.raw, opts: *o})
	return nil
}

package sim

import (
	"strings"

	"mqttviz/codec"
)

// textLine splits the rest of a title, describe or note line, "en: text"
// or "zh: text", into the language and the text.
func (p *lineParser) textLine() (lang, text string, err error) {
	rest := p.text
	col := p.endCol + 1 + len([]rune(rest)) - len([]rune(strings.TrimLeft(rest, " \t")))
	rest = strings.TrimSpace(rest)
	lang, text, ok := strings.Cut(rest, ":")
	if !ok || (lang != "en" && lang != "zh") {
		found := rest
		if found == "" {
			found = "end of line"
		}
		return "", "", p.errorf(col, "expected en: or zh: and the text, found %s", found)
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return "", "", p.errorf(col+3, "expected the text after %s:, found end of line", lang)
	}
	return lang, text, nil
}

// setText stores text in t's language lang, joining repeated lines of the
// same language (English with a space, Chinese without).
func setText(t *Text, lang, text string) {
	switch {
	case lang == "en" && t.EN == "":
		t.EN = text
	case lang == "en":
		t.EN += " " + text
	case t.ZH == "":
		t.ZH = text
	default:
		t.ZH += text
	}
}

// parseTitle reads `title en: …` / `title zh: …`.
func parseTitle(p *lineParser) error {
	lang, text, err := p.textLine()
	if err != nil {
		return err
	}
	if (lang == "en" && p.sc.Title.EN != "") || (lang == "zh" && p.sc.Title.ZH != "") {
		return p.errorf(1, "expected one title %s: line, found a second", lang)
	}
	setText(&p.sc.Title, lang, text)
	return nil
}

// parseDescribe reads `describe en: …` / `describe zh: …`; several lines
// make one paragraph.
func parseDescribe(p *lineParser) error {
	lang, text, err := p.textLine()
	if err != nil {
		return err
	}
	setText(&p.sc.Description, lang, text)
	return nil
}

// noteStmt is the scenario's own narration at this point of the run.
type noteStmt struct{ text Text }

func (s *noteStmt) run(r *runner) error {
	r.w.Note(s.text)
	return nil
}

// parseNote reads `note en: …` / `note zh: …`. Note lines that follow each
// other make one note, as describe lines make one description.
func parseNote(p *lineParser) error {
	lang, text, err := p.textLine()
	if err != nil {
		return err
	}
	p.sc.started = true
	if n := len(p.sc.stmts); n > 0 {
		if prev, ok := p.sc.stmts[n-1].(*noteStmt); ok {
			setText(&prev.text, lang, text)
			return nil
		}
	}
	n := &noteStmt{}
	setText(&n.text, lang, text)
	p.sc.add(n)
	return nil
}

// parseBroker reads `broker option...`: the broker's choices and the
// links' latency, before any other statement.
func parseBroker(p *lineParser) error {
	if p.sc.started {
		return p.errorf(1, "expected the broker line before the first client or action, found it after")
	}
	o := &p.sc.options
	b := &o.Broker
	return p.options(map[string]optionSpec{
		"users": {"users=name:password,name:password", func(v string) bool {
			b.Users = map[string]string{}
			for _, pair := range strings.Split(v, ",") {
				name, pass, ok := strings.Cut(pair, ":")
				if !ok || name == "" {
					return false
				}
				b.Users[name] = pass
			}
			return true
		}},
		"anonymous": flagOption("anonymous", &b.AllowAnonymous),
		"maxqos": {"maxqos=0|1|2", func(v string) bool {
			q, ok := parseQoS(v)
			b.MaxQoS, b.LimitQoS = q, true
			return ok
		}},
		"qos2": {"qos2=onpublish|onpubrel", func(v string) bool {
			b.ForwardOnPubrel = v == "onpubrel"
			return v == "onpubrel" || v == "onpublish"
		}},
		"retry":       durationOption("retry", &b.RetryInterval),
		"queueqos0":   flagOption("queueqos0", &b.QueueQoS0),
		"strictid":    flagOption("strictid", &b.StrictClientID),
		"unavailable": flagOption("unavailable", &b.Unavailable),
		"deny": {"deny=filter,filter", func(v string) bool {
			b.Deny = strings.Split(v, ",")
			for _, f := range b.Deny {
				if codec.ValidateTopicFilter(f) != nil {
					return false
				}
			}
			return true
		}},
		"notauthorized": {"notauthorized=clientid,clientid", func(v string) bool {
			b.NotAuthorized = strings.Split(v, ",")
			return v != ""
		}},
		"latency": {"latency= a duration such as 10ms", func(v string) bool {
			ms, ok := parseDuration(v)
			o.Latency = ms
			return ok && ms > 0
		}},
	})
}

// clientOptionSpecs are the options of the client and connect lines; they
// change the client's options from then on.
func clientOptionSpecs(o *ClientOptions) map[string]optionSpec {
	return map[string]optionSpec{
		"id": {"id=clientid", func(v string) bool {
			o.ClientID = v
			return true
		}},
		"clean":     flagOption("clean", &o.CleanSession),
		"keepalive": uint16Option("keepalive", "seconds 0-65535", 0, &o.KeepAlive),
		"user":      stringOption(&o.Username),
		"pass":      stringOption(&o.Password),
		"retry":     durationOption("retry", &o.RetryInterval),
		"level": {"level=3|4", func(v string) bool {
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
	opts ClientOptions
}

func (s *clientStmt) run(r *runner) error {
	return r.w.AddClient(s.name, s.opts)
}

// parseClient reads `client NAME option...`. Defaults: client id NAME,
// clean session 1, keepalive 60 s.
func parseClient(p *lineParser) error {
	t, err := p.take("a client name")
	if err != nil {
		return err
	}
	if !validName(t.raw) || t.quoted {
		return p.errorf(t.col, "expected a client name (a letter, then letters, digits, - or _), found %s", t.shown())
	}
	if reservedNames[t.raw] {
		return p.errorf(t.col, "expected a client name other than %s (a word of the language), found %s", t.raw, t.raw)
	}
	if _, dup := p.sc.clients[t.raw]; dup {
		return p.errorf(t.col, "expected a new client name, found %s (declared before)", t.raw)
	}
	o := ClientOptions{ClientID: t.raw, CleanSession: true, KeepAlive: DefaultKeepAlive}
	if err := p.options(clientOptionSpecs(&o)); err != nil {
		return err
	}
	p.sc.clients[t.raw] = &o
	p.sc.Clients = append(p.sc.Clients, t.raw)
	p.sc.add(&clientStmt{name: t.raw, opts: o})
	return nil
}

// reservedNames cannot name a client: they start expectations.
var reservedNames = map[string]bool{BrokerName: true, "no": true, "retained": true, "rule": true}

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
	opts ClientOptions
}

func (s *optionsStmt) run(r *runner) error {
	return r.w.SetClientOptions(s.name, s.opts)
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
	topic, err := p.positional("the will topic, or none")
	if err != nil {
		return err
	}
	if e := codec.ValidateTopicName(topic.text); e != nil {
		return p.errorf(topic.col, "expected a topic name, found %s: %v", topic.shown(), e)
	}
	payload, err := p.positional("the will message, such as \"offline\"")
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

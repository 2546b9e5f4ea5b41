package script

// The network carrying a packet twice, and a sender sending again:
// `duplicate next TYPE to|from CLIENT [id=N]` (the same bytes twice),
// `resend next TYPE to|from CLIENT [id=N]` (the sender sends it again at
// once, DUP 1 on a PUBLISH) and `resend CLIENT` (the client sends every
// unanswered PUBLISH and PUBREL again now). They teach different things:
// a duplicate has DUP 0 and cannot be told from a new message; a resend
// says DUP 1.

// parseDuplicate reads `duplicate next TYPE to|from CLIENT [id=N]`.
func parseDuplicate(p *lineParser) error {
	if _, err := p.word("next"); err != nil {
		return err
	}
	name, m, err := parseMatch(p)
	if err != nil {
		return err
	}
	p.brokerAction(messages[insideCopy], func(b BrokerTarget) error {
		return b.DuplicateNext(name, m)
	})
	return nil
}

// parseResend reads `resend next TYPE to|from CLIENT [id=N]` and
// `resend CLIENT`.
func parseResend(p *lineParser) error {
	if p.more() && p.peek().raw == "next" && !p.peek().quoted {
		p.next++
		name, m, err := parseMatch(p)
		if err != nil {
			return err
		}
		p.brokerAction(messages[insideCopy], func(b BrokerTarget) error {
			return b.ResendNext(name, m)
		})
		return nil
	}
	c, err := p.client()
	if err != nil {
		return err
	}
	if err := p.end(); err != nil {
		return err
	}
	name := c.raw
	p.brokerAction(messages[insideResend], func(b BrokerTarget) error { return b.Resend(name) })
	return nil
}

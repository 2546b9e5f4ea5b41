package script

import (
	"fmt"
	"strings"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// parseExpectSession reads the expectations about the broker's session of
// a client, named by a client of the scenario (its client id at this line)
// or by a client id:
//
//	broker session NAME present | absent | connected | disconnected
//	broker session NAME inflight N | queued N
//	broker session NAME subscribed FILTER [qos=N]
//
// and, about the broker's end of a client's current connection,
//
//	broker closed CLIENT
//	broker got [no] TYPE from CLIENT [id=N] | broker sent [no] TYPE to CLIENT [id=N]
func parseExpectSession(p *lineParser) (func(r *runner) (bool, trace.Text), error) {
	w, err := p.word("session", "closed", "got", "sent")
	if err != nil {
		return nil, err
	}
	if w.raw == "got" || w.raw == "sent" {
		return expectBrokerPacket(p, w.raw == "sent")
	}
	if w.raw == "closed" {
		c, err := p.client()
		if err != nil {
			return nil, err
		}
		return expectClosed(c.raw, true), p.end()
	}
	t, err := p.take(messages[wantIDOrName])
	if err != nil {
		return nil, err
	}
	id := t.text
	if o, ok := p.sc.clients[t.raw]; ok && !t.quoted {
		id = o.ClientID
	}
	what, err := p.word("present", "absent", "connected", "disconnected", "inflight", "queued", "subscribed")
	if err != nil {
		return nil, err
	}
	switch what.raw {
	case "present", "absent", "connected", "disconnected":
		want := what.raw
		return func(r *runner) (bool, trace.Text) {
			got := sessionCondition(r.broker().BrokerSession(id))
			if want == "present" && got != "absent" || got == want {
				return true, trace.Text{}
			}
			return false, sayWhy(whySession, id, sessionConditions[got])
		}, p.end()
	case "inflight", "queued":
		n, err := p.count()
		if err != nil {
			return nil, err
		}
		queued := what.raw == "queued"
		return func(r *runner) (bool, trace.Text) {
			s := r.broker().BrokerSession(id)
			if s == nil {
				return false, sayWhy(whyNoSession, id)
			}
			if queued && len(s.Queued) != n {
				return false, sayWhy(whySessionQueued, id, len(s.Queued), describeQueued(s.Queued))
			}
			if !queued && len(s.Inflight) != n {
				return false, sayWhy(whySessionInflight, id, len(s.Inflight), describeInflight(s.Inflight))
			}
			return true, trace.Text{}
		}, p.end()
	default:
		f, err := p.filter()
		if err != nil {
			return nil, err
		}
		var qos *codec.QoS
		if err := p.options(map[string]optionSpec{"qos": {same("qos=0|1|2"), func(v string) bool {
			q, ok := parseQoS(v)
			qos = &q
			return ok
		}}}); err != nil {
			return nil, err
		}
		return func(r *runner) (bool, trace.Text) {
			s := r.broker().BrokerSession(id)
			if s == nil {
				return false, sayWhy(whyNoSession, id)
			}
			var subs []string
			for _, sub := range s.Subscriptions {
				if sub.Filter == f.text && (qos == nil || codec.QoS(sub.QoS) == *qos) {
					return true, trace.Text{}
				}
				subs = append(subs, fmt.Sprintf("%s qos=%d", sub.Filter, sub.QoS))
			}
			if len(subs) == 0 {
				return false, sayWhy(whyNoSubscription, id)
			}
			return false, sayWhy(whySubscriptions, id, strings.Join(subs, ", "))
		}, nil
	}
}

// sessionCondition names a broker session's condition: absent, connected
// or disconnected.
func sessionCondition(s *trace.SessionState) string {
	switch {
	case s == nil:
		return "absent"
	case s.Connected:
		return "connected"
	}
	return "disconnected"
}

// describeQueued lists queued messages for a failed expectation.
func describeQueued(ms []trace.Message) string {
	if len(ms) == 0 {
		return ""
	}
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = m.String()
	}
	return ": " + strings.Join(parts, "; ")
}

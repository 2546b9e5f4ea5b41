package script

import (
	"strings"

	"mqttviz/codec"
	"mqttviz/sim"
	"mqttviz/sim/trace"
)

// parseRestart reads `restart broker [sessions=0|1] [retained=0|1]`: the
// broker stops and starts again; by default it keeps the sessions of
// clean-session-0 clients and the retained messages, as a broker that
// stores them on disk.
func parseRestart(p *lineParser) error {
	if _, err := p.word(trace.BrokerName); err != nil {
		return err
	}
	o := sim.RestartOptions{KeepSessions: true, KeepRetained: true}
	if err := p.options(map[string]optionSpec{
		"sessions": flagOption("sessions", &o.KeepSessions),
		"retained": flagOption("retained", &o.KeepRetained),
	}); err != nil {
		return err
	}
	p.brokerAction(messages[insideRestart], func(w BrokerTarget) error {
		w.RestartBroker(o)
		return nil
	})
	return nil
}

// parseBroker reads `broker option...`: the broker's choices and the
// links' latency, before any other statement.
func parseBroker(p *lineParser) error {
	if p.sc.started {
		return p.fail(1, msgBrokerFirst)
	}
	p.sc.brokerLines = append(p.sc.brokerLines, p.line)
	o := &p.sc.options
	b := &o.Broker
	return p.options(map[string]optionSpec{
		"users": {messages[wantUsers], func(v string) bool {
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
		"maxqos": {same("maxqos=0|1|2"), func(v string) bool {
			q, ok := parseQoS(v)
			b.MaxQoS, b.LimitQoS = q, true
			return ok
		}},
		"qos2": {same("qos2=onpublish|onpubrel"), func(v string) bool {
			b.ForwardOnPubrel = v == "onpubrel"
			return v == "onpubrel" || v == "onpublish"
		}},
		"retry":       durationOption("retry", &b.RetryInterval),
		"queueqos0":   flagOption("queueqos0", &b.QueueQoS0),
		"strictid":    flagOption("strictid", &b.StrictClientID),
		"unavailable": flagOption("unavailable", &b.Unavailable),
		"deny": {messages[wantFilterList], func(v string) bool {
			b.Deny = strings.Split(v, ",")
			for _, f := range b.Deny {
				if codec.ValidateTopicFilter(f) != nil {
					return false
				}
			}
			return true
		}},
		"notauthorized": {say(wantClientIDList, "notauthorized"), func(v string) bool {
			b.NotAuthorized = strings.Split(v, ",")
			return v != ""
		}},
		"latency": {say(wantDurationShort, "latency=", "10ms"), func(v string) bool {
			ms, ok := parseDuration(v)
			o.Latency = ms
			return ok && ms > 0
		}},
	})
}

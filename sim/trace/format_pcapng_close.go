package trace

import "strings"

// brokerClosed finds the connection whose broker end step i closes: a
// close step From the broker with no To does not name the client. Among
// the connections whose broker end is open it takes the only one; else
// the one of the client the step's notes name; else the one the broker's
// FIN later reaches (a close step From the broker To the client, sent at
// this step's time); else the one of the client of the nearest step
// before that involves one (the refused packet, the DISCONNECT, the
// client's own close, the timer whose notes name it).
func (p *pcapState) brokerClosed(i int) *tcpConn {
	var open []*tcpConn
	for _, c := range p.conns {
		if !c.fin[pcapBroker] {
			open = append(open, c)
		}
	}
	if len(open) <= 1 {
		if len(open) == 0 {
			return nil
		}
		return open[0]
	}
	s := &p.t.Steps[i]
	if c := pcapConnNamed(open, s); c != nil {
		return c
	}
	for j := i + 1; j < len(p.t.Steps); j++ {
		f := &p.t.Steps[j]
		if f.Kind == KindClose && f.From == BrokerName && f.To != "" && f.SentAt == s.Time {
			if c := pcapConnOf(open, f.To); c != nil {
				return c
			}
		}
	}
	for j := i - 1; j >= 0; j-- {
		b := &p.t.Steps[j]
		for _, name := range []string{b.From, b.To} {
			if c := pcapConnOf(open, name); c != nil {
				return c
			}
		}
		if c := pcapConnNamed(open, b); c != nil {
			return c
		}
	}
	return open[0]
}

// pcapConnOf is client's connection among open: the one whose client end
// already closed (the broker has not heard of it yet) first, else the
// newest.
func pcapConnOf(open []*tcpConn, client string) *tcpConn {
	var found *tcpConn
	for _, c := range open {
		if c.client != client {
			continue
		}
		if c.fin[pcapClient] {
			return c
		}
		found = c
	}
	return found
}

// pcapConnNamed is the connection among open of the first client whose
// name is a word of s's notes.
func pcapConnNamed(open []*tcpConn, s *Step) *tcpConn {
	for _, n := range s.Notes {
		for _, w := range strings.FieldsFunc(n.Text.EN, func(r rune) bool {
			return r == ' ' || r == ',' || r == ':' || r == '(' || r == ')' || r == '.'
		}) {
			if c := pcapConnOf(open, w); c != nil {
				return c
			}
		}
	}
	return nil
}

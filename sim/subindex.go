package sim

import (
	"strings"

	"mqttviz/codec"
)

// subIndex finds the sessions whose subscriptions match a topic name. It
// is a trie with one level of the topic filter per edge, so a match visits
// only the branches that the topic's levels, '+' and '#' lead to, however
// many subscriptions there are. [MQTT 4.7]
type subIndex struct {
	root subNode
	size int
}

// subNode is one level of the trie.
type subNode struct {
	// children are the literal next levels; plus and hash are the
	// wildcard ones.
	children map[string]*subNode
	plus     *subNode
	hash     *subNode
	// entries are the subscriptions whose filter ends here, oldest first.
	entries []subEntry
}

// subEntry is one session's subscription with its granted QoS.
type subEntry struct {
	s   *session
	qos codec.QoS
}

// child returns the node one level below n for lvl, creating it when
// create is set.
func (n *subNode) child(lvl string, create bool) *subNode {
	var p **subNode
	switch lvl {
	case "+":
		p = &n.plus
	case "#":
		p = &n.hash
	default:
		c := n.children[lvl]
		if c == nil && create {
			if n.children == nil {
				n.children = map[string]*subNode{}
			}
			c = &subNode{}
			n.children[lvl] = c
		}
		return c
	}
	if *p == nil && create {
		*p = &subNode{}
	}
	return *p
}

// find walks to the node for filter.
func (x *subIndex) find(filter string, create bool) *subNode {
	n := &x.root
	for {
		lvl, rest, more := strings.Cut(filter, "/")
		n = n.child(lvl, create)
		if n == nil || !more {
			return n
		}
		filter = rest
	}
}

// add subscribes s to filter at qos, replacing the QoS of an existing
// subscription of s to the same filter.
func (x *subIndex) add(filter string, s *session, qos codec.QoS) {
	n := x.find(filter, true)
	for i := range n.entries {
		if n.entries[i].s == s {
			n.entries[i].qos = qos
			return
		}
	}
	n.entries = append(n.entries, subEntry{s: s, qos: qos})
	x.size++
}

// remove deletes the subscription of s to filter, if any.
func (x *subIndex) remove(filter string, s *session) {
	n := x.find(filter, false)
	if n == nil {
		return
	}
	for i := range n.entries {
		if n.entries[i].s == s {
			n.entries = append(n.entries[:i:i], n.entries[i+1:]...)
			x.size--
			return
		}
	}
}

// match appends to out every session with a subscription matching topic,
// once each, and sets its best field to the highest QoS granted among its
// matching subscriptions and its hits field to how many match. epoch must differ from every earlier call's: a
// session whose mark equals it has been seen in this call. Filters starting
// with a wildcard do not match topics starting with '$'. [MQTT-4.7.2-1]
func (x *subIndex) match(topic string, epoch uint64, out []*session) []*session {
	return x.root.match(topic, !strings.HasPrefix(topic, "$"), epoch, out)
}

// match matches the levels in topic below n; wild says whether wildcards
// may match the first of them.
func (n *subNode) match(topic string, wild bool, epoch uint64, out []*session) []*session {
	lvl, rest, more := strings.Cut(topic, "/")
	if wild && n.hash != nil {
		out = n.hash.collect(epoch, out)
	}
	if wild && n.plus != nil {
		out = n.plus.matchBelow(rest, more, epoch, out)
	}
	if c := n.children[lvl]; c != nil {
		out = c.matchBelow(rest, more, epoch, out)
	}
	return out
}

// matchBelow continues a match at n, which matched one topic level: with
// more levels to go it descends; at the last level n's own subscriptions
// match, and so does a '#' below n ("a/#" matches "a"). [MQTT 4.7.1.2]
func (n *subNode) matchBelow(rest string, more bool, epoch uint64, out []*session) []*session {
	if more {
		return n.match(rest, true, epoch, out)
	}
	out = n.collect(epoch, out)
	if n.hash != nil {
		out = n.hash.collect(epoch, out)
	}
	return out
}

// collect adds n's subscriptions to out, keeping each session once with
// its highest granted QoS.
func (n *subNode) collect(epoch uint64, out []*session) []*session {
	for _, e := range n.entries {
		s := e.s
		if s.mark != epoch {
			s.mark, s.best, s.hits = epoch, e.qos, 1
			out = append(out, s)
			continue
		}
		s.hits++
		if e.qos > s.best {
			s.best = e.qos
		}
	}
	return out
}

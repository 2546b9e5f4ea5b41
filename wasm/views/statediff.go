package views

import (
	"fmt"
	"mqttviz/sim/trace"
	"strings"
)

// stateItem is one line of the state panel. ID identifies what the line is
// about across steps (a session, one subscription, one in-flight id), so
// that the panel can tell what changed from one step to the next.
type stateItem struct {
	ID    string
	Level int // 0 heading, 1 detail
	Text  string
	// Change is "" when the line is as it was, "changed" when it is new or
	// different, "removed" when it was there before this step and is gone.
	Change string
}

// stateItems lists what a State holds, in a stable order: the broker's
// sessions (with subscriptions, in-flight ids, queued messages and will),
// the retained store, then each client.
func stateItems(lang string, s *trace.State) []stateItem {
	if s == nil {
		return nil
	}
	var out []stateItem
	add := func(id string, level int, text string) {
		out = append(out, stateItem{ID: id, Level: level, Text: text})
	}
	if s.Broker != nil {
		for _, ss := range s.Broker.Sessions {
			id := "session/" + ss.ClientID
			add(id, 0, tr(lang, "state.session", quoteID(ss.ClientID))+" — "+sessionFlags(lang, ss))
			for _, sub := range ss.Subscriptions {
				add(id+"/sub/"+sub.Filter, 1, fmt.Sprintf("%s %s · QoS %d", tr(lang, "state.subscriptions"), sub.Filter, sub.QoS))
			}
			for _, f := range ss.Inflight {
				add(fmt.Sprintf("%s/inflight/%s/%d", id, f.Direction, f.PacketID), 1, inflightText(lang, f))
			}
			for i, m := range ss.Queued {
				add(fmt.Sprintf("%s/queued/%d", id, i), 1, tr(lang, "state.queued")+" "+messageText(lang, m))
			}
			if ss.Will != nil {
				add(id+"/will", 1, tr(lang, "state.will")+" "+messageText(lang, *ss.Will))
			}
		}
		for _, m := range s.Broker.Retained {
			add("retained/"+m.Topic, 0, tr(lang, "state.retained")+tr(lang, "sep.colon")+messageText(lang, m))
		}
	}
	for _, c := range s.Clients {
		id := "client/" + c.Name
		status := tr(lang, "state.offline")
		if c.Connected {
			status = tr(lang, "state.connected")
		}
		add(id, 0, c.Name+" ("+quoteID(c.ClientID)+") — "+status)
		for _, f := range c.Inflight {
			add(fmt.Sprintf("%s/inflight/%s/%d", id, f.Direction, f.PacketID), 1, inflightText(lang, f))
		}
	}
	return out
}

// diffState marks the items of cur that are new or different from prev,
// and keeps, marked removed, the items of prev that cur no longer has,
// each where it stood in prev: after the item before it there, so that
// a removed in-flight id stays under the session or client it belonged
// to.
func diffState(prev, cur []stateItem) []stateItem {
	before := make(map[string]string, len(prev))
	for _, it := range prev {
		before[it.ID] = it.Text
	}
	now := make(map[string]bool, len(cur))
	for _, it := range cur {
		now[it.ID] = true
	}
	// after[id] are the removed items that followed item id of cur in
	// prev; after[""] those before any item still there.
	after := map[string][]stateItem{}
	anchor := ""
	for _, it := range prev {
		if now[it.ID] {
			anchor = it.ID
			continue
		}
		it.Change = "removed"
		after[anchor] = append(after[anchor], it)
	}
	out := make([]stateItem, 0, len(cur)+len(prev))
	out = append(out, after[""]...)
	for _, it := range cur {
		if text, ok := before[it.ID]; !ok || text != it.Text {
			it.Change = "changed"
		}
		out = append(out, it)
		out = append(out, after[it.ID]...)
	}
	return out
}

func sessionFlags(lang string, ss *trace.SessionState) string {
	parts := []string{tr(lang, "state.offline")}
	if ss.Connected {
		parts[0] = tr(lang, "state.connected")
	}
	if ss.CleanSession {
		parts = append(parts, tr(lang, "state.clean"))
	} else {
		parts = append(parts, tr(lang, "state.persistent"))
	}
	if ss.KeepAlive > 0 {
		parts = append(parts, tr(lang, "state.keepalive", ss.KeepAlive))
	}
	return strings.Join(parts, tr(lang, "sep.list"))
}

// inflightText is one in-flight exchange in lang, its direction and stage
// named by their own types.
func inflightText(lang string, f trace.Inflight) string {
	return fmt.Sprintf("%s %s id=%d QoS %d %s · %s", tr(lang, "state.inflight"), f.Direction.Text().In(lang), f.PacketID, f.QoS, f.Topic, f.Stage.Text().In(lang))
}

func messageText(lang string, m trace.Message) string {
	s := fmt.Sprintf("%s %q QoS %d", m.Topic, m.Payload, m.QoS)
	if m.Retain {
		s += " " + tr(lang, "state.retain")
	}
	return s
}

// quoteID shows a client id so that an empty one is visible.
func quoteID(id string) string { return fmt.Sprintf("%q", id) }

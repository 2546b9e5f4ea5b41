package ui

import (
	"strings"
	"testing"

	"mqttviz/sim"
)

func TestDiffState(t *testing.T) {
	before := &sim.State{Broker: &sim.BrokerState{
		Sessions: []*sim.SessionState{{ClientID: "phone", Connected: true, CleanSession: true,
			Subscriptions: []sim.Subscription{{Filter: "a/#", QoS: 1}},
			Inflight:      []sim.Inflight{{PacketID: 1, QoS: 2, Direction: "out", Stage: "PUBLISH sent", Topic: "a/b"}}}},
	}}
	after := &sim.State{Broker: &sim.BrokerState{
		Sessions: []*sim.SessionState{{ClientID: "phone", Connected: true, CleanSession: true,
			Subscriptions: []sim.Subscription{{Filter: "a/#", QoS: 1}},
			Inflight:      []sim.Inflight{{PacketID: 1, QoS: 2, Direction: "out", Stage: "PUBREC received", Topic: "a/b"}}}},
		Retained: []sim.Message{{Topic: "a/b", Payload: "on", QoS: 1, Retain: true}},
	}}
	items := diffState(stateItems(langEN, before), stateItems(langEN, after))
	change := map[string]string{}
	for _, it := range items {
		change[it.ID] = it.Change
	}
	want := map[string]string{
		"session/phone":                "",
		"session/phone/sub/a/#":        "",
		"session/phone/inflight/out/1": "changed", // its QoS 2 stage moved on
		"retained/a/b":                 "changed", // new
	}
	for id, c := range want {
		if got, ok := change[id]; !ok || got != c {
			t.Errorf("%s: change %q (listed %v), want %q", id, got, ok, c)
		}
	}
	// Going back a step shows the retained message as removed.
	items = diffState(stateItems(langEN, after), stateItems(langEN, before))
	for _, it := range items {
		if it.ID == "retained/a/b" && it.Change != "removed" {
			t.Errorf("retained/a/b going back: %q, want removed", it.Change)
		}
	}
	if len(diffState(nil, nil)) != 0 {
		t.Error("no state gives items")
	}
}

// TestStateItemsChinese checks that the Chinese state panel has no
// English left in its own words: stages, separators, the retain mark.
func TestStateItemsChinese(t *testing.T) {
	s := &sim.State{Broker: &sim.BrokerState{
		Sessions: []*sim.SessionState{{ClientID: "phone", Connected: true, CleanSession: true, KeepAlive: 60,
			Inflight: []sim.Inflight{{PacketID: 1, QoS: 2, Direction: "in", Stage: "PUBREC sent", Topic: "a/b"}}}},
		Retained: []sim.Message{{Topic: "a/b", Payload: "on", QoS: 1, Retain: true}},
	}}
	var all []string
	for _, it := range stateItems(langZH, s) {
		all = append(all, it.Text)
	}
	text := strings.Join(all, "\n")
	for _, want := range []string{"在线，清理会话，保持连接 60 秒", "已发送 PUBREC", "保留消息：a/b \"on\" QoS 1 保留"} {
		if !strings.Contains(text, want) {
			t.Errorf("Chinese state lacks %q:\n%s", want, text)
		}
	}
	for _, english := range []string{", ", "sent", "retain"} {
		if strings.Contains(text, english) {
			t.Errorf("Chinese state contains %q:\n%s", english, text)
		}
	}
}

package views

import (
	"mqttviz/sim/trace"
	"mqttviz/wasm/i18n"
	"strings"
	"testing"
)

func TestDiffState(t *testing.T) {
	before := &trace.State{Broker: &trace.BrokerState{
		Sessions: []*trace.SessionState{{ClientID: "phone", Connected: true, CleanSession: true,
			Subscriptions: []trace.Subscription{{Filter: "a/#", QoS: 1}},
			Inflight:      []trace.Inflight{{PacketID: 1, QoS: 2, Direction: trace.Out, Stage: trace.StagePublishSent, Topic: "a/b"}}}},
	}}
	after := &trace.State{Broker: &trace.BrokerState{
		Sessions: []*trace.SessionState{{ClientID: "phone", Connected: true, CleanSession: true,
			Subscriptions: []trace.Subscription{{Filter: "a/#", QoS: 1}},
			Inflight:      []trace.Inflight{{PacketID: 1, QoS: 2, Direction: trace.Out, Stage: trace.StagePubrelSent, Topic: "a/b"}}}},
		Retained: []trace.Message{{Topic: "a/b", Payload: "on", QoS: 1, Retain: true}},
	}}
	items := diffState(stateItems(i18n.EN, before), stateItems(i18n.EN, after))
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
	items = diffState(stateItems(i18n.EN, after), stateItems(i18n.EN, before))
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
	s := &trace.State{Broker: &trace.BrokerState{
		Sessions: []*trace.SessionState{{ClientID: "phone", Connected: true, CleanSession: true, KeepAlive: 60,
			Inflight: []trace.Inflight{{PacketID: 1, QoS: 2, Direction: trace.In, Stage: trace.StagePubrecSent, Topic: "a/b"}}}},
		Retained: []trace.Message{{Topic: "a/b", Payload: "on", QoS: 1, Retain: true}},
	}}
	var all []string
	for _, it := range stateItems(i18n.ZH, s) {
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

// TestDiffStateRemovedStaysUnderOwner checks that an item gone in this
// step is listed where it was, under its session or client, and not at
// the end under whoever comes last.
func TestDiffStateRemovedStaysUnderOwner(t *testing.T) {
	flight := []trace.Inflight{{PacketID: 1, QoS: 1, Direction: trace.Out, Stage: trace.StagePublishSent, Topic: "a/b"}}
	state := func(sensor, session []trace.Inflight) *trace.State {
		return &trace.State{
			Broker: &trace.BrokerState{Sessions: []*trace.SessionState{{ClientID: "sensor", Connected: true, Inflight: session}}},
			Clients: []*trace.ClientState{
				{Name: "sensor", ClientID: "sensor", Connected: true, Inflight: sensor},
				{Name: "phone", ClientID: "phone", Connected: true},
			},
		}
	}
	tests := []struct {
		name      string
		prev, cur *trace.State
		want      []string // IDs in order, removed ones marked with a leading -
	}{
		{"client's in-flight id", state(flight, nil), state(nil, nil),
			[]string{"session/sensor", "client/sensor", "-client/sensor/inflight/out/1", "client/phone"}},
		{"session's in-flight id", state(nil, flight), state(nil, nil),
			[]string{"session/sensor", "-session/sensor/inflight/out/1", "client/sensor", "client/phone"}},
		{"both", state(flight, flight), state(nil, nil),
			[]string{"session/sensor", "-session/sensor/inflight/out/1", "client/sensor", "-client/sensor/inflight/out/1", "client/phone"}},
	}
	for _, tt := range tests {
		var got []string
		for _, it := range diffState(stateItems(i18n.EN, tt.prev), stateItems(i18n.EN, tt.cur)) {
			id := it.ID
			if it.Change == "removed" {
				id = "-" + id
			}
			got = append(got, id)
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
}

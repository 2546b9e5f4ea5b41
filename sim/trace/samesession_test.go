package trace

import (
	"reflect"
	"testing"
)

// TestSameSessionIsDeepEqual: sameSession answers as reflect.DeepEqual
// for sessions that differ in each field, nil and empty lists included,
// and it knows every field of SessionState.
func TestSameSessionIsDeepEqual(t *testing.T) {
	if n := reflect.TypeOf(SessionState{}).NumField(); n != 8 {
		t.Fatalf("SessionState has %d fields, sameSession compares 8: compare the new one too", n)
	}
	base := func() *SessionState {
		return &SessionState{ClientID: "c", Connected: true, KeepAlive: 60,
			Subscriptions: []Subscription{{Filter: "a/#", QoS: 1}},
			Inflight:      []Inflight{{PacketID: 1, QoS: 1, Direction: Out, Stage: StagePublishSent, Topic: "a/b"}},
			Queued:        []Message{},
			Will:          &Message{Topic: "w", Payload: "bye", QoS: 1}}
	}
	changes := map[string]func(s *SessionState){
		"nothing":                func(s *SessionState) {},
		"client id":              func(s *SessionState) { s.ClientID = "d" },
		"connected":              func(s *SessionState) { s.Connected = false },
		"clean session":          func(s *SessionState) { s.CleanSession = true },
		"keepalive":              func(s *SessionState) { s.KeepAlive = 0 },
		"subscription QoS":       func(s *SessionState) { s.Subscriptions[0].QoS = 2 },
		"no subscription, nil":   func(s *SessionState) { s.Subscriptions = nil },
		"no subscription, empty": func(s *SessionState) { s.Subscriptions = []Subscription{} },
		"in-flight stage":        func(s *SessionState) { s.Inflight[0].Stage = StagePubrelSent },
		"one more in flight":     func(s *SessionState) { s.Inflight = append(s.Inflight, s.Inflight[0]) },
		"queued nil":             func(s *SessionState) { s.Queued = nil },
		"one queued":             func(s *SessionState) { s.Queued = append(s.Queued, Message{Topic: "q"}) },
		"no will":                func(s *SessionState) { s.Will = nil },
		"will payload":           func(s *SessionState) { s.Will.Payload = "gone" },
		"will the same value":    func(s *SessionState) { w := *s.Will; s.Will = &w },
	}
	for name, change := range changes {
		a, b := base(), base()
		change(b)
		for _, pair := range [][2]*SessionState{{a, b}, {b, a}, {a, nil}, {nil, b}} {
			if got, want := sameSession(pair[0], pair[1]), reflect.DeepEqual(pair[0], pair[1]); got != want {
				t.Errorf("%s: sameSession = %v, reflect.DeepEqual = %v", name, got, want)
			}
		}
	}
	if !sameSession(nil, nil) {
		t.Error("two nil sessions differ")
	}
}

package lessons

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestConnIDs checks the connection id of every step of every lesson: each
// connect opens a new id, the next one; every packet and close is on a
// connection its client opened.
func TestConnIDs(t *testing.T) {
	for _, l := range Lessons() {
		tr, err := RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		owner := map[int]string{}
		for _, s := range tr.Steps {
			switch s.Kind {
			case trace.KindConnect:
				if s.Conn != len(owner)+1 {
					t.Errorf("%s step %d: connect with id %d, want the next id %d", l.Name, s.Index, s.Conn, len(owner)+1)
				}
				owner[s.Conn] = s.From
			case trace.KindPacket, trace.KindClose:
				client := s.From
				if client == trace.BrokerName {
					client = s.To
				}
				if got, ok := owner[s.Conn]; !ok || client != "" && got != client {
					t.Errorf("%s step %d: %s %s on connection %d of %q", l.Name, s.Index, s.Kind, s.Label.EN, s.Conn, got)
				}
			case trace.KindFault:
				if s.Conn != 0 {
					t.Errorf("%s step %d: a fault on connection %d: faults are on links", l.Name, s.Index, s.Conn)
				}
			}
		}
	}
}

// TestConnIDsReconnect: a cut link ends the sensor's connection 1 (its
// close step says so), and the reconnect is connection 3 (the phone has
// 2): the resent PUBLISH is on it.
func TestConnIDsReconnect(t *testing.T) {
	tr, err := RunLesson("qos1-lost-puback", 1)
	if err != nil {
		t.Fatal(err)
	}
	var cut, resent *trace.Step
	for i := range tr.Steps {
		s := &tr.Steps[i]
		if s.Kind == trace.KindClose && s.From == "sensor" && s.To == trace.BrokerName && cut == nil {
			cut = s
		}
		if s.Kind == trace.KindPacket && s.From == "sensor" && s.Packet == codec.PUBLISH {
			resent = s
		}
	}
	if cut == nil || cut.Conn != 1 {
		t.Errorf("the cut: %+v, want a close on connection 1", cut)
	}
	if resent == nil || resent.Conn != 3 {
		t.Errorf("the resent PUBLISH: %+v, want it on connection 3", resent)
	}
}

package trace_test

import (
	"testing"

	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/trace"
)

// TestPcapngConnIDs: each close goes to the TCP stream of the connection
// its step names, not to one guessed from the steps around it.
func TestPcapngConnIDs(t *testing.T) {
	const br = trace.BrokerName
	closes := trace.Note{Text: trace.Text{EN: "the broker closes the network connection"}}
	tests := []struct {
		name  string
		steps []trace.Step
		// wantFIN are the FINs, "from > to", in the order written.
		wantFIN []string
	}{
		{"broker closes the connection of a client that did nothing last", []trace.Step{
			{Kind: trace.KindConnect, From: "a", To: br, Conn: 1},
			{Kind: trace.KindConnect, From: "b", To: br, Conn: 2},
			{Kind: trace.KindPacket, From: "a", To: br, Conn: 1, Bytes: []byte{0xc0, 0}, Outcome: trace.Delivered},
			{Kind: trace.KindClose, From: br, Conn: 2, Notes: []trace.Note{closes}},
		}, []string{"10.0.0.1:1883 > 10.0.0.3:49153"}},
		{"the broker hears of a close after the client reconnected", []trace.Step{
			{Kind: trace.KindConnect, From: "a", To: br, Conn: 1},
			{Kind: trace.KindClose, From: "a", Conn: 1},
			{Kind: trace.KindConnect, From: "a", To: br, Conn: 2},
			{Kind: trace.KindClose, From: "a", To: br, Conn: 1},
			{Kind: trace.KindClose, From: br, Conn: 2, Notes: []trace.Note{closes}},
		}, []string{"10.0.0.2:49152 > 10.0.0.1:1883", "10.0.0.1:1883 > 10.0.0.2:49152", "10.0.0.1:1883 > 10.0.0.2:49153"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &trace.Trace{Version: trace.Version, Nodes: []string{br, "a", "b"}, Steps: tt.steps}
			_, recs := simtest.PcapngOf(t, tr)
			var fins []string
			for _, s := range simtest.CheckStreams(t, recs) {
				if s.Flags&simtest.FIN != 0 {
					fins = append(fins, s.Src+" > "+s.Dst)
				}
			}
			if len(fins) != len(tt.wantFIN) {
				t.Fatalf("FINs %q, want %q", fins, tt.wantFIN)
			}
			for i := range fins {
				if fins[i] != tt.wantFIN[i] {
					t.Errorf("FIN %d: %s, want %s", i, fins[i], tt.wantFIN[i])
				}
			}
		})
	}
}

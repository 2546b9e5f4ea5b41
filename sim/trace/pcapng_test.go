package trace_test

import (
	"testing"

	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/trace"
)

// TestPcapngOddTraces: a hand-made trace with unknown nodes, packets with
// no connection, negative and backward times and a packet longer than a
// segment still gives a well-formed capture.
func TestPcapngOddTraces(t *testing.T) {
	long := make([]byte, 5000)
	long[0], long[1], long[2] = 0x30, 0x85, 0x27
	tr := &trace.Trace{Nodes: []string{trace.BrokerName, "a"}, Steps: []trace.Step{
		{Kind: trace.KindPacket, From: "a", To: trace.BrokerName, Bytes: []byte{0xc0, 0}, Outcome: trace.Delivered},
		{Kind: trace.KindClose, From: trace.BrokerName},
		{Kind: trace.KindConnect, From: "ghost", To: trace.BrokerName},
		{Kind: trace.KindConnect, From: "a", To: trace.BrokerName, Time: -5},
		{Kind: trace.KindPacket, From: "a", To: trace.BrokerName, Bytes: long, Outcome: trace.Delivered, Time: 10},
		{Kind: trace.KindPacket, From: trace.BrokerName, To: "ghost", Outcome: trace.Delivered, Time: 3},
		{Kind: trace.KindPacket, From: trace.BrokerName, To: "a", Outcome: trace.Delivered, Time: 3},
		{Kind: trace.KindClose, From: "ghost", To: trace.BrokerName},
		{Kind: trace.KindClose, From: trace.BrokerName, To: "a", Time: 20},
		{Kind: trace.KindPacket, From: "a", To: trace.BrokerName, Bytes: []byte{0xe0, 0}, Outcome: trace.Delivered, Time: 20},
	}}
	_, recs := simtest.PcapngOf(t, tr)
	segs := simtest.CheckStreams(t, recs)
	var carried int
	for _, s := range segs {
		if len(s.Payload) > trace.PcapMSS {
			t.Errorf("a segment of %d bytes", len(s.Payload))
		}
		carried += len(s.Payload)
	}
	if carried != len(long) {
		t.Errorf("carried %d bytes, want the long packet's %d", carried, len(long))
	}
}

package trace_test

import (
	"strings"
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

// TestPcapngMalformedByBytes: whether a packet gets the receiver's notes
// as a comment depends on its bytes, not on its label: a trace file may
// label its steps any way it likes.
func TestPcapngMalformedByBytes(t *testing.T) {
	note := []trace.Note{{Text: trace.Text{EN: "remaining length 1 is not 2"}, Rule: "MQTT-3.4.2-1"}}
	tr := &trace.Trace{Nodes: []string{trace.BrokerName, "a"}, Steps: []trace.Step{
		{Kind: trace.KindConnect, From: "a", To: trace.BrokerName},
		{Kind: trace.KindPacket, From: "a", To: trace.BrokerName, Bytes: []byte{0x40, 0x01, 0x00},
			Label: trace.Text{EN: "PUBACK"}, Outcome: trace.Delivered, Notes: note},
		{Kind: trace.KindPacket, From: "a", To: trace.BrokerName, Bytes: []byte{0xc0, 0x00},
			Label: trace.Text{EN: "malformed PINGREQ"}, Outcome: trace.Delivered, Notes: note},
	}}
	_, recs := simtest.PcapngOf(t, tr)
	var comments []string
	for _, r := range recs {
		comments = append(comments, r.Comments...)
	}
	if len(comments) != 1 || !strings.HasPrefix(comments[0], "step 1: ") || !strings.Contains(comments[0], "MQTT-3.4.2-1") {
		t.Errorf("comments %q, want one on step 1 (the cut PUBACK) naming its rule", comments)
	}
}

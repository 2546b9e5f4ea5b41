package ui

import (
	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// The lifelines of the decode page's picture.
const (
	decodeClient = "client"
	decodeBroker = "broker"
)

// decodeTrace is the packets the decode page draws as a trace between a
// client and the broker, for the Share dialog's picture and Mermaid
// text: one arrow per packet, labelled and sectioned as every diagram
// labels packets, in the direction its type travels. CONNACK, SUBACK,
// UNSUBACK and PINGRESP come from the broker; every other type either is
// the client's or may go both ways (PUBLISH and its acknowledgements),
// and is drawn from the client. nil for no packets.
func decodeTrace(packets []codec.StreamPacket, title codec.Text) *trace.Trace {
	if len(packets) == 0 {
		return nil
	}
	t := &trace.Trace{Source: trace.SourceScenario, Scenario: "decode", Title: title, Nodes: []string{decodeBroker, decodeClient}}
	for i, sp := range packets {
		d := codec.Describe(sp.Bytes)
		from, to := decodeClient, decodeBroker
		switch d.Type {
		case codec.CONNACK, codec.SUBACK, codec.UNSUBACK, codec.PINGRESP:
			from, to = decodeBroker, decodeClient
		}
		t.Steps = append(t.Steps, trace.Step{
			Index: i, Kind: trace.KindPacket, From: from, To: to, Conn: 1,
			Bytes: trace.HexBytes(sp.Bytes), Packet: d.Type, Label: d.Summary, Sections: d.Sections,
			Outcome: trace.Delivered,
		})
	}
	return t
}

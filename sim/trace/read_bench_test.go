package trace_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"mqttviz/sim/trace"
)

// BenchmarkReadWatchMessage reads a message of `mqttviz broker`'s watch
// stream at bench/brokerload's 100×1 QoS 1 (the watch page reads each
// with trace.Read): 64 steps, the first with the broker's whole state
// (101 sessions), each after it with the change of the subscriber's
// session, 100 messages in flight; about 600 kB.
func BenchmarkReadWatchMessage(b *testing.B) {
	data := watchMessage(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := trace.Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

// watchMessage is BenchmarkReadWatchMessage's message.
func watchMessage(b *testing.B) []byte {
	sub := func(first int) *trace.SessionState {
		s := &trace.SessionState{ClientID: "load-s0", Connected: true, CleanSession: true,
			Subscriptions: []trace.Subscription{{Filter: "load/+", QoS: 1}}}
		for i := range 100 {
			s.Inflight = append(s.Inflight, trace.Inflight{PacketID: uint16(first + i), QoS: 1, Direction: trace.Out,
				Stage: trace.StagePublishSent, Topic: "load/" + strconv.Itoa(i)})
		}
		return s
	}
	st := &trace.State{Broker: &trace.BrokerState{Sessions: []*trace.SessionState{sub(1)}}}
	t := trace.Trace{Version: trace.Version, Source: trace.SourceBroker, Nodes: []string{trace.BrokerName, "load-s0"}}
	for i := range 100 {
		id := "load-p" + strconv.Itoa(i)
		st.Broker.Sessions = append(st.Broker.Sessions, &trace.SessionState{ClientID: id, Connected: true, CleanSession: true})
		t.Nodes = append(t.Nodes, id)
	}
	payload := make(trace.HexBytes, 64)
	for i := range 64 {
		s := trace.Step{Time: int64(i), Kind: trace.KindPacket, From: "load-p" + strconv.Itoa(i), To: trace.BrokerName, Conn: i + 2,
			Bytes:   append(trace.HexBytes{0x32, 0x4c, 0x00, 0x07, 'l', 'o', 'a', 'd', '/', '0', '1', 0x00, 0x05}, payload...),
			Outcome: trace.Delivered, Notes: []trace.Note{{Rule: "MQTT-3.8.4-6", Text: trace.Text{EN: "to load-s0 at QoS 1 = min(published 1, granted 1)", ZH: "投递给 load-s0：QoS 1 = min(发布 1, 授予 1)"}}}}
		if i == 0 {
			t.Record(s, st)
			continue
		}
		t.RecordChange(s, &trace.StateChange{Sessions: []*trace.SessionState{sub(1 + i)}}, func() *trace.State { return st })
	}
	data, err := json.Marshal(&t)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkMarshalWatchMessage writes BenchmarkReadWatchMessage's
// message, as the broker's watch stream does for every message.
func BenchmarkMarshalWatchMessage(b *testing.B) {
	t, err := trace.Read(watchMessage(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(t); err != nil {
			b.Fatal(err)
		}
	}
}

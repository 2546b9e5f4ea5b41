package trace_test

import (
	"encoding/json"
	"mqttviz/codec"
	"reflect"
	"strings"
	"testing"

	"mqttviz/sim/trace"
)

// TestTraceJSONRoundTrip: a trace written as JSON reads back the same,
// every field of the format included.
func TestTraceJSONRoundTrip(t *testing.T) {
	in := &trace.Trace{
		Version: trace.Version, Source: trace.SourceLive, Start: "2026-12-01T10:53:13.123Z",
		Scenario: "live", Seed: 0, Nodes: []string{trace.BrokerName, "a"},
		Steps: []trace.Step{
			{Index: 0, Kind: trace.KindConnect, From: "a", To: trace.BrokerName, Conn: 1},
			{Index: 1, Time: 12, Kind: trace.KindPacket, From: "a", To: trace.BrokerName, Conn: 1, Read: 1, Bytes: []byte{0xc0, 0}, Packet: codec.PINGREQ, Label: trace.Text{EN: "PINGREQ", ZH: "PINGREQ"}, Outcome: trace.Delivered},
			{Index: 2, Time: 30, Kind: trace.KindGap, Missed: 17},
		},
		Expectations: []trace.Expectation{},
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out trace.Trace
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, &out) {
		t.Errorf("read back\n%+v\nwant\n%+v", out, *in)
	}
}

// TestTraceVersionErrors: a trace of another format version, or with none,
// is refused with an error naming both versions.
func TestTraceVersionErrors(t *testing.T) {
	tests := []struct {
		json string
		want []string
	}{
		{`{"scenario":"old","steps":[]}`, []string{"no \"version\"", "version 1", "version 2"}},
		{`{"version":1,"steps":[]}`, []string{"version 1 is older", "version 2"}},
		{`{"version":99,"steps":[]}`, []string{"version 99 is newer", "version 2"}},
		{`{"version":"2"}`, []string{"cannot unmarshal"}},
	}
	for _, tt := range tests {
		var tr trace.Trace
		err := json.Unmarshal([]byte(tt.json), &tr)
		if err == nil {
			t.Errorf("%s: read without an error", tt.json)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not say %q", tt.json, err, w)
			}
		}
	}
}

// TestSourceNames: every source has an English and a Chinese name.
func TestSourceNames(t *testing.T) {
	for _, s := range []trace.Source{trace.SourceScenario, trace.SourceInstructor, trace.SourceLive, trace.SourceBroker} {
		if n := s.Name(); n.EN == "" || n.ZH == "" || n.ZH == n.EN {
			t.Errorf("%s: names %+v", s, n)
		}
	}
	if !trace.SourceBroker.Live() || trace.SourceScenario.Live() {
		t.Error("Live: only live and broker run on a real clock")
	}
}

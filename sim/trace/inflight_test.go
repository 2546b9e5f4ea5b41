package trace_test

import (
	"encoding/json"
	"strings"
	"testing"

	"mqttviz/sim/trace"
)

// TestInflightJSON checks that the typed direction and stage keep the JSON
// form traces had when they were strings, and read it back.
func TestInflightJSON(t *testing.T) {
	tests := []struct {
		f    trace.Inflight
		json string
	}{
		{trace.Inflight{PacketID: 1, QoS: 1, Direction: trace.Out, Stage: trace.StageUnsent, Topic: "a"},
			`{"id":1,"qos":1,"dir":"out","stage":"not sent yet","topic":"a"}`},
		{trace.Inflight{PacketID: 2, QoS: 1, Direction: trace.Out, Stage: trace.StagePublishSent, Topic: "a"},
			`{"id":2,"qos":1,"dir":"out","stage":"PUBLISH sent","topic":"a"}`},
		{trace.Inflight{PacketID: 3, QoS: 2, Direction: trace.Out, Stage: trace.StagePubrelSent, Topic: "a"},
			`{"id":3,"qos":2,"dir":"out","stage":"PUBREL sent","topic":"a"}`},
		{trace.Inflight{PacketID: 4, QoS: 2, Direction: trace.In, Stage: trace.StagePubrecSent, Topic: "a"},
			`{"id":4,"qos":2,"dir":"in","stage":"PUBREC sent","topic":"a"}`},
		{trace.Inflight{PacketID: 5, QoS: 2, Direction: trace.In, Stage: trace.StagePubrecHeld, Topic: "a"},
			`{"id":5,"qos":2,"dir":"in","stage":"PUBREC sent, message held until PUBREL","topic":"a"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.f)
		if err != nil || string(b) != tt.json {
			t.Errorf("marshal %+v: %s, %v; want %s", tt.f, b, err, tt.json)
		}
		var back trace.Inflight
		if err := json.Unmarshal([]byte(tt.json), &back); err != nil || back != tt.f {
			t.Errorf("unmarshal %s: %+v, %v", tt.json, back, err)
		}
	}
}

// TestInflightJSONRefuses checks that a direction or stage the trace does
// not define is an error, whether read or written.
func TestInflightJSONRefuses(t *testing.T) {
	for _, in := range []string{
		`{"dir":"sideways","stage":"PUBLISH sent"}`,
		`{"dir":"out","stage":"PUBREC received"}`,
		`{"dir":"out","stage":2}`,
		`{"dir":1,"stage":"PUBLISH sent"}`,
		`{"dir":"OUT","stage":"PUBLISH sent"}`,
	} {
		var f trace.Inflight
		if err := json.Unmarshal([]byte(in), &f); err == nil {
			t.Errorf("%s: read as %+v, want an error", in, f)
		}
	}
	for _, f := range []trace.Inflight{{Stage: 200}, {Direction: 9}} {
		if b, err := json.Marshal(f); err == nil {
			t.Errorf("%+v: written as %s, want an error", f, b)
		}
	}
}

// TestInflightJSONEscaped: a name written with JSON escapes reads as
// the name.
func TestInflightJSONEscaped(t *testing.T) {
	var f trace.Inflight
	if err := json.Unmarshal([]byte(`{"dir":"\u006fut","stage":"PUBLISH\u0020sent"}`), &f); err != nil || f.Direction != trace.Out || f.Stage != trace.StagePublishSent {
		t.Errorf("read %+v, %v; want out, PUBLISH sent", f, err)
	}
}

// TestInflightNames checks that every stage and direction has its own
// name in both languages, the Chinese one without English words but the
// packet names.
func TestInflightNames(t *testing.T) {
	seen := map[string]bool{}
	check := func(en, zh string) {
		if en == "" || zh == "" || seen[en] || seen[zh] {
			t.Errorf("name %q / %q is empty or not unique", en, zh)
		}
		seen[en], seen[zh] = true, true
		for _, w := range []string{"sent", "held", "until", "in", "out"} {
			if strings.Contains(zh, w) {
				t.Errorf("Chinese name %q contains %q", zh, w)
			}
		}
	}
	for s := trace.StageUnsent; s <= trace.StagePubrecHeld; s++ {
		check(s.Text().EN, s.Text().ZH)
		if s.String() != s.Text().EN {
			t.Errorf("stage %d: String %q, English name %q", s, s.String(), s.Text().EN)
		}
	}
	for _, d := range []trace.Direction{trace.Out, trace.In} {
		check(d.Text().EN, d.Text().ZH)
	}
	if got := trace.Stage(99).String(); got != "stage 99" {
		t.Errorf("unknown stage: %q", got)
	}
}

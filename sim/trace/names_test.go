package trace_test

import (
	"encoding/json"
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestKindNames checks every step kind: a name and a caption in both
// languages, the English name the JSON value, and a JSON round trip.
func TestKindNames(t *testing.T) {
	for _, k := range []trace.StepKind{trace.KindPacket, trace.KindConnect, trace.KindClose, trace.KindFault, trace.KindTimer, trace.KindNote, trace.KindGap} {
		checkNames(t, string(k), k.Name(), k.Caption())
		var back trace.StepKind
		if b, err := json.Marshal(k); err != nil || json.Unmarshal(b, &back) != nil || back != k {
			t.Errorf("%s: JSON %s reads back as %q", k, b, back)
		}
	}
	if got := trace.KindConnect.Caption().ZH; got != "建立网络连接" {
		t.Errorf("connect caption in Chinese = %q", got)
	}
}

// TestOutcomeNames checks every outcome as TestKindNames checks kinds.
func TestOutcomeNames(t *testing.T) {
	for _, o := range []trace.Outcome{trace.Delivered, trace.Dropped, trace.Refused, trace.Lost} {
		checkNames(t, string(o), o.Name(), o.Caption())
		var back trace.Outcome
		if b, err := json.Marshal(o); err != nil || json.Unmarshal(b, &back) != nil || back != o {
			t.Errorf("%s: JSON %s reads back as %q", o, b, back)
		}
	}
	if got := trace.Lost.Caption().EN; got != "lost with the connection" {
		t.Errorf("lost caption = %q", got)
	}
}

// checkNames fails t unless name and caption speak both languages, the
// Chinese has no Latin letters and the English name is value.
func checkNames(t *testing.T, value string, name, caption trace.Text) {
	t.Helper()
	for _, text := range []trace.Text{name, caption} {
		if text.EN == "" || text.ZH == "" || strings.ContainsAny(text.ZH, "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("%s: %+v does not speak both languages", value, text)
		}
	}
	if name.EN != value {
		t.Errorf("%s: English name %q, want the value itself", value, name.EN)
	}
}

// TestStepPacketJSON checks that a step's packet type is its name in
// JSON, that every name reads back, and that an unknown one is refused.
func TestStepPacketJSON(t *testing.T) {
	for typ := codec.CONNECT; typ <= codec.Reserved15; typ++ {
		s := trace.Step{Kind: trace.KindPacket, Bytes: []byte{byte(typ) << 4, 0}, Packet: typ,
			Label: trace.Text{EN: typ.String(), ZH: typ.String()}, Sections: [3]int{2, 0, 0}}
		b, err := json.Marshal(s)
		if err != nil || !strings.Contains(string(b), `"packet":"`+typ.String()+`"`) {
			t.Fatalf("%v: %s, %v", typ, b, err)
		}
		var back trace.Step
		if err := json.Unmarshal(b, &back); err != nil || back.Packet != typ || back.Label != s.Label || back.Sections != s.Sections {
			t.Errorf("%s reads back as %+v (%v)", b, back, err)
		}
	}
	var s trace.Step
	if err := json.Unmarshal([]byte(`{"kind":"packet","packet":"PUBLISHED"}`), &s); err == nil {
		t.Errorf("an unknown packet type read as %v", s.Packet)
	}
	// A step without a packet writes neither packet, label nor sections.
	if b, _ := json.Marshal(trace.Step{Kind: trace.KindConnect}); strings.Contains(string(b), "packet\"") || strings.Contains(string(b), "label") || strings.Contains(string(b), "sections") {
		t.Errorf("a connect step writes %s", b)
	}
}

package script

import (
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// copiesBase is the QoS 1 publish that each case changes by one line
// before the publish.
const copiesBase = `client sensor
client phone
connect sensor
connect phone
subscribe phone t qos=1
%s
publish sensor t "21.5" qos=1
`

// publishesTo lists the DUP flags of the PUBLISH packets delivered to
// client to, in order.
func publishesTo(tr *trace.Trace, to string) []bool {
	var dups []bool
	for _, s := range tr.Steps {
		if s.Kind != trace.KindPacket || s.Packet != codec.PUBLISH || s.To != to || s.Outcome != trace.Delivered {
			continue
		}
		dups = append(dups, s.Bytes[0]&0x08 != 0)
	}
	return dups
}

// TestCopies: a duplicate carries the same bytes twice (DUP 0 both
// times), a resend sends the PUBLISH again with DUP 1 and the same id; at
// QoS 1 the broker forwards both, so the phone receives it twice either
// way; resend CLIENT after a lost PUBACK sends it again with DUP 1.
func TestCopies(t *testing.T) {
	for _, tt := range []struct {
		line           string
		toBroker       []bool
		phoneReceived  int
		sensorInflight int
	}{
		{"", []bool{false}, 1, 0},
		{"duplicate next PUBLISH from sensor", []bool{false, false}, 2, 0},
		{"resend next PUBLISH from sensor id=1", []bool{false, true}, 2, 0},
		{"duplicate next PUBLISH to phone", []bool{false}, 2, 0},
		{"drop next PUBACK to sensor", []bool{false}, 1, 1},
	} {
		src := strings.Replace(copiesBase, "%s", tt.line, 1)
		tr, err := Run("t", src, 1)
		if err != nil {
			t.Fatalf("%q: %v", tt.line, err)
		}
		if got := publishesTo(tr, trace.BrokerName); !equalBools(got, tt.toBroker) {
			t.Errorf("%q: PUBLISH to the broker with DUP %v, want %v", tt.line, got, tt.toBroker)
		}
		if got := len(publishesTo(tr, "phone")); got != tt.phoneReceived {
			t.Errorf("%q: phone received %d PUBLISH, want %d", tt.line, got, tt.phoneReceived)
		}
	}
	// The sender's resend after a lost PUBACK.
	src := strings.Replace(copiesBase, "%s", "drop next PUBACK to sensor", 1) +
		"expect sensor inflight 1\nresend sensor\nexpect sensor inflight 0\nexpect phone received 2\n"
	tr, err := Run("t", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range tr.Expectations {
		if !e.OK {
			t.Errorf("line %d %s: %v", e.Line, e.Text, e.Why)
		}
	}
	if got := publishesTo(tr, trace.BrokerName); !equalBools(got, []bool{false, true}) {
		t.Errorf("PUBLISH to the broker with DUP %v, want [false true]", got)
	}
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestCopiesParseErrors: the new statements name what they expected.
func TestCopiesParseErrors(t *testing.T) {
	for _, tt := range []struct{ src, en string }{
		{"client a\nduplicate a", "line 2, col 11: expected next, found a"},
		{"client a\nresend next PINGPONG to a", "line 2, col 13:"},
		{"client a\nresend b", "line 2, col 8: expected a client name"},
		{"client a\nresend a now", "line 2, col 10:"},
	} {
		_, err := Parse("t", tt.src)
		if err == nil || !strings.HasPrefix(err.Error(), tt.en) {
			t.Errorf("%q: error %v, want it to start %q", tt.src, err, tt.en)
		}
	}
}

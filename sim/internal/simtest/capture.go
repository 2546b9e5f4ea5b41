package simtest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"mqttviz/sim/trace"
)

// PcapngOf writes tr as pcapng and reads it back.
func PcapngOf(t testing.TB, tr *trace.Trace) ([]byte, []Record) {
	t.Helper()
	var buf bytes.Buffer
	if err := trace.WritePcapng(&buf, tr); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), ReadPcapng(t, buf.Bytes())
}

// leftOutWords say in a capture's comment why a packet step is not in it.
var leftOutWords = map[trace.Outcome]string{
	trace.Dropped: "dropped by the network",
	trace.Lost:    "lost: the receiving end was already closed",
}

// CheckLeftOut wants one comment per dropped or lost packet step of tr,
// and the capture to carry exactly the bytes of the delivered and refused
// ones. name says which trace in an error.
func CheckLeftOut(t testing.TB, name string, tr *trace.Trace, recs []Record) {
	t.Helper()
	var comments []string
	var payload, want []byte
	for _, r := range recs {
		comments = append(comments, r.Comments...)
		payload = append(payload, ReadSegment(t, r.Data).Payload...)
	}
	all := strings.Join(comments, "\n")
	for _, s := range tr.Steps {
		if s.Kind != trace.KindPacket {
			continue
		}
		if s.Outcome == trace.Delivered || s.Outcome == trace.Refused {
			want = append(want, s.Bytes...)
			continue
		}
		if c := fmt.Sprintf("step %d: %s from %s to %s %s", s.Index, s.Label.EN, s.From, s.To, leftOutWords[s.Outcome]); !strings.Contains(all, c) {
			t.Errorf("%s: no comment %q", name, c)
		}
	}
	if !bytes.Equal(payload, want) {
		t.Errorf("%s: the capture carries %d bytes of packets, the trace delivered %d", name, len(payload), len(want))
	}
}

// WhyEN is what a failed expectation found instead, in English; "" when
// it holds.
func WhyEN(e trace.Expectation) string {
	if e.Why == nil {
		return ""
	}
	return e.Why.EN
}

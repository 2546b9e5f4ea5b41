package trace_test

import (
	"strings"
	"testing"

	"mqttviz/sim/trace"
)

// TestGapStep: a gap shows in the text table and in Mermaid as the
// narration of how many steps are missing, in both languages.
func TestGapStep(t *testing.T) {
	tr := &trace.Trace{Version: trace.Version, Source: trace.SourceBroker, Nodes: []string{trace.BrokerName, "a"}}
	tr.Record(trace.GapStep(1500, 17), nil)
	if s := tr.Steps[0]; s.Kind != trace.KindGap || s.Missed != 17 || s.Time != 1500 {
		t.Fatalf("gap step %+v", s)
	}
	for _, c := range []struct{ lang, want string }{{"en", "17 steps missed here"}, {"zh", "此处缺少 17 个步骤"}} {
		if got := trace.FormatText(tr, c.lang); !strings.Contains(got, "»") || !strings.Contains(got, c.want) {
			t.Errorf("%s text:\n%s", c.lang, got)
		}
		if got := trace.FormatMermaid(tr, c.lang); !strings.Contains(got, c.want) {
			t.Errorf("%s mermaid:\n%s", c.lang, got)
		}
	}
}

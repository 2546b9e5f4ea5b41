package lessons

import (
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestStepLabels checks that every packet step of every lesson carries,
// recorded once by the engine, what the views draw without decoding
// again: the type, the label in both languages and the section sizes, as
// the codec's Summary and Annotate give them.
func TestStepLabels(t *testing.T) {
	chinese := 0
	for _, l := range Lessons() {
		tr, err := RunLesson(l.Name, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tr.Steps {
			if s.Kind != trace.KindPacket {
				continue
			}
			if want := codec.Summary(s.Bytes); s.Label != want {
				t.Errorf("%s step %d: label %+v, want %+v", l.Name, s.Index, s.Label, want)
			}
			if s.Label.ZH != s.Label.EN {
				chinese++
			}
			if want := codec.PacketType(s.Bytes[0] >> 4); s.Packet != want {
				t.Errorf("%s step %d: packet %v, want %v", l.Name, s.Index, s.Packet, want)
			}
			var want [3]int
			for _, f := range codec.Annotate(s.Bytes).Fields {
				want[f.Section] += f.Length
			}
			if s.Sections != want {
				t.Errorf("%s step %d: sections %v, want %v", l.Name, s.Index, s.Sections, want)
			}
		}
	}
	if chinese == 0 {
		t.Error("no lesson has a label that reads differently in Chinese")
	}
}

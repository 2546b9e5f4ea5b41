package sim

import (
	"testing"

	"mqttviz/sim/trace"
)

// TestNoteTextOneAllocation: a note built with text reads as the
// sentences joined, and both take one allocation, the packet id
// included.
func TestNoteTextOneAllocation(t *testing.T) {
	r := &ready{explain: true}
	add := func() {
		r.notes = r.notes[:0]
		r.noteText("MQTT 4.3.2", r.text().add("PUBACK id=").id(4711).add(": QoS 1 delivery to ", "sensor-7", " complete").
			chinese().add("收到 PUBACK id=").id(4711).add("：发给 ", "sensor-7", " 的 QoS 1 消息投递完成"))
	}
	add()
	want := trace.Note{Rule: "MQTT 4.3.2", Text: trace.Text{
		EN: "PUBACK id=4711: QoS 1 delivery to sensor-7 complete",
		ZH: "收到 PUBACK id=4711：发给 sensor-7 的 QoS 1 消息投递完成",
	}}
	if len(r.notes) != 1 || r.notes[0] != want {
		t.Fatalf("notes = %q, want %q", r.notes, want)
	}
	if n := testing.AllocsPerRun(100, add); n != 1 {
		t.Errorf("a note takes %v allocations, want 1", n)
	}
	r.explain = false
	r.notes = r.notes[:0]
	r.noteText("", r.text().add("x").chinese().add("y"))
	if len(r.notes) != 0 {
		t.Errorf("a node that does not explain wrote %q", r.notes)
	}
}

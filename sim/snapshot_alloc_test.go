package sim

import (
	"runtime"
	"testing"

	"mqttviz/codec"
)

// TestSnapshotLongQueueBytes: a snapshot of a session with 1,000 queued
// messages shares the queue's trace form, and makes no list of its
// length (it made one and dropped it: at 100×1 QoS 1 under the default
// in-flight limit, a step cost its subscriber's whole queue).
func TestSnapshotLongQueueBytes(t *testing.T) {
	var s session
	s.id = "sub"
	for range 1000 {
		s.enqueue(queued{msg: &message{topic: "load/1", payload: make([]byte, 64), qos: 1}, qos: codec.AtLeastOnce})
	}
	s.dirty = true
	s.snapshot()
	const n = 100
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range n {
		s.dirty = true
		if st := s.snapshot(); len(st.Queued) != 1000 {
			t.Fatalf("the snapshot has %d queued messages, want 1000", len(st.Queued))
		}
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / n; per > 4096 {
		t.Errorf("a snapshot of a session with 1,000 queued messages allocates %d bytes, want at most 4096 (the queue's list is shared)", per)
	}
}

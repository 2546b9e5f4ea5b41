package sim

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestQueueView: after any sequence of messages queued and sent, with
// snapshots taken at random between them, the session's queue in its
// trace form is the queue's messages at their QoS, and no list a
// snapshot kept changed afterwards.
func TestQueueView(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var s session
	type kept struct{ view, copy []trace.Message }
	var views []kept
	for step := range 5000 {
		if len(s.queue) == 0 || rng.IntN(2) == 0 {
			m := &message{topic: "t/" + strconv.Itoa(step%7), payload: []byte(strconv.Itoa(step)), qos: 2, retain: step%5 == 0}
			s.enqueue(queued{msg: m, qos: codec.QoS(rng.IntN(3))})
		} else {
			s.dequeue()
		}
		if rng.IntN(3) > 0 {
			continue
		}
		v := s.queued()
		want := []trace.Message{}
		for _, q := range s.queue {
			m := trace.Message{Topic: q.msg.topic, Payload: string(q.msg.payload), QoS: byte(q.qos), Retain: q.msg.retain}
			want = append(want, m)
		}
		if !reflect.DeepEqual(v, want) {
			t.Fatalf("step %d: queued %v, want %v", step, v, want)
		}
		views = append(views, kept{v, slices.Clone(v)})
	}
	for i, k := range views {
		if !reflect.DeepEqual(k.view, k.copy) {
			t.Fatalf("the list of snapshot %d changed afterwards: %v, was %v", i, k.view, k.copy)
		}
	}
}

package predict

import (
	"mqttviz/codec"
	"mqttviz/sim/lessons"
	"mqttviz/sim/trace"
	"reflect"
	"testing"
)

// TestEveryLessonHasAQuiz: every built-in lesson has questions, each with
// three or four distinct choices, the packet that comes among them, and
// the same questions on a second run.
func TestEveryLessonHasAQuiz(t *testing.T) {
	for _, name := range lessons.LessonNames() {
		t.Run(name, func(t *testing.T) {
			tr, err := lessons.RunLesson(name, 1)
			if err != nil {
				t.Fatal(err)
			}
			qs := Questions(tr)
			if len(qs) == 0 {
				t.Fatal("no question")
			}
			packets := 0
			for i, s := range tr.Steps {
				if i > 0 && s.Kind == trace.KindPacket {
					packets++
				}
			}
			if len(qs) != packets {
				t.Errorf("%d questions for %d packet steps after the first", len(qs), packets)
			}
			for _, q := range qs {
				if n := len(q.Choices); n < 3 || n > Choices {
					t.Errorf("step %d: %d choices", q.Step, n)
				}
				if q.Answer < 0 || q.Answer >= len(q.Choices) || q.Choices[q.Answer] != Of(tr.Steps[q.Step]) {
					t.Errorf("step %d: answer %d is not the step's packet %+v", q.Step, q.Answer, Of(tr.Steps[q.Step]))
				}
				for a := range q.Choices {
					for b := a + 1; b < len(q.Choices); b++ {
						if q.Choices[a] == q.Choices[b] {
							t.Errorf("step %d: choices %d and %d are the same: %+v", q.Step, a, b, q.Choices[a])
						}
					}
				}
			}
			again, _ := lessons.RunLesson(name, 1)
			if !reflect.DeepEqual(qs, Questions(again)) {
				t.Error("a second run gives other questions")
			}
		})
	}
}

// TestAnswersAreSpread: the right answer is not always in the same place.
func TestAnswersAreSpread(t *testing.T) {
	tr, err := lessons.RunLesson("qos2", 1)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, q := range Questions(tr) {
		seen[q.Answer] = true
	}
	if len(seen) < 2 {
		t.Errorf("the answer is always choice %v", seen)
	}
}

// TestDistractorsFromTheProtocol: the near misses the brief names appear.
func TestDistractorsFromTheProtocol(t *testing.T) {
	step := func(from, to string, b ...byte) trace.Step {
		return trace.Step{Kind: trace.KindPacket, From: from, To: to, Bytes: b, Packet: codec.PacketType(b[0] >> 4)}
	}
	tr := &trace.Trace{Scenario: "t", Steps: []trace.Step{
		{Kind: trace.KindNote},
		step("sensor", "broker", 0x32, 5, 0, 1, 'a', 0, 1), // PUBLISH q1 id=1 a
		step("broker", "sensor", 0x40, 2, 0, 1),            // PUBACK id=1
	}}
	has := func(q Question, g Guess) bool { return contains(q.Choices, g) }
	pub, _ := Ask(tr, 1)
	right := Guess{From: "sensor", To: "broker", Packet: codec.PUBLISH, QoS: 1}
	if pub.Choices[pub.Answer] != right {
		t.Errorf("answer %+v, want %+v", pub.Choices[pub.Answer], right)
	}
	wrongQoS := right
	wrongQoS.QoS = 2
	otherSide := right
	otherSide.From, otherSide.To = "broker", "sensor"
	for _, g := range []Guess{wrongQoS, otherSide, {From: "broker", To: "sensor", Packet: codec.PUBACK}} {
		if !has(pub, g) {
			t.Errorf("PUBLISH: %+v not among %+v", g, pub.Choices)
		}
	}
	ack, _ := Ask(tr, 2)
	if !has(ack, Guess{From: "broker", To: "sensor", Packet: codec.PUBREC}) {
		t.Errorf("PUBACK: no PUBREC among %+v", ack.Choices)
	}
	if !has(ack, Guess{None: true}) {
		t.Errorf("PUBACK: no 'no packet' among %+v", ack.Choices)
	}
	if _, ok := Ask(tr, 0); ok {
		t.Error("a note step has a question")
	}
	if _, ok := Ask(tr, 3); ok {
		t.Error("a step past the end has a question")
	}
	if _, ok := Ask(nil, 0); ok {
		t.Error("no trace has a question")
	}
}

package script

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestInsert: lines go before or after a line, at the top or the end, and
// out of a repeat block, the file's last newline kept.
func TestInsert(t *testing.T) {
	src := "a\nrepeat 2\nb\nend\nc\n"
	for _, tt := range []struct {
		at   Place
		want string
	}{
		{Place{Line: 1}, "X\na\nrepeat 2\nb\nend\nc\n"},
		{Place{Line: 1, After: true}, "a\nX\nrepeat 2\nb\nend\nc\n"},
		{Place{Line: 3}, "a\nX\nrepeat 2\nb\nend\nc\n"},
		{Place{Line: 3, After: true}, "a\nrepeat 2\nb\nend\nX\nc\n"},
		{Place{Line: 5, After: true}, "a\nrepeat 2\nb\nend\nc\nX\n"},
		{Place{Line: 0}, "X\na\nrepeat 2\nb\nend\nc\n"},
		{Place{Line: 0, After: true}, "a\nrepeat 2\nb\nend\nc\nX\n"},
		{Place{Line: 99, After: true}, "a\nrepeat 2\nb\nend\nc\nX\n"},
	} {
		if got := Insert(src, tt.at, "X"); got != tt.want {
			t.Errorf("Insert at %+v = %q, want %q", tt.at, got, tt.want)
		}
	}
	if got := Insert("a", Place{Line: 1, After: true}, "X", "Y"); got != "a\nX\nY" {
		t.Errorf("without a last newline: %q", got)
	}
}

// TestHistory: undo and redo walk the versions; a change after an undo
// forgets the versions undone.
func TestHistory(t *testing.T) {
	h := NewHistory("v0")
	if h.Undo() || h.Redo() || h.CanUndo() {
		t.Fatal("a new history moved")
	}
	h.Push("v1")
	h.Push("v2")
	if !h.Undo() || h.Current() != "v1" || h.Changes() != 1 {
		t.Fatalf("after undo: %q", h.Current())
	}
	h.Push("v3")
	if h.CanRedo() || h.Current() != "v3" {
		t.Fatalf("after a new change: %q, redo %v", h.Current(), h.CanRedo())
	}
	h.Undo()
	h.Undo()
	if h.Current() != "v0" || !h.Redo() || h.Current() != "v1" {
		t.Fatalf("undo to the original and redo: %q", h.Current())
	}
}

// TestRunIndexed: the trace is Run's, byte for byte, and each step's
// statement is the one whose line produced it.
func TestRunIndexed(t *testing.T) {
	for name, src := range lessonSources(t) {
		want, err := Run(name, src, 1)
		if err != nil {
			t.Fatal(err)
		}
		got, x, err := Rerun(name, src, 1)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(got)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: RunIndexed's trace differs from Run's", name)
		}
		for i := 1; i < len(got.Steps); i++ {
			if x.Line(i) < x.Line(i-1) && !strings.Contains(src, "repeat") {
				t.Errorf("%s: step %d at line %d before step %d at line %d", name, i, x.Line(i), i-1, x.Line(i-1))
			}
		}
	}
	src := lessonSources(t)["qos1"]
	_, x, _ := Rerun("qos1", src, 1)
	lines := strings.Split(src, "\n")
	tr, _, _ := Rerun("qos1", src, 1)
	phone := stepOf(t, tr, func(s trace.Step) bool { return s.From == "phone" })
	for i, want := range map[int]string{0: "connect sensor", phone: "connect phone"} {
		if got := lines[x.Line(i)-1]; got != want {
			t.Errorf("step %d came from %q, want %q", i, got, want)
		}
	}
}

// stepOf returns the first step of tr that f picks.
func stepOf(t *testing.T, tr *trace.Trace, f func(trace.Step) bool) int {
	t.Helper()
	for i, s := range tr.Steps {
		if f(s) {
			return i
		}
	}
	t.Fatal("no such step")
	return -1
}

// TestLosePuback: losing the PUBACK of home/temp in qos1 from its step,
// the sensor then sending again what has no answer: the changed lines are
// where they belong, the DUP resend and the second delivery to the phone
// are the changed steps, and nothing else is but the rule's mark, the
// lost PUBACK and the resend's answer.
func TestLosePuback(t *testing.T) {
	src := lessonSources(t)["qos1"]
	old, x, err := Rerun("qos1", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	i := stepOf(t, old, func(s trace.Step) bool {
		r, _ := PacketOf(s)
		return r.Type == codec.PUBACK && r.Client == "sensor" && r.ID == 2
	})
	changed, err := PacketChange{Kind: LosePacket, Then: ResendOnOpen}.Apply(src, x, i, old.Steps[i])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(changed, "drop next PUBACK to sensor id=2\npublish sensor home/temp \"21.5\" qos=1\nresend sensor\n") {
		t.Fatalf("changed scenario:\n%s", changed)
	}
	tr, _, err := Rerun("qos1", changed, 1)
	if err != nil {
		t.Fatal(err)
	}
	d := CompareSteps(old.Steps, tr.Steps)
	var got []string
	for j, c := range d.Changed {
		if c {
			s := tr.Steps[j]
			got = append(got, string(s.Kind)+" "+s.From+">"+s.To+" "+s.Label.EN+" "+string(s.Outcome))
		}
	}
	// The humidity PUBLISH to the phone has id 3 now: the resend took 2.
	want := []string{
		"fault sensor>broker  ",
		"packet broker>sensor PUBACK id=2 dropped",
		"note sensor>  ",
		"packet sensor>broker PUBLISH q1 id=2 dup home/temp delivered",
		"packet broker>phone PUBLISH q1 id=2 home/temp delivered",
		"packet broker>sensor PUBACK id=2 delivered",
		"packet phone>broker PUBACK id=2 delivered",
		"packet broker>phone PUBLISH q1 id=3 home/humidity delivered",
		"packet phone>broker PUBACK id=3 delivered",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changed steps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The old PUBACK's place is the lost one.
	if j := d.NewIndex[i]; tr.Steps[j].Outcome != trace.Dropped {
		t.Errorf("old step %d maps to %d: %+v", i, j, tr.Steps[j])
	}
	// Undo: the original scenario gives the original trace exactly.
	h := NewHistory(src)
	h.Push(changed)
	h.Undo()
	again, _, _ := Rerun("qos1", h.Current(), 1)
	a, _ := json.Marshal(old)
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Error("undo did not give the original trace")
	}
}

// TestCompareSteps: a step moved by an inserted one is not changed; a
// step with other bytes is.
func TestCompareSteps(t *testing.T) {
	st := func(b ...byte) trace.Step {
		return trace.Step{Kind: trace.KindPacket, From: "a", To: "broker", Bytes: b}
	}
	old := []trace.Step{st(1), st(2), st(3), st(4)}
	new := []trace.Step{st(1), st(9), st(2), st(3), st(5)}
	d := CompareSteps(old, new)
	if want := []bool{false, true, false, false, true}; !equalBools(d.Changed, want) {
		t.Errorf("changed %v, want %v", d.Changed, want)
	}
	if want := []int{0, 2, 3, 4}; !slicesEqual(d.NewIndex, want) {
		t.Errorf("new index %v, want %v", d.NewIndex, want)
	}
	// The lost PUBLISH's place is the same PUBLISH, lost, not the rule's
	// mark before it.
	lost := st(3)
	lost.Outcome = trace.Dropped
	mark := trace.Step{Kind: trace.KindFault, From: "a"}
	if d := CompareSteps(old, []trace.Step{st(1), st(2), mark, lost, st(4)}); !slicesEqual(d.NewIndex, []int{0, 1, 3, 4}) {
		t.Errorf("new index with a lost step %v, want [0 1 3 4]", d.NewIndex)
	}
	if d := CompareSteps(old, old); slicesContainsTrue(d.Changed) {
		t.Error("a run compared with itself has changes")
	}
}

func slicesContainsTrue(b []bool) bool {
	for _, v := range b {
		if v {
			return true
		}
	}
	return false
}

// TestActionLines: every action's lines parse in a scenario, strings
// quoted whatever they hold.
func TestActionLines(t *testing.T) {
	for _, a := range []Action{
		{Kind: ActConnect, Client: "a"}, {Kind: ActDisconnect, Client: "a"}, {Kind: ActCut, Client: "a"},
		{Kind: ActSilence, Client: "a"}, {Kind: ActRestore, Client: "a"},
		{Kind: ActSubscribe, Client: "a", Topic: "#", QoS: 2},
		{Kind: ActUnsubscribe, Client: "a", Topic: "a b/+"},
		{Kind: ActPublish, Client: "a", Topic: "t/中", Payload: "say \"hi\" # not a comment", QoS: 1, Retain: true},
		{Kind: ActWait, WaitMS: 90000}, {Kind: ActRelease, Client: "a"},
		{Kind: ActAddClient, NewClient: NewClient{Name: "b", ClientID: "dev 1", KeepAlive: 30, User: "u", Password: "p w",
			WillTopic: "w", WillPayload: "gone", WillQoS: 1, WillRetain: true}},
	} {
		base := "client a\nconnect a\n"
		if a.Kind == ActConnect {
			base = "client a\n"
		}
		src := Insert(base, Place{Line: 0, After: true}, a.Lines()...)
		if _, err := Run("t", src, 1); err != nil {
			t.Errorf("%s: %v\n%s", a.Kind, err, src)
		}
	}
	sc, err := Parse("t", Insert("client a\nconnect a\n", Place{Line: 2, After: true}, Action{Kind: ActPublish, Client: "a", Topic: "t", Payload: "say \"hi\" # x"}.Lines()...))
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.stmts) != 3 {
		t.Errorf("%d statements", len(sc.stmts))
	}
}

// TestPacketChanges: each change to a packet of qos1 is its lines at
// their place, and runs; a change that does not apply is refused.
func TestPacketChanges(t *testing.T) {
	src := lessonSources(t)["qos1"]
	old, x, err := Rerun("qos1", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	phoneAck := stepOf(t, old, func(s trace.Step) bool { return s.From == "phone" && s.Packet == codec.PUBACK })
	publish := stepOf(t, old, func(s trace.Step) bool {
		return s.From == "sensor" && s.Packet == codec.PUBLISH && strings.Contains(s.Label.EN, "home/temp")
	})
	for _, tt := range []struct {
		c    PacketChange
		step int
		want string
	}{
		{PacketChange{Kind: HoldAck, HoldMS: 2000}, phoneAck, "hold phone PUBACK\npublish sensor home/temp \"21.5\" qos=1\nwait 2000ms\nrelease phone PUBACK\n"},
		{PacketChange{Kind: HoldAck}, phoneAck, "hold phone PUBACK\npublish sensor home/temp \"21.5\" qos=1\nexpect"},
		{PacketChange{Kind: DuplicatePacket}, publish, "duplicate next PUBLISH from sensor id=2\npublish sensor home/temp"},
		{PacketChange{Kind: ResendPacket}, publish, "resend next PUBLISH from sensor id=2\npublish sensor home/temp"},
		{PacketChange{Kind: LosePacket}, publish, "drop next PUBLISH from sensor id=2\npublish sensor home/temp \"21.5\" qos=1\nexpect"},
	} {
		text, err := tt.c.Apply(src, x, tt.step, old.Steps[tt.step])
		if err != nil {
			t.Fatalf("%+v: %v", tt.c, err)
		}
		if !strings.Contains(text, tt.want) {
			t.Errorf("%+v: no %q in\n%s", tt.c, tt.want, text)
		}
		if _, _, err := Rerun("qos1", text, 1); err != nil {
			t.Errorf("%+v: %v", tt.c, err)
		}
	}
	sensorAck := stepOf(t, old, func(s trace.Step) bool { return s.To == "sensor" && s.Packet == codec.PUBACK })
	// The broker holds its own acknowledgement, for 1 s; not a CONNACK.
	text, err := (PacketChange{Kind: HoldAck, HoldMS: 1000}).Apply(src, x, sensorAck, old.Steps[sensorAck])
	if err != nil || !strings.Contains(text, "hold broker sensor PUBACK\npublish sensor home/boot \"hello\" qos=1\nwait 1000ms\nrelease broker sensor PUBACK\n") {
		t.Errorf("the broker's PUBACK held: %v\n%s", err, text)
	} else if tr, _, err := Rerun("qos1", text, 1); err != nil || len(tr.Failed()) > 0 {
		t.Errorf("the broker's PUBACK held for 1 s: %v, %+v", err, tr.Failed())
	}
	connack := stepOf(t, old, func(s trace.Step) bool { return s.Packet == codec.CONNACK })
	if _, err := (PacketChange{Kind: HoldAck}).Apply(src, x, connack, old.Steps[connack]); err == nil {
		t.Error("the broker's CONNACK held")
	}
	if _, err := (PacketChange{Kind: ResendPacket}).Apply(src, x, sensorAck, old.Steps[sensorAck]); err == nil {
		t.Error("a PUBACK resent")
	}
}

// TestActionsInOrder: actions added one after another at the same step
// go one after another.
func TestActionsInOrder(t *testing.T) {
	src := "client a\nconnect a\n"
	_, x, err := Rerun("t", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	text, line := ActionAt(src, x, 0, Action{Kind: ActAddClient, NewClient: NewClient{Name: "b", Clean: true}})
	text, line = ActionAfter(text, line, Action{Kind: ActConnect, Client: "b"})
	text, _ = ActionAfter(text, line, Action{Kind: ActCut, Client: "b"})
	if want := "client a\nconnect a\nclient b clean=1 keepalive=0\nconnect b\ncut b\n"; text != want {
		t.Errorf("%q, want %q", text, want)
	}
}

package script

import (
	"strings"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// TestActionKeepsExpectations: an action added at any step of a lesson
// goes after the expect lines that check the statement of that step, so
// the lesson's own expectations still check what they checked. Each of
// these actions leaves what the lesson expects alone (a filter nobody
// publishes to, a message nobody subscribed to, a client of its own, time
// passing); placed before those expect lines, the SUBSCRIBE alone breaks
// `expect CLIENT suback N`.
func TestActionKeepsExpectations(t *testing.T) {
	sources := lessonSources(t)
	for _, name := range []string{"qos1", "qos2", "qos1-lost-puback", "qos2-lost-pubrec", "persistent-session", "retained-late-subscriber"} {
		src, ok := sources[name]
		if !ok {
			t.Fatalf("no lesson %s", name)
		}
		old, x, err := Rerun(name, src, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(old.Failed()) > 0 {
			t.Fatalf("%s fails as it is: %+v", name, old.Failed())
		}
		ran := 0
		for i, s := range old.Steps {
			client := stepClient(s)
			for _, acts := range [][]Action{
				{{Kind: ActSubscribe, Client: client, Topic: "quiet/#"}},
				{{Kind: ActPublish, Client: client, Topic: "quiet/x", Payload: ".", QoS: 1}},
				{{Kind: ActWait, WaitMS: 3000}},
				{{Kind: ActAddClient, NewClient: NewClient{Name: "visitor", Clean: true}}, {Kind: ActConnect, Client: "visitor"}, {Kind: ActSubscribe, Client: "visitor", Topic: "#", QoS: 2}},
			} {
				if acts[0].Client == "" && acts[0].Kind != ActWait && acts[0].Kind != ActAddClient {
					continue
				}
				text, line := ActionAt(src, x, i, acts[0])
				for _, a := range acts[1:] {
					text, line = ActionAfter(text, line, a)
				}
				tr, _, err := Rerun(name, text, 1)
				if err != nil {
					// The client of the step is not connected then.
					continue
				}
				ran++
				if msg := sameExpectations(old, tr, tookID(acts[0])); msg != "" {
					t.Errorf("%s, step %d (%s), %s added:\n%s\n%s", name, i+1, s.Label.EN, acts[0].Kind, msg, text)
				}
			}
		}
		if ran < len(old.Steps) {
			t.Errorf("%s: only %d changed runs for %d steps", name, ran, len(old.Steps))
		}
	}
}

// stepClient is the client a step is sent by or to, "" when none is.
func stepClient(s trace.Step) string {
	switch {
	case s.From != "" && s.From != trace.BrokerName:
		return s.From
	case s.To != "" && s.To != trace.BrokerName:
		return s.To
	}
	return ""
}

// tookID is the client whose next packet id action a takes, "" when it
// takes none.
func tookID(a Action) string {
	if a.Kind == ActSubscribe || a.Kind == ActPublish && a.QoS > 0 {
		return a.Client
	}
	return ""
}

// sameExpectations says how the expectations of tr differ from those of
// old, which all hold: "" when they are the same lines, in order, and all
// hold but those that name a packet id of client idsOf (the action took
// one, the lesson's later ids are one more: a true change).
func sameExpectations(old, tr *trace.Trace, idsOf string) string {
	if len(tr.Expectations) != len(old.Expectations) {
		return "a different number of expectations"
	}
	var b strings.Builder
	for i, e := range tr.Expectations {
		if e.Text != old.Expectations[i].Text {
			b.WriteString("expectation " + e.Text + " in place of " + old.Expectations[i].Text + "\n")
		}
		if !e.OK && !(idsOf != "" && strings.HasPrefix(e.Text, "expect "+idsOf+" ") && strings.Contains(e.Text, "id=")) {
			b.WriteString("FAIL " + e.Text)
			if e.Why != nil {
				b.WriteString(": " + e.Why.EN)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestActionPlace: after the expect lines (and the blank lines and
// comments among them) that follow the statement, out of a repeat block;
// before a rule for the next packet and the rules just above it.
func TestActionPlace(t *testing.T) {
	src := "connect a\nexpect a connack 0\n\n# next\nexpect a inflight 0\nnote en: x\ndrop next PUBACK to a\nhold a PUBACK\npublish a t \"x\" qos=1\nrepeat 2\nping a\nexpect a inflight 0\nend\nexpect a inflight 0\nwait 1s\n"
	for _, tt := range []struct {
		line int
		want Place
	}{
		{1, Place{Line: 5, After: true}},
		{6, Place{Line: 6, After: true}},
		{8, Place{Line: 7}},
		{7, Place{Line: 7}},
		{9, Place{Line: 9, After: true}},
		{11, Place{Line: 14, After: true}},
		{15, Place{Line: 15, After: true}},
		{0, Place{Line: 0, After: true}},
	} {
		if got := ActionPlace(src, tt.line); got != tt.want {
			t.Errorf("line %d: %+v, want %+v", tt.line, got, tt.want)
		}
	}
}

// TestLoseThenReconnect: losing the PUBACK of a client whose session is
// persistent (clean session 0), then having it reconnect: the client
// resends the PUBLISH with DUP 1 and the same id after a CONNACK with
// session present [MQTT-4.4.0-1], and the phone gets the message twice.
// qos1's sensor has clean session 1: no persistent session there.
func TestLoseThenReconnect(t *testing.T) {
	src := strings.Replace(lessonSources(t)["qos1"], "client sensor\n", "client sensor clean=0\n", 1)
	old, x, err := Rerun("qos1", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	i := stepOf(t, old, func(s trace.Step) bool {
		r, _ := PacketOf(s)
		return r.Type == codec.PUBACK && r.Client == "sensor" && r.ID == 2
	})
	if !Persistent(old, i, "sensor") || Persistent(old, i, "phone") {
		t.Error("Persistent: the sensor's session is persistent here, the phone's is not")
	}
	if q1, _, _ := Rerun("qos1", lessonSources(t)["qos1"], 1); Persistent(q1, i, "sensor") {
		t.Error("Persistent: qos1's sensor has clean session 1")
	}
	changed, err := PacketChange{Kind: LosePacket, Then: Reconnect}.Apply(src, x, i, old.Steps[i])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(changed, "drop next PUBACK to sensor id=2\npublish sensor home/temp \"21.5\" qos=1\ncut sensor\nconnect sensor\n") {
		t.Fatalf("changed scenario:\n%s", changed)
	}
	tr, _, err := Rerun("qos1", changed, 1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range tr.Steps[i:] {
		switch {
		case s.From == "sensor" && s.Packet == codec.PUBLISH, s.To == "phone" && s.Packet == codec.PUBLISH, s.Packet == codec.CONNACK && s.To == "sensor":
			got = append(got, s.From+">"+s.To+" "+s.Label.EN)
		}
	}
	want := []string{
		"broker>phone PUBLISH q1 id=1 home/temp",
		"broker>sensor CONNACK 0 accepted session-present",
		"sensor>broker PUBLISH q1 id=2 dup home/temp",
		"broker>phone PUBLISH q1 id=2 home/temp",
		"sensor>broker PUBLISH q1 id=3 home/humidity",
		"broker>phone PUBLISH q1 id=3 home/humidity",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after the loss:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := (PacketChange{Kind: LosePacket, Then: Reconnect}).Apply(src, x, 0, old.Steps[0]); err == nil {
		t.Error("a reconnect after losing a packet nobody waits for")
	}
}

package script

import (
	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/trace"
	"strings"
	"testing"
)

// expectScript sets up a run for the expectation tests: b holds a
// subscription at QoS 1 and one at QoS 0 and has received one message.
const expectScript = `broker users=u:p
client a user=u pass=p
client b user=u pass=p clean=0
connect a
connect b
subscribe b x qos=1 y qos=0
publish a x "1" qos=1 retain=1
`

func TestExpectationsFail(t *testing.T) {
	tests := []struct{ line, why string }{
		{`expect b receives x "2"`, `b received x "1" qos=1 retain=0 dup=0 id=1`},
		{`expect b receives x "1" qos=0`, `b received x "1" qos=1 retain=0 dup=0 id=1`},
		{`expect b receives x "1" retain=1`, `b received x "1" qos=1 retain=0 dup=0 id=1`},
		{`expect b receives x "1" id=2`, `b received x "1" qos=1 retain=0 dup=0 id=1`},
		{`expect b received 2`, `b received 1: x "1" qos=1 retain=0 dup=0 id=1`},
		{`expect a receives x`, `a received nothing new`},
		{`expect b disconnected`, `b is connected`},
		{`expect b connack 0 session=1`, `b received CONNACK 0 session=0`},
		{`expect a suback 0`, `a received no SUBACK`},
		{`expect b suback 1 1`, `b received SUBACK 1 0`},
		{`expect b inflight 1`, `b has 0 in flight`},
		{`expect broker session b absent`, `the broker's session b is connected`},
		{`expect broker session b queued 1`, `the broker's session b has 0 queued`},
		{`expect broker session b subscribed z`, `the broker's session b has x qos=1, y qos=0`},
		{`expect broker session b subscribed x qos=2`, `the broker's session b has x qos=1, y qos=0`},
		{`expect broker session nobody present`, `the broker's session nobody is absent`},
		{`expect broker session nobody inflight 0`, `the broker holds no session nobody`},
		{`expect retained x "2"`, `the broker retains x "1" qos=1 retain=1`},
		{`expect retained x qos=0`, `the broker retains x "1" qos=1 retain=1`},
		{`expect no retained x`, `the broker retains x "1" qos=1 retain=1`},
		{`expect retained y`, `the broker retains nothing on y`},
		{`expect rule MQTT-0`, `the notes name `},
	}
	for _, tt := range tests {
		tr, err := Run("fail", expectScript+tt.line+"\n", 1)
		if err != nil {
			t.Fatalf("%s: %v", tt.line, err)
		}
		e := tr.Expectations[0]
		if e.OK || e.Line != 8 || e.Text != tt.line || !strings.HasPrefix(simtest.WhyEN(e), tt.why) {
			t.Errorf("%s:\n got %+v\nwant why %q", tt.line, e, tt.why)
		}
	}
}

func TestExpectationsHold(t *testing.T) {
	src := expectScript + `expect b receives x "1" qos=1 retain=0 dup=0 id=1
expect no delivery to b
expect b received 1 messages
expect a connected
expect b connack 0 session=0
expect b suback 1 0
expect b inflight 0
expect broker session b connected
expect broker session b present
expect broker session b subscribed x qos=1
expect broker session b subscribed y
expect broker session b queued 0
expect broker session a inflight 0
expect broker session nobody absent
expect retained x "1" qos=1
expect retained x
expect no retained y
expect rule MQTT-3.8.4-6
disconnect b
publish a x "2" qos=1
publish a y "3" qos=0
expect broker session b disconnected
expect broker session b queued 1
expect b disconnected
connect b
expect b connack 0 session=1
expect b receives x "2" retain=0
expect no delivery to b
`
	tr, err := Run("hold", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Expectations) != 24 {
		t.Errorf("%d expectations, want 24", len(tr.Expectations))
	}
	for _, e := range tr.Failed() {
		t.Errorf("line %d: %s\n    found: %s", e.Line, e.Text, simtest.WhyEN(e))
	}
}

// TestReceivesInOrder checks that each receives looks after the message the
// previous one matched, so that two lines expect two deliveries.
func TestReceivesInOrder(t *testing.T) {
	src := expectScript + `publish a x "1" qos=1
expect b receives x "1"
expect b receives x "1"
expect b receives x "1"
`
	tr, err := Run("order", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := []bool{tr.Expectations[0].OK, tr.Expectations[1].OK, tr.Expectations[2].OK}
	if !got[0] || !got[1] || got[2] {
		t.Errorf("holds = %v, want [true true false]: two messages, three lines", got)
	}
}

// TestRunErrorLine checks that an action the world refuses stops the run
// with a ParseError at its line.
func TestRunErrorLine(t *testing.T) {
	_, err := Run("err", "client a\nconnect a\nconnect a\n", 1)
	if err == nil || err.Error() != "line 3, col 1: client a is already connected" {
		t.Errorf("got %v, want a ParseError at line 3: client a is already connected", err)
	}
}

// TestTraceCarriesLinesAndDescription: every expectation says where it
// stands (line and column), and the trace carries the describe text for
// the page to show.
func TestTraceCarriesLinesAndDescription(t *testing.T) {
	src := "describe en: Two lines\ndescribe zh: 两行\nclient a\nconnect a\n  expect a connected\n\texpect a disconnected   # fails\n"
	tr, err := Run("where", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	if tr.Description.EN != "Two lines" || tr.Description.ZH != "两行" {
		t.Errorf("description %+v", tr.Description)
	}
	want := []trace.Expectation{
		{Line: 5, Col: 3, Text: "expect a connected", OK: true},
		{Line: 6, Col: 2, Text: "expect a disconnected", Why: &trace.Text{EN: "a is connected", ZH: "a 已连接"}},
	}
	for i, w := range want {
		got := tr.Expectations[i]
		if got.Line != w.Line || got.Col != w.Col || got.Text != w.Text || got.OK != w.OK || (got.Why == nil) != (w.Why == nil) || got.Why != nil && *got.Why != *w.Why {
			t.Errorf("expectation %d = %+v (why %v), want %+v (why %v)", i, got, got.Why, w, w.Why)
		}
	}
}

// TestExpectInflightNamesStages checks that a failed in-flight expectation
// lists each exchange by its direction and stage, in both languages.
func TestExpectInflightNamesStages(t *testing.T) {
	src := `client a
connect a
hold a PUBREL
publish a x "1" qos=2
wait 100ms
expect broker session a inflight 0
`
	tr, err := Run("inflight", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	e := tr.Expectations[0]
	if e.OK || e.Why == nil {
		t.Fatalf("expectation holds: %+v", e)
	}
	if want := "the broker's session a has 1 in flight: in id=1 q2 PUBREC sent"; e.Why.EN != want {
		t.Errorf("why %q, want %q", e.Why.EN, want)
	}
	if want := "：收 id=1 q2 已发送 PUBREC，等待 PUBREL"; !strings.HasSuffix(e.Why.ZH, want) {
		t.Errorf("why %q, want it to end %q", e.Why.ZH, want)
	}
}

package script

import (
	"mqttviz/sim/internal/simtest"
	"mqttviz/sim/trace"
	"strings"
	"testing"
)

// runExpect runs src and returns its expectations' results, failing the
// test when it does not run.
func runExpect(t *testing.T, src string) []trace.Expectation {
	t.Helper()
	tr, err := Run("test", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	return tr.Expectations
}

// wantHolds checks each expectation's result against want, in order, and
// that a failed one says why with the text given (a part of it).
func wantHolds(t *testing.T, got []trace.Expectation, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d expectations, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		switch {
		case w == "ok" && !g.OK:
			t.Errorf("line %d %q failed: %s", g.Line, g.Text, simtest.WhyEN(g))
		case w != "ok" && g.OK:
			t.Errorf("line %d %q held, want it to fail with %q", g.Line, g.Text, w)
		case w != "ok" && !strings.Contains(simtest.WhyEN(g), w):
			t.Errorf("line %d %q: why %q, want %q", g.Line, g.Text, simtest.WhyEN(g), w)
		case w != "ok" && (g.Why.ZH == "" || strings.Contains(g.Why.ZH, " is ") || strings.Contains(g.Why.ZH, "received")):
			t.Errorf("line %d %q: Chinese why %q missing or English", g.Line, g.Text, g.Why.ZH)
		}
	}
}

// TestConnackOfTheCurrentConnection: a connection that got no CONNACK
// does not pass with an earlier connection's, and a client waiting for
// its CONNACK on an open connection is not disconnected.
func TestConnackOfTheCurrentConnection(t *testing.T) {
	got := runExpect(t, `client a clean=0
connect a
subscribe a x qos=1
expect a connack 0 session=0
expect a suback 1
disconnect a
expect a disconnected
expect a closed
drop next CONNACK to a
connect a
expect a connack 0
expect a suback 1
expect a got no CONNACK
expect a sent CONNECT
expect a disconnected
expect a connecting
expect a connected
`)
	wantHolds(t, got, "ok", "ok", "ok", "ok",
		"a received no CONNACK on its current connection",
		"a received no SUBACK on its current connection",
		"ok", "ok",
		"a is connecting", "ok", "a is connecting")
}

// TestRefusedClientIsConnectingUntilTheClose: after CONNACK 5 the client
// is not connected; it is disconnected once the broker's close arrives,
// and the broker closed the connection itself.
func TestRefusedClientIsConnectingUntilTheClose(t *testing.T) {
	got := runExpect(t, `broker notauthorized=a
client a
connect a
expect a connack 5
expect a disconnected
expect broker closed a
expect a closed
`)
	wantHolds(t, got, "ok", "ok", "ok", "a did not close the connection itself")
}

// TestAcknowledgementExpectations: the ids of PUBREC, PUBREL, PUBCOMP,
// UNSUBACK, and PINGRESP, each the last of its type on the connection.
func TestAcknowledgementExpectations(t *testing.T) {
	got := runExpect(t, `client a
client b
connect a
connect b
subscribe b x qos=2
publish a x "1" qos=2
expect a got PUBREC id=1
expect a sent PUBREL id=1
expect a got PUBCOMP id=1
expect b got PUBLISH id=1
expect b sent PUBREC id=1
expect b got PUBREL id=1
expect b sent PUBCOMP id=1
publish a x "2" qos=1
expect a got PUBACK id=2
expect a got PUBACK id=1
unsubscribe b x
expect b got UNSUBACK id=2
expect b got no PINGRESP
ping b
expect b got PINGRESP
expect a got SUBACK
expect a sent no SUBSCRIBE
`)
	wantHolds(t, got, "ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok",
		"the last PUBACK a received was PUBACK id=2",
		"ok", "ok", "ok", "a received no SUBACK on its current connection", "ok")
}

// TestBrokerClosedTheConnection: a second CONNECT makes the broker close
// the connection; a cut is nobody's close.
func TestBrokerClosedTheConnection(t *testing.T) {
	got := runExpect(t, `client a
client b
connect a
connect b
expect broker closed a
raw a 10 0c 00 04 4d 51 54 54 04 02 00 3c 00 00
expect broker closed a
expect a disconnected
cut b
expect broker closed b
expect b closed
`)
	wantHolds(t, got, "the broker keeps the connection open", "ok", "ok",
		"the broker did not close the connection itself", "b did not close the connection itself")
}

// TestBrokerPacketExpectations: the broker's end of a connection tells a
// CONNACK the link lost from one the broker never sent.
func TestBrokerPacketExpectations(t *testing.T) {
	got := runExpect(t, `broker unavailable=0
client a
client b
drop next CONNACK to a
connect a
expect a got no CONNACK
expect broker sent CONNACK to a
expect broker got CONNECT from a
open b
raw b 82 09 00 01 00 04 32 32 32 32 00
expect broker got no CONNECT from b
expect broker sent no CONNACK to b
expect broker got SUBSCRIBE from b id=2
expect broker sent CONNACK to b
`)
	wantHolds(t, got, "ok", "ok", "ok", "ok", "ok",
		"the last SUBSCRIBE the broker received from b was SUBSCRIBE id=1",
		"the broker sent no CONNACK to b on its current connection")
}

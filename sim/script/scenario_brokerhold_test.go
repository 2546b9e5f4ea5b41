package script

import (
	"strings"
	"testing"

	"mqttviz/codec"
)

// TestBrokerHoldsPuback: the broker holds back its PUBACK to the sensor;
// it has forwarded the message all the same and keeps no state of it (as
// if it had answered); the sensor still waits; released, the PUBACK goes.
func TestBrokerHoldsPuback(t *testing.T) {
	got := runExpect(t, `client sensor
client phone
connect sensor
connect phone
subscribe phone t qos=1
hold broker sensor PUBACK
publish sensor t "x" qos=1
expect phone receives t "x" qos=1
expect sensor inflight 1
expect broker session sensor inflight 0
wait 5s
expect sensor inflight 1
release broker sensor PUBACK
expect sensor got PUBACK id=1
expect sensor inflight 0
`)
	wantHolds(t, got, "ok", "ok", "ok", "ok", "ok", "ok")
}

// TestBrokerHoldsQoS2: held PUBREC stops the sender's handshake at its
// first answer; released after 2 s, the handshake completes. A held
// PUBREL to the subscriber leaves it holding the id.
func TestBrokerHoldsQoS2(t *testing.T) {
	got := runExpect(t, `client sensor
client phone
connect sensor
connect phone
subscribe phone t qos=2
hold broker sensor PUBREC
hold broker phone PUBREL
publish sensor t "x" qos=2
expect sensor inflight 1
wait 2000ms
release broker sensor PUBREC
expect sensor got PUBCOMP id=1
expect sensor inflight 0
expect phone inflight 1
release broker phone PUBREL
expect phone got PUBREL id=1
expect phone inflight 0
`)
	wantHolds(t, got, "ok", "ok", "ok", "ok", "ok", "ok")
}

// TestBrokerHoldsSuback: a held SUBACK leaves the SUBSCRIBE unanswered,
// though the subscription is made; released, the SUBACK comes.
func TestBrokerHoldsSuback(t *testing.T) {
	got := runExpect(t, `client phone
connect phone
hold broker phone SUBACK UNSUBACK
subscribe phone t qos=1
expect phone suback 1
expect broker session phone subscribed t qos=1
release broker phone SUBACK
expect phone suback 1
`)
	wantHolds(t, got, "phone received no SUBACK", "ok", "ok")
}

// TestBrokerHoldAcrossReconnect: a PUBACK held for a connection that
// closed is never sent: the sensor (clean session 0) reconnects and
// resends with DUP, and the PUBACK of that one, held too, is what the
// release sends.
func TestBrokerHoldAcrossReconnect(t *testing.T) {
	tr, err := Run("test", `client sensor clean=0
connect sensor
hold broker sensor PUBACK
publish sensor t "x" qos=1
cut sensor
connect sensor
expect sensor connack 0 session=1
expect sensor inflight 1
release broker sensor PUBACK
expect sensor inflight 0
`, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range tr.Failed() {
		t.Errorf("%s: %s", e.Text, e.Why.EN)
	}
	var acks, never int
	for _, s := range tr.Steps {
		if s.Packet == codec.PUBACK && s.To == "sensor" {
			acks++
		}
		for _, n := range s.Notes {
			if strings.Contains(n.Text.EN, "the broker never sends it") && n.Text.ZH != "" {
				never++
			}
		}
	}
	if acks != 1 || never != 1 {
		t.Errorf("%d PUBACKs to the sensor and %d held ones never sent, want 1 and 1", acks, never)
	}
}

// TestBrokerHoldLines: hold broker takes the broker's acknowledgements
// only, and does not run on a real broker.
func TestBrokerHoldLines(t *testing.T) {
	for src, want := range map[string]string{
		"client a\nhold broker a CONNACK\n":   "SUBACK",
		"client a\nhold broker a\n":           "PUBACK",
		"client a\nrelease broker b PUBACK\n": "b",
	} {
		if _, err := Parse("t", src); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want an error naming %s", src, err, want)
		}
	}
	sc, err := Parse("t", "client a\nhold broker a PUBACK\n")
	if err != nil {
		t.Fatal(err)
	}
	err = sc.stmts[len(sc.stmts)-1].run(&runner{t: clientsOnly{}})
	if err == nil || !strings.Contains(err.Error(), "real broker") {
		t.Errorf("hold broker on a target that is not the simulated world: %v", err)
	}
}

// clientsOnly is a Target that is no BrokerTarget, as a real broker's.
type clientsOnly struct{ Target }

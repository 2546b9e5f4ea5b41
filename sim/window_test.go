package sim

import (
	"reflect"
	"testing"

	"mqttviz/codec"
	"mqttviz/sim/trace"
)

// testFlight is a flight of id at qos in stage, last sent at sentAt.
func testFlight(id uint16, qos codec.QoS, stage trace.Stage, sentAt int64) *flight {
	return &flight{id: id, msg: &message{topic: "t", payload: []byte("p"), qos: qos}, qos: qos, stage: stage, sentAt: sentAt}
}

func TestWindowNextID(t *testing.T) {
	var w window
	w.add(testFlight(1, 1, trace.StagePublishSent, 0))
	busy := func(id uint16) bool { return id == 2 }
	if got := w.nextID(busy); got != 3 {
		t.Errorf("1 in flight, 2 busy: got %d, want 3", got)
	}
	w.lastID = 65534
	if got := w.nextID(nil); got != 65535 {
		t.Errorf("after 65534: got %d", got)
	}
	if got := w.nextID(nil); got != 2 {
		t.Errorf("after 65535 it wraps to 1, in flight: got %d, want 2", got)
	}
}

// TestWindowAcks checks which acknowledgement completes or moves which
// exchange, the same for the broker and for a client.
func TestWindowAcks(t *testing.T) {
	tests := []struct {
		name  string
		f     *flight
		ack   codec.PacketType
		ok    bool
		stage trace.Stage // the stage after, when it stays
		left  int
	}{
		{"PUBACK completes QoS 1", testFlight(1, 1, trace.StagePublishSent, 0), codec.PUBACK, true, 0, 0},
		{"PUBACK of a QoS 2 PUBLISH", testFlight(1, 2, trace.StagePublishSent, 0), codec.PUBACK, false, trace.StagePublishSent, 1},
		{"PUBACK before the PUBLISH left", testFlight(1, 1, trace.StageUnsent, 0), codec.PUBACK, false, trace.StageUnsent, 1},
		{"PUBREC moves QoS 2 to PUBREL", testFlight(1, 2, trace.StagePublishSent, 0), codec.PUBREC, true, trace.StagePubrelSent, 1},
		{"PUBREC again keeps PUBREL", testFlight(1, 2, trace.StagePubrelSent, 0), codec.PUBREC, true, trace.StagePubrelSent, 1},
		{"PUBREC of a QoS 1 PUBLISH", testFlight(1, 1, trace.StagePublishSent, 0), codec.PUBREC, false, trace.StagePublishSent, 1},
		{"PUBCOMP completes PUBREL", testFlight(1, 2, trace.StagePubrelSent, 0), codec.PUBCOMP, true, 0, 0},
		{"PUBCOMP before PUBREC", testFlight(1, 2, trace.StagePublishSent, 0), codec.PUBCOMP, false, trace.StagePublishSent, 1},
	}
	for _, tt := range tests {
		var w window
		w.add(tt.f)
		var ok bool
		switch tt.ack {
		case codec.PUBACK:
			ok = w.puback(1)
		case codec.PUBREC:
			ok = w.pubrec(1, 500)
		case codec.PUBCOMP:
			ok = w.pubcomp(1)
		}
		if ok != tt.ok || w.len() != tt.left || (tt.left > 0 && w.flights[0].stage != tt.stage) {
			t.Errorf("%s: ok %v, %d left, flights %+v", tt.name, ok, w.len(), w.flights)
		}
		if tt.ack == codec.PUBREC && ok && tt.f.sentAt != 500 {
			t.Errorf("%s: PUBREL sent at %d, want 500", tt.name, tt.f.sentAt)
		}
		if w.puback(9) || w.pubrec(9, 0) || w.pubcomp(9) {
			t.Errorf("%s: an unknown id matched", tt.name)
		}
	}
}

// TestWindowRetryEarliestDue checks the one retry rule: each exchange is
// resent once it has waited the interval, and the timer is set for the
// earliest one due next, not a whole interval after the tick.
func TestWindowRetryEarliestDue(t *testing.T) {
	var w window
	w.add(testFlight(1, 1, trace.StagePublishSent, 0))
	w.add(testFlight(2, 2, trace.StagePubrelSent, 300))
	w.add(testFlight(3, 1, trace.StageUnsent, 0)) // kept offline: never resent on a timer
	var resent []uint16
	resend := func(f *flight) { resent = append(resent, f.id) }
	steps := []struct {
		now    int64
		resent []uint16
		next   int64
	}{
		{1000, []uint16{1}, 1300},
		{1300, []uint16{2}, 2000},
		{2000, []uint16{1}, 2300},
	}
	for _, s := range steps {
		resent = nil
		if next := w.retry(s.now, 1000, resend); next != s.next || !reflect.DeepEqual(resent, s.resent) {
			t.Errorf("at %d: resent %v, next %d; want %v, %d", s.now, resent, next, s.resent, s.next)
		}
	}
	var empty window
	empty.add(testFlight(1, 1, trace.StageUnsent, 0))
	if next := empty.retry(5000, 1000, resend); next != -1 {
		t.Errorf("nothing sent: next %d, want -1", next)
	}
}

// TestFlightPacket checks what (re)sends an exchange in each stage.
func TestFlightPacket(t *testing.T) {
	var p codec.Publish
	for _, tt := range []struct {
		stage trace.Stage
		want  codec.Packet
	}{
		{trace.StageUnsent, &codec.Publish{QoS: 2, Topic: "t", PacketID: 4, Payload: []byte("p")}},
		{trace.StagePublishSent, &codec.Publish{Dup: true, QoS: 2, Topic: "t", PacketID: 4, Payload: []byte("p")}},
		{trace.StagePubrelSent, &codec.Pubrel{PacketID: 4}},
	} {
		if got := testFlight(4, 2, tt.stage, 0).packet(&p); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%v: %+v, want %+v", tt.stage, got, tt.want)
		}
	}
}

// TestRetryEarliestDueBothSides runs the retry rule on each side of a
// link: two messages sent 300 ms apart whose acknowledgements are lost are
// each resent one interval after they left.
func TestRetryEarliestDueBothSides(t *testing.T) {
	for _, side := range []string{"client", "broker"} {
		t.Run(side, func(t *testing.T) {
			o := Options{}
			co := ClientOptions{}
			from, to, lossy := "pub", trace.BrokerName, "pub"
			if side == "client" {
				co.RetryInterval = 1000
			} else {
				o.Broker.RetryInterval = 1000
				from, to, lossy = trace.BrokerName, "sub", "sub"
			}
			st := newSimTest(t, o)
			st.client("pub", co)
			st.client("sub", ClientOptions{})
			st.connect("pub", "sub")
			st.subscribe("sub", "a", 1)
			ack := Up
			if side == "client" {
				ack = Down
			}
			st.w.DropNext(lossy, DropMatch{Type: codec.PUBACK, Dir: ack})
			st.w.DropNext(lossy, DropMatch{Type: codec.PUBACK, Dir: ack})
			st.mark()
			start := st.w.Now()
			st.must(st.w.Publish("pub", "a", []byte("1"), 1, false))
			st.w.Advance(300)
			st.must(st.w.Publish("pub", "a", []byte("2"), 1, false))
			st.run()
			first := st.wantPacket("the first again", from, to, &codec.Publish{Dup: true, QoS: 1, PacketID: 1, Topic: "a", Payload: []byte("1")})
			second := st.wantPacket("the second again", from, to, &codec.Publish{Dup: true, QoS: 1, PacketID: 2, Topic: "a", Payload: []byte("2")})
			if gap := second.SentAt - first.SentAt; gap != 300 {
				t.Errorf("resent at %d and %d (from %d): the second waited %d ms more than the first, want 300", first.SentAt, second.SentAt, start, gap)
			}
		})
	}
}
